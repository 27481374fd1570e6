import { accountsEn } from './accounts.en';
import { adminEn } from './admin.en';
import { aftersalesEn } from './aftersales.en';
import { agencyEn } from './agency.en';
import { buyersEn } from './buyers.en';
import { catalogEn } from './catalog.en';
import { commonEn } from './common.en';
import { errorsEn } from './errors.en';
import { findingsEn } from './findings.en';
import { ordersEn } from './orders.en';
import { oversightEn } from './oversight.en';
import { produceEn } from './produce.en';
import { statsEn } from './stats.en';
import { suppliersEn } from './suppliers.en';
import type { Dictionary } from './zh-CN';

export const en: Dictionary = {
  common: commonEn,
  accounts: accountsEn,
  admin: adminEn,
  aftersales: aftersalesEn,
  agency: agencyEn,
  buyers: buyersEn,
  catalog: catalogEn,
  errors: errorsEn,
  findings: findingsEn,
  orders: ordersEn,
  oversight: oversightEn,
  produce: produceEn,
  stats: statsEn,
  suppliers: suppliersEn,
};
