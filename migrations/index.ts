// Every schema change is a migration listed here, in order; the app never synchronizes.
import { Foundation1764000000000 } from './1764000000000-foundation';
import { Catalog1764000100000 } from './1764000100000-catalog';
import { ProductEvents1764000300000 } from './1764000300000-product-events';
import { Ordering1764000500000 } from './1764000500000-ordering';
import { Ledger1764000600000 } from './1764000600000-ledger';
import { Payment1764000600100 } from './1764000600100-payment';
import { Attribution1764000700000 } from './1764000700000-attribution';
import { Procurement1764000800000 } from './1764000800000-procurement';
import { AttributionEntryLineKey1764000900000 } from './1764000900000-attribution-entry-line-key';
import { AgencyOrderPolicy1764001000000 } from './1764001000000-agency-order-policy';
import { AccountSecurity1764001400000 } from './1764001400000-account-security';
import { Statistics1764001500000 } from './1764001500000-statistics';
import { StatisticsCube1764001600000 } from './1764001600000-statistics-cube';
import { SupervisionPaymentClock1764001700000 } from './1764001700000-supervision-payment-clock';
import { Audit1764001800000 } from './1764001800000-audit';
import { SupplierSuspensionProposal1764001900000 } from './1764001900000-supplier-suspension-proposal';
import { AnomalyFindings1764001900100 } from './1764001900100-anomaly-findings';
import { Aftersales1764002000000 } from './1764002000000-aftersales';
import { Produce1764002100000 } from './1764002100000-produce';
import { ProduceImages1764002100100 } from './1764002100100-produce-images';
import { Buyers1764002200000 } from './1764002200000-buyers';
import { SupplierTools1764002500000 } from './1764002500000-supplier-tools';
import { PasswordReset1764002600000 } from './1764002600000-password-reset';
import { StatisticsExclusion1764002700000 } from './1764002700000-statistics-exclusion';
import { EventVersions1764002800000 } from './1764002800000-event-versions';
import { ReadViews1764002900000 } from './1764002900000-read-views';
import { ProductDirectory1764002900100 } from './1764002900100-product-directory';
import { UnitViews1764002900200 } from './1764002900200-unit-views';
import { ProductCertificationInline1764002900300 } from './1764002900300-product-certification-inline';
import { RegionDirectory1764002900400 } from './1764002900400-region-directory';
import { HouseholdLinkageViews1764002900500 } from './1764002900500-household-linkage-views';
import { LotVariantViews1764002900600 } from './1764002900600-lot-variant-views';
import { IdentityAuditViews1764003000000 } from './1764003000000-identity-audit-views';
import { StatisticsBuyerYears1764003100000 } from './1764003100000-statistics-buyer-years';
import { StatisticsLockedRead1764003100100 } from './1764003100100-statistics-locked-read';
import { StatisticsBuyerMonths1764003600000 } from './1764003600000-statistics-buyer-months';
import { OrderLineSummary1764003700000 } from './1764003700000-order-line-summary';
import { AttributionBalanceOnce1764003850000 } from './1764003850000-attribution-balance-once';
import { CatalogChangedNotify1764004000000 } from './1764004000000-catalog-changed-notify';
import { StatisticsBuyerMonthFastPath1764004100000 } from './1764004100000-statistics-buyer-month-fast-path';
import { AuditAppendAtCommit1764004200000 } from './1764004200000-audit-append-at-commit';
import { AuditSequencer1764004500000 } from './1764004500000-audit-sequencer';
import { CatalogStockChanges1764004500100 } from './1764004500100-catalog-stock-changes';
import { OrderLineVariantTime1764004500200 } from './1764004500200-order-line-variant-time';
import { MonthlyPartitions1764003500000 } from './1764003500000-monthly-partitions';
import { AttributionEntryPartitions1764003500100 } from './1764003500100-attribution-entry-partitions';
import { LedgerEntryPartitions1764003500200 } from './1764003500200-ledger-entry-partitions';
import { AuditEventPartitions1764003500300 } from './1764003500300-audit-event-partitions';

export const migrations = [
  Foundation1764000000000,
  Catalog1764000100000,
  ProductEvents1764000300000,
  Ordering1764000500000,
  Ledger1764000600000,
  Payment1764000600100,
  Attribution1764000700000,
  Procurement1764000800000,
  AttributionEntryLineKey1764000900000,
  AgencyOrderPolicy1764001000000,
  AccountSecurity1764001400000,
  Statistics1764001500000,
  StatisticsCube1764001600000,
  SupervisionPaymentClock1764001700000,
  Audit1764001800000,
  SupplierSuspensionProposal1764001900000,
  AnomalyFindings1764001900100,
  Aftersales1764002000000,
  Produce1764002100000,
  ProduceImages1764002100100,
  Buyers1764002200000,
  SupplierTools1764002500000,
  PasswordReset1764002600000,
  StatisticsExclusion1764002700000,
  EventVersions1764002800000,
  ReadViews1764002900000,
  ProductDirectory1764002900100,
  UnitViews1764002900200,
  ProductCertificationInline1764002900300,
  RegionDirectory1764002900400,
  HouseholdLinkageViews1764002900500,
  LotVariantViews1764002900600,
  IdentityAuditViews1764003000000,
  StatisticsBuyerYears1764003100000,
  StatisticsLockedRead1764003100100,
  MonthlyPartitions1764003500000,
  AttributionEntryPartitions1764003500100,
  LedgerEntryPartitions1764003500200,
  AuditEventPartitions1764003500300,
  StatisticsBuyerMonths1764003600000,
  OrderLineSummary1764003700000,
  AttributionBalanceOnce1764003850000,
  CatalogChangedNotify1764004000000,
  StatisticsBuyerMonthFastPath1764004100000,
  AuditAppendAtCommit1764004200000,
  AuditSequencer1764004500000,
  CatalogStockChanges1764004500100,
  OrderLineVariantTime1764004500200,
];
