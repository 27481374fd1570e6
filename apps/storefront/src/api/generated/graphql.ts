/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptOrderInput = {
  /** fileKeys returned by POST /files/orders/:orderId/documents (invoice, inspection report) */
  documents: Array<string>;
  /** 发票号码 */
  invoiceNo: string;
};

/** A delivery address; the region is a county, town or village (pick down to the village where it exists) */
export type AddressInput = {
  detail: string;
  /** Make it the default address (the first address always is) */
  isDefault?: boolean | null | undefined;
  /** Mainland mobile number, 11 digits */
  phone: string;
  recipient: string;
  regionCode: string;
};

/** Only the fields given change; the reason is kept with the amendment */
export type AmendReservedShareInput = {
  canteenBudget?: number | null | undefined;
  canteenMode?: CanteenMode | null | undefined;
  catererName?: string | null | undefined;
  coveredOrgIds?: Array<string | number> | null | undefined;
  /** Why the reserved amount is below the previous year’s (required then unless already given) */
  decreaseReason?: string | null | undefined;
  note?: string | null | undefined;
  orgId: string | number;
  ratioBps?: number | null | undefined;
  reason: string;
  year: number;
};

/** EVENT: an order event, or another domain’s record as it happened (an income dispute); SCHEDULE: the periodic scan; MANUAL: runAnomalyDetection */
export type AnomalyDetectedVia =
  | 'EVENT'
  | 'MANUAL'
  | 'SCHEDULE';

export type AnomalyFindingFilter = {
  kind?: AnomalyKind | null | undefined;
  /** Division code or prefix; within your scope */
  regionCode?: string | null | undefined;
  status?: AnomalyStatus | null | undefined;
  subjectType?: AnomalySubjectType | null | undefined;
};

export type AnomalyKind =
  | 'ATTRIBUTION_GAP'
  | 'CIRCULAR_TRADE'
  | 'DEADLINE_SPIKE'
  | 'INCOME_DISPUTE'
  | 'ORDER_BURST'
  | 'PRICE_ABOVE_REFERENCE'
  | 'SELF_DEALING'
  | 'SPLIT_BASKET'
  | 'UNCERTIFIED_UNDER_LABEL';

export type AnomalyReviewDecision =
  | 'CONFIRM'
  | 'DISMISS';

export type AnomalySeverity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type AnomalyStatus =
  | 'CONFIRMED'
  | 'DISMISSED'
  | 'OPEN';

export type AnomalySubjectType =
  | 'BUYER_UNIT'
  | 'COUNTER'
  | 'ORDER'
  | 'PRODUCT'
  | 'SUPPLIER';

export type ApplyAsSupplierInput = {
  /** Registered county (level-3 division code) */
  countyCode: string;
  /** 统一社会信用代码 */
  creditCode: string;
  kind: SupplierKind;
  /** 利益联结机制: how the supplier shares income with households */
  linkageMechanism: string;
  name: string;
  /** Trading agents only: counties whose produce they sell */
  sourceCountyCodes?: Array<string> | null | undefined;
};

/** CONTRACT_PURCHASE (订单收购), REVENUE_SHARE, WAGE (务工), DIVIDEND (入股分红) */
export type AttributionKind =
  | 'CONTRACT_PURCHASE'
  | 'DIVIDEND'
  | 'REVENUE_SHARE'
  | 'WAGE';

export type AuditEventFilter = {
  actorId?: string | number | null | undefined;
  entityId?: string | null | undefined;
  entityType?: string | null | undefined;
  /** ISO date (Asia/Shanghai day) or timestamp; inclusive */
  from?: string | null | undefined;
  operation?: string | null | undefined;
  /** Region code (its subtree) or code prefix */
  regionCode?: string | null | undefined;
  /** ISO date (inclusive day) or timestamp */
  to?: string | null | undefined;
};

export type BasketInput = {
  buyerOrgId: string | number;
  channelId?: string | number | null | undefined;
  lines: Array<OrderLineInput>;
};

/** Who received attributed income; UNASSIGNED: units not covered by a lot */
export type BeneficiaryKind =
  | 'COOPERATIVE'
  | 'HOUSEHOLD'
  | 'UNASSIGNED'
  | 'VILLAGE_COLLECTIVE';

export type BuyerKind =
  | 'AGENCY'
  | 'CUSTOMER';

/** 食堂模式: OWN, SHARED (one unit files for several), OUTSOURCED (caterer), NONE (exempt) */
export type CanteenMode =
  | 'NONE'
  | 'OUTSOURCED'
  | 'OWN'
  | 'SHARED';

export type CertificationFilter = {
  productId?: string | number | null | undefined;
  /** Origin region code or subtree prefix */
  regionCode?: string | null | undefined;
  /** Stored statuses (a work queue is usually [PENDING] or [VERIFIED]) */
  statuses?: Array<CertificationStatus> | null | undefined;
  supplierId?: string | number | null | undefined;
};

/** PENDING (submitted) → VERIFIED (county coordinator) → CERTIFIED (platform) → EXPIRED | REVOKED; REJECTED at review */
export type CertificationStatus =
  | 'CERTIFIED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'VERIFIED';

/** What the platform writes on the certificate */
export type CertifyProductInput = {
  /** 认定批次, e.g. 2026年第一批 */
  batch: string;
  /** 证书编号, unique across the platform */
  certificateNo: string;
  /** 认定机构 */
  issuer: string;
  /** First valid day, YYYY-MM-DD */
  validFrom: string;
  /** Last valid day (inclusive), YYYY-MM-DD; not before validFrom, not already past */
  validTo: string;
};

/** 三专: HALL 专馆 (online or physical), ZONE 专区 (inside a partner store or site), COUNTER 专柜 (smart vending counter) */
export type ChannelKind =
  | 'COUNTER'
  | 'HALL'
  | 'ZONE';

export type ChannelStatus =
  | 'ACTIVE'
  | 'DISABLED';

export type ComplaintDecision =
  | 'REJECT'
  | 'UPHOLD';

export type ComplaintFilterInput = {
  orderId?: string | number | null | undefined;
  status?: ComplaintStatus | null | undefined;
  supplierId?: string | number | null | undefined;
};

export type ComplaintKind =
  | 'DELIVERY'
  | 'FALSE_ORIGIN'
  | 'PRICE'
  | 'QUALITY'
  | 'QUANTITY';

export type ComplaintRemedy =
  | 'REFUND'
  | 'RETURN';

export type ComplaintStatus =
  | 'ANSWERED'
  | 'OPEN'
  | 'REJECTED'
  | 'UPHELD'
  | 'UPHOLDING';

export type CreateChannelInput = {
  /** Street address; required unless online */
  address?: string | null | undefined;
  /** Default true: only certified products may be placed */
  assistanceOnly?: boolean | null | undefined;
  kind: ChannelKind;
  name: string;
  /** HALL only; an online hall needs no address or region */
  online?: boolean | null | undefined;
  operatorOrgId?: string | number | null | undefined;
  /** Where the channel is (any level); required unless online */
  regionCode?: string | null | undefined;
};

export type CreateLotInput = {
  contributions: Array<LotContributionInput>;
  /** YYYY-MM-DD, not in the future */
  harvestedOn: string;
  /** Unique per variant */
  lotNo: string;
  variantId: string | number;
};

export type CreateOrganizationInput = {
  creditCode?: string | null | undefined;
  kind: OrganizationKind;
  name: string;
  parentId?: string | number | null | undefined;
  regionCode?: string | null | undefined;
};

/** A new produce offer. The village comes from the household. */
export type CreateProduceOfferInput = {
  /** Fen per unit */
  askingPrice: number;
  /** YYYY-MM-DD */
  availableFrom: string;
  /** YYYY-MM-DD, inclusive; not before availableFrom nor in the past */
  availableUntil: string;
  categoryId?: string | number | null | undefined;
  /** 1–50 characters, e.g. 白萝卜 */
  cropName: string;
  /** Assisted offers (代录): the household a county coordinator or town work team lists for. A FARMER leaves it out (its own household). */
  householdId?: string | number | null | undefined;
  /** Up to 6 keys from POST /produce-files/images (your own uploads) */
  imageKeys?: Array<string> | null | undefined;
  note?: string | null | undefined;
  /** Whole units of `unit`, 1 … 2,147,483,647 */
  quantity: number;
  /** kg, g, 斤, 箱, 盒, 袋, 瓶, 罐, 个, 只, 头, 件, 份 */
  unit: string;
  variety?: string | null | undefined;
};

export type CreateProductInput = {
  categoryId?: string | number | null | undefined;
  description?: string | null | undefined;
  /** County or village code; must lie in an ex-poverty county to publish */
  originRegionCode: string;
  /** The supplier organisation; may be omitted when the caller works for exactly one */
  supplierId?: string | number | null | undefined;
  title: string;
  variants: Array<VariantInput>;
};

export type CreateUserInput = {
  displayName: string;
  email?: string | null | undefined;
  organizationId?: string | number | null | undefined;
  password: string;
  phone?: string | null | undefined;
  regionPrefix?: string | null | undefined;
  role: Role;
};

export type DecideComplaintInput = {
  decision: ComplaintDecision;
  /** Why (shown to buyer and supplier) */
  reason: string;
  /** UPHOLD: fen to refund; default what is left of the supplier order's lines */
  refundAmount?: number | null | undefined;
  /** UPHOLD: REFUND (default) or RETURN (goods back, money back) */
  remedy?: ComplaintRemedy | null | undefined;
};

export type DisputeIncomeLineInput = {
  kind: IncomeLineKind;
  /** YYYY-MM */
  month: string;
  /** 1–1000 characters */
  note: string;
  /** ATTRIBUTED_INCOME: the product line of the month */
  productId?: string | number | null | undefined;
  /** PURCHASE_PAYMENT: the receipt whose payment is disputed */
  receiptId?: string | number | null | undefined;
};

/** Stable error codes: `extensions.code` of a GraphQL error, `error.code` of a REST error, `code` of a union result */
export type ErrorCode =
  | 'ADDRESS_LIMIT'
  | 'AGENCY_ORDERS_ONLY'
  | 'ALREADY_COVERED'
  | 'ALREADY_FILED'
  | 'ALREADY_RATED'
  | 'AMOUNT_TOO_LARGE'
  | 'APPROVAL_LIMIT_EXCEEDED'
  | 'BAD_SIGNATURE'
  | 'BAD_USER_INPUT'
  | 'BANK_TRANSFER_NOT_ALLOWED'
  | 'BANK_TRANSFER_PENDING'
  | 'BENEFICIARY_NOT_LINKED'
  | 'CANNOT_DISABLE_SELF'
  | 'CATERER_EXISTS'
  | 'CATERER_REQUIRED'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATION_ALREADY_ACTIVE'
  | 'CERTIFICATION_CLOSED'
  | 'CERTIFICATION_INVALID'
  | 'CHANNEL_DISABLED'
  | 'COMPLAINT_ALREADY_OPEN'
  | 'COMPLAINT_NOT_ALLOWED'
  | 'COMPLAINT_WRONG_STATE'
  | 'CONFLICT'
  | 'COVERED_UNITS_REQUIRED'
  | 'DELIVERY_ADDRESS_REQUIRED'
  | 'DELIVERY_PROOF_REQUIRED'
  | 'DOCUMENTS_REQUIRED'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_TOO_LARGE'
  | 'DUPLICATE_CATEGORY_CODE'
  | 'DUPLICATE_CERTIFICATE_NO'
  | 'DUPLICATE_CREDIT_CODE'
  | 'DUPLICATE_HOUSEHOLD'
  | 'DUPLICATE_IDENTIFIER'
  | 'DUPLICATE_LINE'
  | 'DUPLICATE_LOT'
  | 'DUPLICATE_REFERENCE'
  | 'DUPLICATE_SKU'
  | 'EXEMPTION_EXISTS'
  | 'EXEMPTION_NOT_NEEDED'
  | 'EXEMPTION_NOT_PENDING'
  | 'EXPORT_TOO_LARGE'
  | 'FINDING_ALREADY_REVIEWED'
  | 'FINDING_HAS_NO_SUPPLIER'
  | 'FORBIDDEN'
  | 'HOUSEHOLD_CONFIRMATION_REQUIRED'
  | 'HOUSEHOLD_HAS_LOGIN'
  | 'HOUSEHOLD_NOT_LINKED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IMAGE_ORDER_MISMATCH'
  | 'IMAGE_TOO_LARGE'
  | 'INSUFFICIENT_STOCK'
  | 'INTERNAL_SERVER_ERROR'
  | 'INVALID_ADDRESS'
  | 'INVALID_BASKET'
  | 'INVALID_BUDGET'
  | 'INVALID_CATEGORY_CODE'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CREDIT_CODE'
  | 'INVALID_DATE'
  | 'INVALID_DATES'
  | 'INVALID_DOCUMENT_TYPE'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'INVALID_ID_NUMBER'
  | 'INVALID_IMAGE_TYPE'
  | 'INVALID_INTEREST_RATE'
  | 'INVALID_LIMIT'
  | 'INVALID_MONTH'
  | 'INVALID_NONCE'
  | 'INVALID_PAYMENT_TERM'
  | 'INVALID_PHONE'
  | 'INVALID_PICKUP_DATE'
  | 'INVALID_PRICE'
  | 'INVALID_QUANTITY'
  | 'INVALID_RATIO'
  | 'INVALID_REGION_CODE'
  | 'INVALID_REPORT'
  | 'INVALID_SKU'
  | 'INVALID_STOCK'
  | 'INVALID_TRANSITION'
  | 'INVALID_UNIT'
  | 'INVALID_VALIDITY'
  | 'INVALID_YEAR'
  | 'JOB_NOT_FAILED'
  | 'LEDGER_INVALID_ENTRY'
  | 'LEDGER_UNBALANCED'
  | 'LOCATION_REQUIRED'
  | 'MISSING_SIGNATURE'
  | 'MONTH_NOT_ENDED'
  | 'NONCE_REUSED'
  | 'NOTHING_SHIPPED'
  | 'NOTHING_TO_AMEND'
  | 'NOTHING_TO_PAY'
  | 'NOT_ALL_DELIVERED'
  | 'NOT_AN_AGENCY'
  | 'NOT_AN_AGENCY_ORDER'
  | 'NOT_AN_APPROVER'
  | 'NOT_A_BANK_TRANSFER'
  | 'NOT_A_COUNTER'
  | 'NOT_A_COUNTER_ORDER'
  | 'NOT_A_PURCHASER'
  | 'NOT_FILED'
  | 'NOT_FOUND'
  | 'NOT_FULLY_REFUNDED'
  | 'NOT_OUTSOURCED'
  | 'NOT_PARTIALLY_REFUNDED'
  | 'NO_ACTIVE_VARIANT'
  | 'NO_HOUSEHOLD'
  | 'NO_JURISDICTION'
  | 'NO_LINES'
  | 'NO_LINKAGE'
  | 'NO_PAYMENT_DEADLINE'
  | 'OFFER_HAS_ACCEPTED_COMMITMENTS'
  | 'OFFER_NOT_OPEN'
  | 'OFFER_QUANTITY_EXCEEDED'
  | 'ONLINE_ONLY_FOR_HALL'
  | 'ORDER_ALREADY_ACCEPTED'
  | 'ORDER_ALREADY_COUNTED'
  | 'ORDER_ALREADY_PAID'
  | 'ORDER_ALREADY_SETTLED'
  | 'ORDER_ALREADY_SHIPPED'
  | 'ORDER_CLOSED'
  | 'ORDER_NOT_ACCEPTED'
  | 'ORDER_NOT_APPROVED'
  | 'ORDER_NOT_COUNTED'
  | 'ORDER_NOT_DELIVERED'
  | 'ORDER_NOT_PAID'
  | 'ORDER_NOT_PAYABLE'
  | 'ORDER_NOT_SHIPPABLE'
  | 'ORDER_PAID'
  | 'ORG_REQUIRED'
  | 'ORIGIN_NOT_ELIGIBLE'
  | 'PAYMENT_ALREADY_RECORDED'
  | 'PAYMENT_AMOUNT_MISMATCH'
  | 'PAYMENT_DEADLINE_ALREADY_EXTENDED'
  | 'PAYMENT_DEADLINE_PASSED'
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'PAYMENT_NOT_AWAITING_CONFIRMATION'
  | 'PAYMENT_NOT_UNMATCHED'
  | 'PAYMENT_PROVIDER_ERROR'
  | 'PO_NOT_ISSUED'
  | 'PRICE_MISMATCH'
  | 'PRODUCT_NOT_CERTIFIED'
  | 'PRODUCT_NOT_IN_CHANNEL'
  | 'PRODUCT_NOT_PUBLISHED'
  | 'PRODUCT_UNAVAILABLE'
  | 'PROPOSAL_ALREADY_DECIDED'
  | 'PURCHASE_REQUEST_REQUIRED'
  | 'QUANTITY_TOO_LARGE'
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_DEEP'
  | 'RATE_LIMITED'
  | 'RATING_NOT_ALLOWED'
  | 'RATIO_BELOW_MINIMUM'
  | 'REASON_REQUIRED'
  | 'REBINDING_NOT_PENDING'
  | 'REBINDING_PENDING'
  | 'REBINDING_STALE'
  | 'RECEIPT_EXCEEDS_COMMITMENT'
  | 'REFUND_EXCEEDS_PAID'
  | 'REFUND_FAILED'
  | 'REFUND_ID_REUSED'
  | 'REFUND_IN_PROGRESS'
  | 'REFUND_MISMATCH'
  | 'REFUND_NOT_ALLOWED'
  | 'REFUND_NOT_FOUND'
  | 'REFUND_NOT_POSSIBLE'
  | 'REPORT_ID_CONFLICT'
  | 'REPORT_TOO_OLD'
  | 'REQUEST_NOT_PENDING'
  | 'REQUEST_ORDER_CLOSED'
  | 'RESERVED_DECREASE_REASON_REQUIRED'
  | 'RESET_TOKEN_INVALID'
  | 'ROLE_ORGANIZATION_MISMATCH'
  | 'RULE_EFFECTIVE_BEFORE_PREVIOUS'
  | 'RULE_EFFECTIVE_IN_PAST'
  | 'RULE_EXCEEDS_REVENUE'
  | 'SAME_UNIT'
  | 'SELF_APPROVAL'
  | 'SHARES_EXCEED_100'
  | 'SNAPSHOT_EXISTS'
  | 'STAFF_ORDER_IS_RETAIL'
  | 'STAFF_UNIT_REQUIRED'
  | 'STALE_TIMESTAMP'
  | 'STRIPE_NOT_CONFIGURED'
  | 'SUPPLIER_NOT_ACTIVE'
  | 'SUPPLIER_NOT_APPROVED'
  | 'SUPPLIER_NOT_ELIGIBLE'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'TOO_MANY_CERTIFICATION_DOCUMENTS'
  | 'TOO_MANY_DOCUMENTS'
  | 'TOO_MANY_IMAGES'
  | 'TOO_MANY_LINES'
  | 'TOO_MANY_PHOTOS'
  | 'TOO_MANY_ROWS'
  | 'UNAUTHENTICATED'
  | 'UNIT_ALREADY_COVERED'
  | 'UNIT_MISMATCH'
  | 'UNKNOWN_ADDRESS'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_CHANNEL'
  | 'UNKNOWN_DEVICE'
  | 'UNKNOWN_QUEUE'
  | 'UNKNOWN_REGION'
  | 'UNKNOWN_VARIANT'
  | 'WEAK_PASSWORD'
  | 'WRONG_PASSWORD'
  | 'WRONG_REGION_LEVEL'
  | 'WRONG_SUPPLIER_LOT';

export type ExemptionFilter = {
  orgId?: string | number | null | undefined;
  status?: ExemptionStatus | null | undefined;
};

export type ExemptionStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

export type FileReservedShareInput = {
  /** 食堂食材采购预算 in fen; negative is INVALID_BUDGET */
  canteenBudget: number;
  canteenMode: CanteenMode;
  /** OUTSOURCED: the caterer */
  catererName?: string | null | undefined;
  /** SHARED: the other units eating in this canteen (you must administer them) */
  coveredOrgIds?: Array<string | number> | null | undefined;
  /** Required when the reserved amount is below the previous year’s filing (RESERVED_DECREASE_REASON_REQUIRED) */
  decreaseReason?: string | null | undefined;
  note?: string | null | undefined;
  orgId: string | number;
  /** Basis points (1000 = 10%); required unless canteenMode is NONE */
  ratioBps?: number | null | undefined;
  year: number;
};

export type GrantMembershipInput = {
  organizationId?: string | number | null | undefined;
  regionPrefix?: string | null | undefined;
  role: Role;
  userId: string | number;
};

export type HouseholdFilter = {
  /** Region code or prefix (subtree) */
  regionCode?: string | null | undefined;
  status?: HouseholdStatus | null | undefined;
  /** Households linked to or registered by this supplier */
  supplierId?: string | number | null | undefined;
  /** Exact village code */
  villageCode?: string | null | undefined;
};

/** ORDINARY, EX_POVERTY (脱贫户), MONITORED (监测户) */
export type HouseholdStatus =
  | 'EX_POVERTY'
  | 'MONITORED'
  | 'ORDINARY';

export type IncomeDisputeStatus =
  | 'OPEN'
  | 'RESOLVED';

/** A purchase payment (收购款) or attributed income (带动收益) */
export type IncomeLineKind =
  | 'ATTRIBUTED_INCOME'
  | 'PURCHASE_PAYMENT';

/** UNCONFIRMED, CONFIRMED, DISPUTED (a line of the month is disputed) */
export type IncomeMonthStatus =
  | 'CONFIRMED'
  | 'DISPUTED'
  | 'UNCONFIRMED';

/** Certification on the order day; NONE when the product had no certification */
export type LineCertificationStatus =
  | 'CERTIFIED'
  | 'EXPIRED'
  | 'NONE'
  | 'NOT_YET_VALID'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'VERIFIED';

export type LotContributionInput = {
  householdId: string | number;
  quantity: number;
};

/** A new lot for the receipt, with the fields of createLot (the contribution is the receipt) */
export type NewLotInput = {
  /** YYYY-MM-DD, not in the future */
  harvestedOn: string;
  /** Unique per variant */
  lotNo: string;
  variantId: string | number;
};

export type OpenComplaintInput = {
  description: string;
  kind: ComplaintKind;
  supplierOrderId: string | number;
};

export type OrderActorKind =
  | 'APPROVER'
  | 'BUYER'
  | 'COUNTER'
  | 'PLATFORM_ADMIN'
  | 'SUPPLIER'
  | 'SYSTEM';

export type OrderFilter = {
  buyerOrgId?: string | number | null | undefined;
  /** The user who placed it (retail buyers have no unit) */
  buyerUserId?: string | number | null | undefined;
  channelId?: string | number | null | undefined;
  /** Placed on or after this day (Asia/Shanghai), e.g. 2026-01-01 */
  from?: string | null | undefined;
  /** Part of the order number or invoice number (platform admins: also tracking numbers) */
  search?: string | null | undefined;
  status?: OrderStatus | null | undefined;
  supplierId?: string | number | null | undefined;
  /** A shipping-queue tab of supplierId’s part (requires supplierId) */
  tab?: SupplierOrderTab | null | undefined;
  /** Placed on or before this day (Asia/Shanghai), inclusive */
  to?: string | null | undefined;
};

/** One line of a checkout. There is deliberately no price field: prices come from the catalogue */
export type OrderLineInput = {
  /** A whole number of units, 1 to 10,000 */
  quantity: number;
  variantId: string | number;
};

/** PENDING_APPROVAL → PLACED → PAID | CONFIRMED → FULFILLING → DELIVERED → ACCEPTED → SETTLED; REJECTED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED */
export type OrderStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'DELIVERED'
  | 'FULFILLING'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING_APPROVAL'
  | 'PLACED'
  | 'REFUNDED'
  | 'REJECTED'
  | 'SETTLED';

export type OrganizationKind =
  | 'AGENCY'
  | 'COORDINATION_OFFICE'
  | 'PLATFORM'
  | 'SUPPLIER';

export type PaymentClockFilter = {
  orderId?: string | number | null | undefined;
  /** This unit and the units below it */
  orgId?: string | number | null | undefined;
  /** Only entries owing late interest (OVERDUE, PAID_LATE) */
  overdueOnly?: boolean | null | undefined;
  /** Units in this region prefix (coordinators/auditors: within their scope, else FORBIDDEN) */
  regionCode?: string | null | undefined;
  supplierId?: string | number | null | undefined;
};

/** NOT_DUE, OVERDUE (unpaid after the due date), PAID (on time), PAID_LATE (late interest owed) */
export type PaymentClockStatus =
  | 'NOT_DUE'
  | 'OVERDUE'
  | 'PAID'
  | 'PAID_LATE';

export type PaymentFlag =
  | 'NEEDS_REFUND'
  | 'REFUND_MISMATCH';

/** CARD, ALIPAY, WECHAT_PAY (Stripe) or BANK_TRANSFER (against an invoice) */
export type PaymentMethod =
  | 'ALIPAY'
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'WECHAT_PAY';

/** PREPAY (pay before shipment) or PAY_ON_DELIVERY (agencies only, 货到付款) */
export type PaymentMode =
  | 'PAY_ON_DELIVERY'
  | 'PREPAY';

export type PaymentProvider =
  | 'BANK_TRANSFER'
  | 'STRIPE';

export type PaymentStatus =
  | 'AWAITING_CONFIRMATION'
  | 'CANCELED'
  | 'FAILED'
  | 'REJECTED'
  | 'REQUIRES_PAYMENT'
  | 'SUCCEEDED';

export type PayoutBatchStatus =
  | 'COMPLETED'
  | 'PARTIALLY_FAILED'
  | 'PROCESSING';

export type PlaceOrderInput = {
  /** Retail: one of your addresses (myAddresses), copied onto the order as its delivery address. Required for channels that ship when ORDER_DELIVERY_ADDRESS_REQUIRED is on */
  addressId?: string | number | null | undefined;
  /** The agency (budget unit) buying at agency prices; omitted for retail */
  buyerOrgId?: string | number | null | undefined;
  channelId: string | number;
  /** Chosen by the client per checkout (e.g. a UUID); retries with the same key and payload return the same order */
  idempotencyKey: string;
  /** 1 to 50 lines, one per variant */
  lines: Array<OrderLineInput>;
  /** Retail only: agency staff buying with their own money name the unit they work for (reported in its staff figures); defaults to your only agency */
  staffOfOrgId?: string | number | null | undefined;
};

export type PriceKind =
  | 'AGENCY'
  | 'RETAIL';

export type ProcurementLimitKind =
  | 'APPROVAL'
  | 'SPENDING';

export type ProcurementPolicyInput = {
  skipApprovalBelowLimit: boolean;
  /** Split-basket detection window in minutes (default 1440 = one day) */
  splitWindowMinutes?: number | null | undefined;
};

/** PROPOSED (waiting for the farmer), ACCEPTED, DECLINED, CANCELLED, RECEIVED */
export type ProduceCommitmentStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'DECLINED'
  | 'PROPOSED'
  | 'RECEIVED';

export type ProduceOfferFilter = {
  /** Substring of the crop name */
  cropName?: string | null | undefined;
  householdId?: string | number | null | undefined;
  /** Region code or prefix (subtree) of the household’s village */
  regionCode?: string | null | undefined;
  status?: ProduceOfferStatus | null | undefined;
};

/** OPEN, PARTLY_COMMITTED, COMMITTED, WITHDRAWN, EXPIRED (after availableUntil) */
export type ProduceOfferStatus =
  | 'COMMITTED'
  | 'EXPIRED'
  | 'OPEN'
  | 'PARTLY_COMMITTED'
  | 'WITHDRAWN';

export type ProducePaymentMethod =
  | 'ALIPAY'
  | 'BANK_TRANSFER'
  | 'CASH'
  | 'OTHER'
  | 'WECHAT_PAY';

export type ProducePaymentStatus =
  | 'PAID'
  | 'PENDING';

export type ProductFilter = {
  /** Includes sub-categories */
  categoryId?: string | number | null | undefined;
  /** Only products with a certification valid today */
  certifiedOnly?: boolean | null | undefined;
  channelId?: string | number | null | undefined;
  maxPrice?: number | null | undefined;
  /** On the cheapest active variant’s retail price */
  minPrice?: number | null | undefined;
  /** Origin region subtree: a 12-digit code or a 2/4/6/9-digit prefix */
  regionCode?: string | null | undefined;
  /** Chinese text or pinyin initials (fjs → 梵净山) */
  search?: string | null | undefined;
  /** One supplier; its own staff also see drafts and unpublished products */
  supplierId?: string | number | null | undefined;
};

/** RELEVANCE (searching; newest otherwise), NEWEST, PRICE_ASC / PRICE_DESC (the cheapest active variant’s retail price), SALES (units shipped) */
export type ProductSort =
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RELEVANCE'
  | 'SALES';

export type ProductStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'UNPUBLISHED';

export type ProductUnavailableReason =
  | 'NOT_IN_CHANNEL'
  | 'PRODUCT_NOT_PUBLISHED'
  | 'SUPPLIER_NOT_APPROVED'
  | 'UNKNOWN_VARIANT'
  | 'VARIANT_INACTIVE';

export type PurchaseRequestFilter = {
  /** Only the requests you submitted */
  mine?: boolean | null | undefined;
  orgId?: string | number | null | undefined;
  status?: PurchaseRequestStatus | null | undefined;
};

/** PENDING_APPROVAL → APPROVED | REJECTED | WITHDRAWN */
export type PurchaseRequestStatus =
  | 'APPROVED'
  | 'PENDING_APPROVAL'
  | 'REJECTED'
  | 'WITHDRAWN';

/** PREPAY (预付款) or ON_DELIVERY (货到付款) */
export type PurchaseTerms =
  | 'ON_DELIVERY'
  | 'PREPAY';

export type RecordBankTransferInput = {
  /** Must equal the order total */
  amount: number;
  orderId: string | number;
  /** When the transfer was made (ISO-8601) */
  paidAt: string;
  /** The bank’s transaction reference (流水号) */
  reference: string;
};

export type RefundOrigin =
  | 'PLATFORM'
  | 'PROVIDER'
  | 'UNMATCHED';

export type RefundStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type RegisterCustomerInput = {
  displayName: string;
  email?: string | null | undefined;
  password: string;
  phone?: string | null | undefined;
};

export type RequestExemptionInput = {
  orgId: string | number;
  /** The ratio (basis points) the unit wants to file, below the minimum */
  ratioBps: number;
  reason: string;
  year: number;
};

export type Role =
  | 'AGENCY_ADMIN'
  | 'APPROVER'
  | 'AUDITOR'
  | 'COORDINATOR'
  | 'CUSTOMER'
  | 'FARMER'
  | 'PLATFORM_ADMIN'
  | 'PURCHASER'
  | 'SUPPLIER_ADMIN'
  | 'SUPPLIER_STAFF';

/** REGION: the level below regionCode (provinces for the whole country); BUYER_KIND: AGENCY / RETAIL / COUNTER */
export type SalesGroupBy =
  | 'BUYER_KIND'
  | 'CATEGORY'
  | 'CHANNEL'
  | 'CHANNEL_KIND'
  | 'MONTH'
  | 'REGION'
  | 'SUPPLIER'
  | 'SUPPLIER_KIND';

/** ORIGIN: a sale is placed by its product’s origin region (where the money went); BUYER: by the buying unit’s region (retail and counter sales have none) */
export type StatsSide =
  | 'BUYER'
  | 'ORIGIN';

export type SubmitPurchaseRequestInput = {
  /** The unit buying (you must be its PURCHASER) */
  buyerOrgId: string | number;
  channelId: string | number;
  /** Chosen by the client; a retry with the same key returns the same request */
  idempotencyKey?: string | null | undefined;
  /** 采购理由 */
  justification: string;
  lines: Array<OrderLineInput>;
  terms: PurchaseTerms;
  /** 工会采购 (trade-union purchase): counted toward the unit, shown separately */
  tradeUnion?: boolean | null | undefined;
};

/** CITY, COUNTY (jurisdiction), DEPARTMENT (parent tree), UNIT */
export type SupervisionGroupBy =
  | 'CITY'
  | 'COUNTY'
  | 'DEPARTMENT'
  | 'UNIT';

export type SupplierFilter = {
  kind?: SupplierKind | null | undefined;
  /** Region code or prefix; matches the registered county */
  regionCode?: string | null | undefined;
  status?: SupplierStatus | null | undefined;
};

/** 供应商类型 */
export type SupplierKind =
  | 'COOPERATIVE'
  | 'ENTERPRISE'
  | 'FAMILY_FARM'
  | 'TRADING_AGENT';

/** AWAITING_SHIPMENT → SHIPPED → DELIVERED; CANCELLED when the order is cancelled before it ships */
export type SupplierOrderStatus =
  | 'AWAITING_SHIPMENT'
  | 'CANCELLED'
  | 'DELIVERED'
  | 'SHIPPED';

/** TO_SHIP: the supplier’s part awaits shipment and the order can ship (PAID, CONFIRMED for pay on delivery, or FULFILLING); SHIPPED; DELIVERED; ALL */
export type SupplierOrderTab =
  | 'ALL'
  | 'DELIVERED'
  | 'SHIPPED'
  | 'TO_SHIP';

/** 准入状态 */
export type SupplierStatus =
  | 'APPLIED'
  | 'APPROVED'
  | 'RECOMMENDED'
  | 'REJECTED'
  | 'REVOKED'
  | 'SUSPENDED';

export type SupplierWarningLevel =
  | 'PROPOSAL'
  | 'WARNING';

/** ACCEPT suspends the supplier (APPROVED → SUSPENDED); REJECT keeps it */
export type SuspensionDecision =
  | 'ACCEPT'
  | 'REJECT';

/** What proposed the suspension */
export type SuspensionProposalSource =
  | 'ANOMALY_FINDING'
  | 'COMPLAINTS'
  | 'MANUAL'
  | 'RATING';

export type SuspensionProposalStatus =
  | 'ACCEPTED'
  | 'PROPOSED'
  | 'REJECTED';

export type UpdateProductInput = {
  /** Omit to keep; null to clear */
  categoryId?: string | number | null | undefined;
  description?: string | null | undefined;
  originRegionCode?: string | null | undefined;
  productId: string | number;
  title?: string | null | undefined;
};

export type UpdateVariantInput = {
  active?: boolean | null | undefined;
  agencyPrice?: number | null | undefined;
  marketReferencePrice?: number | null | undefined;
  retailPrice?: number | null | undefined;
  spec?: string | null | undefined;
  /** Units to add (negative: remove); refused if stock would drop below zero or below reserved */
  stockAdjustment?: number | null | undefined;
  unit?: string | null | undefined;
  variantId: string | number;
};

export type VariantInput = {
  agencyPrice: number;
  marketReferencePrice: number;
  retailPrice: number;
  /** Unique across the platform */
  sku: string;
  spec: string;
  /** Initial stock on hand (default 0); lots add to it */
  stockOnHand?: number | null | undefined;
  /** One of kg, g, 斤, 箱, 盒, 袋, 瓶, 罐, 个, 只, 头, 件, 份 */
  unit: string;
};

export type LogoutMutationVariables = Exact<{
  everywhere?: boolean | null | undefined;
}>;


export type LogoutMutation = { logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { token: string } };

export type AccountEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountEventsQuery = { me: { id: string, accountEvents: Array<{ id: string, kind: string, ip: string | null, createdAt: string }> } | null };

export type SetUserDisabledMutationVariables = Exact<{
  userId: string | number;
  disabled: boolean;
}>;


export type SetUserDisabledMutation = { setUserDisabled: { id: string, status: string } };

export type ApproveSupplierMutationVariables = Exact<{
  supplierId: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveSupplierMutation = { approveSupplier: { id: string, status: SupplierStatus } };

export type RejectSupplierAdminMutationVariables = Exact<{
  supplierId: string | number;
  reason: string;
}>;


export type RejectSupplierAdminMutation = { rejectSupplier: { id: string, status: SupplierStatus } };

export type SuspendSupplierMutationVariables = Exact<{
  supplierId: string | number;
  reason: string;
}>;


export type SuspendSupplierMutation = { suspendSupplier: { id: string, status: SupplierStatus } };

export type ReinstateSupplierMutationVariables = Exact<{
  supplierId: string | number;
  comment?: string | null | undefined;
}>;


export type ReinstateSupplierMutation = { reinstateSupplier: { id: string, status: SupplierStatus } };

export type RevokeSupplierMutationVariables = Exact<{
  supplierId: string | number;
  reason: string;
}>;


export type RevokeSupplierMutation = { revokeSupplier: { id: string, status: SupplierStatus } };

export type CertifyProductMutationVariables = Exact<{
  id: string | number;
  input: CertifyProductInput;
}>;


export type CertifyProductMutation = { certifyProduct: { id: string, status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null } };

export type RevokeCertificationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RevokeCertificationMutation = { revokeCertification: { id: string, status: CertificationStatus } };

export type AdminUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  role?: Role | null | undefined;
  organizationId?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type AdminUsersQuery = { users: Array<{ id: string, displayName: string, email: string | null, phone: string | null, status: string, createdAt: string, memberships: Array<{ id: string, role: Role, regionPrefix: string | null, organization: { id: string, name: string, kind: OrganizationKind } | null }> }> };

export type AdminOrganizationsQueryVariables = Exact<{
  kind?: OrganizationKind | null | undefined;
}>;


export type AdminOrganizationsQuery = { organizations: Array<{ id: string, name: string, kind: OrganizationKind, status: string, creditCode: string | null, regionCode: string | null, parentId: string | null }> };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { id: string, name: string, kind: OrganizationKind, status: string, creditCode: string | null, regionCode: string | null, parentId: string | null } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string } };

export type GrantMembershipMutationVariables = Exact<{
  input: GrantMembershipInput;
}>;


export type GrantMembershipMutation = { grantMembership: { id: string } };

export type RevokeMembershipMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeMembershipMutation = { revokeMembership: boolean };

export type AdminOrderRefundsQueryVariables = Exact<{
  orderId: string | number;
}>;


export type AdminOrderRefundsQuery = { orderRefunds: Array<{ id: string, orderId: string, amount: number, status: RefundStatus, origin: RefundOrigin, reason: string | null, failure: string | null, createdAt: string }> };

export type AdminRefundOrderMutationVariables = Exact<{
  orderId: string | number;
  amount?: number | null | undefined;
  reason?: string | null | undefined;
}>;


export type AdminRefundOrderMutation = { refundOrder: { id: string, orderId: string, amount: number, status: RefundStatus, origin: RefundOrigin, reason: string | null, failure: string | null, createdAt: string } };

export type RecentRefundsQueryVariables = Exact<{
  status?: RefundStatus | null | undefined;
  first?: number | null | undefined;
}>;


export type RecentRefundsQuery = { refunds: Array<{ id: string, orderId: string, amount: number, status: RefundStatus, origin: RefundOrigin, reason: string | null, failure: string | null, createdAt: string }> };

export type FlaggedPaymentsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlaggedPaymentsQuery = { flaggedPayments: Array<{ id: string, orderId: string, amount: number, method: PaymentMethod, status: PaymentStatus, flag: PaymentFlag | null, flagReason: string | null, createdAt: string }> };

export type RefundUnmatchedPaymentMutationVariables = Exact<{
  paymentId: string | number;
}>;


export type RefundUnmatchedPaymentMutation = { refundUnmatchedPayment: { id: string, status: RefundStatus } };

export type PayoutBatchFieldsFragment = { id: string, status: PayoutBatchStatus, totalAmount: number, createdAt: string, completedAt: string | null, csvUrl: string, skippedSupplierIds: Array<string>, payouts: Array<{ id: string }> };

export type PayoutBatchesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type PayoutBatchesQuery = { payoutBatches: Array<{ id: string, status: PayoutBatchStatus, totalAmount: number, createdAt: string, completedAt: string | null, csvUrl: string, skippedSupplierIds: Array<string>, payouts: Array<{ id: string }> }> };

export type CreatePayoutBatchMutationVariables = Exact<{ [key: string]: never; }>;


export type CreatePayoutBatchMutation = { createPayoutBatch: { id: string, status: PayoutBatchStatus, totalAmount: number, createdAt: string, completedAt: string | null, csvUrl: string, skippedSupplierIds: Array<string>, payouts: Array<{ id: string }> } };

export type RetryPayoutBatchMutationVariables = Exact<{
  batchId: string | number;
}>;


export type RetryPayoutBatchMutation = { retryPayoutBatch: { id: string, status: PayoutBatchStatus, totalAmount: number, createdAt: string, completedAt: string | null, csvUrl: string, skippedSupplierIds: Array<string>, payouts: Array<{ id: string }> } };

export type ChannelFieldsFragment = { id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null };

export type AdminChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminChannelsQuery = { channels: Array<{ id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null }> };

export type CreateChannelMutationVariables = Exact<{
  input: CreateChannelInput;
}>;


export type CreateChannelMutation = { createChannel: { deviceSecret: string | null, channel: { id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null } } };

export type RotateCounterSecretMutationVariables = Exact<{
  channelId: string | number;
}>;


export type RotateCounterSecretMutation = { rotateCounterSecret: { deviceSecret: string | null, channel: { id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null } } };

export type EnableChannelMutationVariables = Exact<{
  channelId: string | number;
}>;


export type EnableChannelMutation = { enableChannel: { id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null } };

export type DisableChannelMutationVariables = Exact<{
  channelId: string | number;
}>;


export type DisableChannelMutation = { disableChannel: { id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null } };

export type PlaceProductInChannelMutationVariables = Exact<{
  channelId: string | number;
  productId: string | number;
}>;


export type PlaceProductInChannelMutation = { placeProductInChannel: { id: string, name: string, kind: ChannelKind, status: ChannelStatus, online: boolean, assistanceOnly: boolean, address: string, deviceId: string | null, productCount: number, region: { code: string, name: string } | null } };

export type AdminProductPickQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type AdminProductPickQuery = { products: { edges: Array<{ node: { id: string, title: string, supplier: { name: string } } }> } };

export type RegionFlagsQueryVariables = Exact<{
  code: string;
}>;


export type RegionFlagsQuery = { region: { code: string, name: string, level: number, exPovertyCounty: boolean, keyAssistanceCounty: boolean } | null };

export type SetRegionFlagsMutationVariables = Exact<{
  code: string;
  exPovertyCounty?: boolean | null | undefined;
  keyAssistanceCounty?: boolean | null | undefined;
}>;


export type SetRegionFlagsMutation = { setRegionFlags: { code: string, name: string, level: number, exPovertyCounty: boolean, keyAssistanceCounty: boolean } };

export type JurisdictionMinimumsQueryVariables = Exact<{ [key: string]: never; }>;


export type JurisdictionMinimumsQuery = { jurisdictionMinimums: Array<{ regionPrefix: string, ratioBps: number, updatedAt: string }> };

export type SetJurisdictionMinimumMutationVariables = Exact<{
  regionCode: string;
  ratioBps: number;
}>;


export type SetJurisdictionMinimumMutation = { setJurisdictionMinimum: { regionPrefix: string, ratioBps: number, updatedAt: string } };

export type FailedJobsQueryVariables = Exact<{
  queue?: string | null | undefined;
}>;


export type FailedJobsQuery = { jobQueues: Array<{ name: string, failed: number }>, failedJobs: Array<{ id: string, queue: string, name: string, data: string, failedReason: string, attemptsMade: number, failedAt: string | null, timestamp: string }> };

export type RetryFailedJobMutationVariables = Exact<{
  id: string | number;
  queue: string;
}>;


export type RetryFailedJobMutation = { retryFailedJob: boolean };

export type DiscardFailedJobMutationVariables = Exact<{
  id: string | number;
  queue: string;
}>;


export type DiscardFailedJobMutation = { discardFailedJob: boolean };

export type ComplaintFieldsFragment = { id: string, orderId: string, orderNo: string, supplierOrderId: string, supplierId: string, supplierName: string | null, regionCode: string, kind: ComplaintKind, description: string, status: ComplaintStatus, supplierAnswer: string | null, answeredAt: string | null, remedy: ComplaintRemedy | null, refundAmount: number | null, refundableAmount: number, decisionReason: string | null, decidedAt: string | null, createdAt: string, canDecide: boolean, photos: Array<{ id: string, url: string, contentType: string, sizeBytes: number }> };

export type ComplaintsQueryVariables = Exact<{
  filter?: ComplaintFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ComplaintsQuery = { complaints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, orderId: string, orderNo: string, supplierOrderId: string, supplierId: string, supplierName: string | null, regionCode: string, kind: ComplaintKind, description: string, status: ComplaintStatus, supplierAnswer: string | null, answeredAt: string | null, remedy: ComplaintRemedy | null, refundAmount: number | null, refundableAmount: number, decisionReason: string | null, decidedAt: string | null, createdAt: string, canDecide: boolean, photos: Array<{ id: string, url: string, contentType: string, sizeBytes: number }> } }> } };

export type OrderAftersalesQueryVariables = Exact<{
  orderId: string | number;
}>;


export type OrderAftersalesQuery = { orderRatings: Array<{ id: string, supplierOrderId: string, score: number, comment: string, createdAt: string }>, complaints: { edges: Array<{ node: { id: string, orderId: string, orderNo: string, supplierOrderId: string, supplierId: string, supplierName: string | null, regionCode: string, kind: ComplaintKind, description: string, status: ComplaintStatus, supplierAnswer: string | null, answeredAt: string | null, remedy: ComplaintRemedy | null, refundAmount: number | null, refundableAmount: number, decisionReason: string | null, decidedAt: string | null, createdAt: string, canDecide: boolean, photos: Array<{ id: string, url: string, contentType: string, sizeBytes: number }> } }> } };

export type RateSupplierOrderMutationVariables = Exact<{
  supplierOrderId: string | number;
  score: number;
  comment?: string | null | undefined;
}>;


export type RateSupplierOrderMutation = { rateSupplierOrder: { id: string, supplierOrderId: string, score: number, comment: string, createdAt: string } };

export type OpenComplaintMutationVariables = Exact<{
  input: OpenComplaintInput;
}>;


export type OpenComplaintMutation = { openComplaint: { id: string, orderId: string, orderNo: string, supplierOrderId: string, supplierId: string, supplierName: string | null, regionCode: string, kind: ComplaintKind, description: string, status: ComplaintStatus, supplierAnswer: string | null, answeredAt: string | null, remedy: ComplaintRemedy | null, refundAmount: number | null, refundableAmount: number, decisionReason: string | null, decidedAt: string | null, createdAt: string, canDecide: boolean, photos: Array<{ id: string, url: string, contentType: string, sizeBytes: number }> } };

export type AnswerComplaintMutationVariables = Exact<{
  id: string | number;
  answer: string;
}>;


export type AnswerComplaintMutation = { answerComplaint: { id: string, orderId: string, orderNo: string, supplierOrderId: string, supplierId: string, supplierName: string | null, regionCode: string, kind: ComplaintKind, description: string, status: ComplaintStatus, supplierAnswer: string | null, answeredAt: string | null, remedy: ComplaintRemedy | null, refundAmount: number | null, refundableAmount: number, decisionReason: string | null, decidedAt: string | null, createdAt: string, canDecide: boolean, photos: Array<{ id: string, url: string, contentType: string, sizeBytes: number }> } };

export type DecideComplaintMutationVariables = Exact<{
  id: string | number;
  input: DecideComplaintInput;
}>;


export type DecideComplaintMutation = { decideComplaint: { id: string, orderId: string, orderNo: string, supplierOrderId: string, supplierId: string, supplierName: string | null, regionCode: string, kind: ComplaintKind, description: string, status: ComplaintStatus, supplierAnswer: string | null, answeredAt: string | null, remedy: ComplaintRemedy | null, refundAmount: number | null, refundableAmount: number, decisionReason: string | null, decidedAt: string | null, createdAt: string, canDecide: boolean, photos: Array<{ id: string, url: string, contentType: string, sizeBytes: number }> } };

export type SupplierScorecardQueryVariables = Exact<{
  supplierId: string | number;
}>;


export type SupplierScorecardQuery = { supplierScorecard: { ratingAverage: number | null, ratingCount: number, deliveredOrders: number, complaintCount: number, openComplaints: number, complaintRateBps: number | null, upheldComplaints: number, upheldRecent: number, upheldWindowDays: number, shippedOrders: number, onTimeShipped: number, onTimeShippingBps: number | null, onTimeShippingHours: number, warnings: Array<{ id: string, ruleCode: string, level: SupplierWarningLevel, reason: string, createdAt: string }> } };

export type SuspensionProposalsQueryVariables = Exact<{
  status?: SuspensionProposalStatus | null | undefined;
}>;


export type SuspensionProposalsQuery = { supplierSuspensionProposals: { edges: Array<{ node: { id: string, supplierId: string, supplierName: string, supplierStatus: string, source: SuspensionProposalSource, reason: string, status: SuspensionProposalStatus, proposedAt: string, decidedAt: string | null, decisionReason: string | null } }> } };

export type DecideSuspensionProposalMutationVariables = Exact<{
  id: string | number;
  decision: SuspensionDecision;
  reason: string;
}>;


export type DecideSuspensionProposalMutation = { decideSupplierSuspensionProposal: { id: string, status: SuspensionProposalStatus, supplierStatus: string, decidedAt: string | null, decisionReason: string | null } };

export type OrderAttributionQueryVariables = Exact<{
  orderId: string | number;
}>;


export type OrderAttributionQuery = { orderAttribution: { orderId: string, counted: boolean, attributedAmount: number, householdAmount: number, householdCount: number, lines: Array<{ orderLineId: string, productTitle: string, quantity: number, lineTotal: number, ruleKind: AttributionKind | null, attributedAmount: number, capped: boolean, beneficiaries: Array<{ kind: BeneficiaryKind, householdId: string | null, name: string | null, villageName: string | null, lotNo: string | null, amount: number }> }> } };

export type MyHouseholdIncomeQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type MyHouseholdIncomeQuery = { myHousehold: { id: string, headName: string, village: { code: string, name: string } | null } | null, myHouseholdIncome: { householdId: string, fromPeriod: string, toPeriod: string, totalAmount: number, months: Array<{ period: string, amount: number, products: Array<{ productId: string, productTitle: string, amount: number }> }> } };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, seq: number, at: string, kind: string, operation: string, outcome: string, actorUserId: string | null, actorName: string | null, actorOrgName: string | null, actorRole: string | null, entityType: string | null, entityId: string | null, regionCode: string | null, summary: string, clientIp: string | null, requestId: string, hash: string, prevHash: string } }> } };

export type AuditChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainStatusQuery = { auditChainStatus: { headSeq: number, headHash: string, checkpoints: Array<{ day: string, verifiedAt: string, ok: boolean, checkedCount: number, firstBrokenEventId: string | null, headSeq: number, headHash: string }> } };

export type VerifyAuditChainQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type VerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, checkedCount: number, firstBrokenEventId: string | null } };

export type AddressFieldsFragment = { id: string, recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string, isDefault: boolean };

export type MyAddressesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAddressesQuery = { myAddresses: Array<{ id: string, recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string, isDefault: boolean }> };

export type CreateAddressMutationVariables = Exact<{
  input: AddressInput;
}>;


export type CreateAddressMutation = { createAddress: { id: string, recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string, isDefault: boolean } };

export type UpdateAddressMutationVariables = Exact<{
  id: string | number;
  input: AddressInput;
}>;


export type UpdateAddressMutation = { updateAddress: { id: string, recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string, isDefault: boolean } };

export type SetDefaultAddressMutationVariables = Exact<{
  id: string | number;
}>;


export type SetDefaultAddressMutation = { setDefaultAddress: { id: string, recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string, isDefault: boolean } };

export type DeleteAddressMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAddressMutation = { deleteAddress: boolean };

export type AddressSnapshotFieldsFragment = { recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string };

export type OrderAddressQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderAddressQuery = { order: { id: string, orderNo: string, status: OrderStatus, createdAt: string, deliveryAddress: { recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string } | null, supplierOrders: Array<{ id: string, supplierId: string, status: SupplierOrderStatus, carrier: string | null, trackingNo: string | null, shipTo: { recipient: string, phone: string, regionCode: string, regionPath: Array<string>, detail: string } | null, lines: Array<{ id: string, productTitle: string, sku: string, spec: string, unit: string, quantity: number }> }> } };

export type SupplierStoreQueryVariables = Exact<{
  id: string | number;
}>;


export type SupplierStoreQuery = { supplier: { id: string, name: string, kind: SupplierKind, status: SupplierStatus, linkageMechanism: string, linkedHouseholdCount: number, county: { code: string, name: string } | null } | null };

export type SupplierCertifiedCountQueryVariables = Exact<{
  supplierId: string | number;
}>;


export type SupplierCertifiedCountQuery = { products: { totalCount: number } };

export type SortedProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  sort?: ProductSort | null | undefined;
}>;


export type SortedProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, minRetailPrice: number | null, originRegion: { code: string, name: string, path: Array<{ code: string, name: string, level: number }> }, supplier: { id: string, name: string }, certification: { status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null } | null, images: Array<{ id: string, url: string }> } }> } };

export type ProductCardFragment = { id: string, title: string, minRetailPrice: number | null, originRegion: { code: string, name: string, path: Array<{ code: string, name: string, level: number }> }, supplier: { id: string, name: string }, certification: { status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null } | null, images: Array<{ id: string, url: string }> };

export type ProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, minRetailPrice: number | null, originRegion: { code: string, name: string, path: Array<{ code: string, name: string, level: number }> }, supplier: { id: string, name: string }, certification: { status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null } | null, images: Array<{ id: string, url: string }> } }> } };

export type ProductQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductQuery = { product: { id: string, title: string, description: string, status: ProductStatus, minRetailPrice: number | null, category: { id: string, name: string, nameEn: string } | null, originRegion: { code: string, name: string, path: Array<{ code: string, name: string, level: number }> }, supplier: { id: string, name: string }, certification: { status: CertificationStatus, certificateNo: string | null, issuer: string | null, batch: string | null, validFrom: string | null, validTo: string | null } | null, images: Array<{ id: string, url: string }>, incomeShare: { householdCount: number, perUnitToHouseholds: number | null }, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockAvailable: number, active: boolean }> } | null };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<{ id: string, parentId: string | null, code: string, name: string, nameEn: string, sort: number }> };

export type ChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ChannelsQuery = { channels: Array<{ id: string, kind: ChannelKind, name: string, online: boolean, address: string, productCount: number, region: { code: string, name: string } | null }> };

export type RegionPathQueryVariables = Exact<{
  code: string;
}>;


export type RegionPathQuery = { region: { code: string, name: string, level: number, path: Array<{ code: string, name: string, level: number }> } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, email: string | null, roles: Array<Role>, memberships: Array<{ role: Role, regionPrefix: string | null, organization: { id: string, name: string, kind: OrganizationKind, region: { name: string } | null } | null }> } | null };

export type LoginMutationVariables = Exact<{
  identifier: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string } };

export type RegionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type RegionsQuery = { regions: Array<{ code: string, name: string, level: number, exPovertyCounty: boolean, keyAssistanceCounty: boolean }> };

export type SupplierOrderFieldsFragment = { id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> };

export type OrderSummaryFieldsFragment = { id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> };

export type OrderDetailFieldsFragment = { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> };

export type InsufficientStockFragment = { code: ErrorCode, message: string, variantId: string, requested: number, available: number };

export type ProductUnavailableFragment = { code: ErrorCode, message: string, variantId: string, reason: ProductUnavailableReason };

export type CertificationInvalidFragment = { code: ErrorCode, message: string, variantId: string, productId: string, certificationStatus: LineCertificationStatus };

export type InvalidOrderInputFragment = { code: ErrorCode, message: string, field: string | null };

export type PlaceOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type PlaceOrderMutation = { placeOrder:
    | { __typename: 'CertificationInvalidError', code: ErrorCode, message: string, variantId: string, productId: string, certificationStatus: LineCertificationStatus }
    | { __typename: 'InsufficientStockError', code: ErrorCode, message: string, variantId: string, requested: number, available: number }
    | { __typename: 'InvalidOrderInputError', code: ErrorCode, message: string, field: string | null }
    | { __typename: 'Order', id: string, orderNo: string }
    | { __typename: 'ProductUnavailableError', code: ErrorCode, message: string, variantId: string, reason: ProductUnavailableReason }
    | { __typename: 'PurchaseRequestRequiredError', code: ErrorCode, message: string }
   };

export type OrdersQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } }> } };

export type OrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderQuery = { order: { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } };

export type CancelOrderMutationVariables = Exact<{
  orderId: string | number;
  reason: string;
}>;


export type CancelOrderMutation = { cancelOrder: { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } };

export type ConfirmOrderMutationVariables = Exact<{
  orderId: string | number;
}>;


export type ConfirmOrderMutation = { confirmOrder: { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } };

export type ExtendPaymentDeadlineMutationVariables = Exact<{
  orderId: string | number;
}>;


export type ExtendPaymentDeadlineMutation = { extendPaymentDeadline: { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } };

export type AcceptOrderMutationVariables = Exact<{
  orderId: string | number;
  input: AcceptOrderInput;
}>;


export type AcceptOrderMutation = { acceptOrder: { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } };

export type SettleOrderMutationVariables = Exact<{
  orderId: string | number;
}>;


export type SettleOrderMutation = { settleOrder: { paymentDeadlineExtended: boolean, invoiceNo: string | null, paidAt: string | null, deliveredAt: string | null, acceptedAt: string | null, settledAt: string | null, cancelledAt: string | null, id: string, orderNo: string, status: OrderStatus, buyerKind: BuyerKind, buyerUserId: string, buyerOrgId: string | null, channelId: string, paymentMode: PaymentMode, totalAmount: number, paidAmount: number, refundedAmount: number, paymentDueAt: string | null, wholeOrderVisible: boolean, createdAt: string, history: Array<{ id: string, fromStatus: OrderStatus | null, toStatus: OrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }>, documents: Array<{ id: string, orderId: string, storageKey: string, contentType: string, sizeBytes: number, fileName: string | null, inAcceptance: boolean, createdAt: string, url: string }>, payments: Array<{ id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }>, supplierOrders: Array<{ id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> }> } };

export type ShipSupplierOrderMutationVariables = Exact<{
  supplierOrderId: string | number;
  carrier: string;
  trackingNo: string;
}>;


export type ShipSupplierOrderMutation = { shipSupplierOrder: { id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> } };

export type ConfirmDeliveryMutationVariables = Exact<{
  supplierOrderId: string | number;
  proof?: string | null | undefined;
}>;


export type ConfirmDeliveryMutation = { confirmDelivery: { id: string, orderId: string, supplierId: string, status: SupplierOrderStatus, subtotal: number, carrier: string | null, trackingNo: string | null, shippedAt: string | null, deliveredAt: string | null, deliveryProof: string | null, lines: Array<{ id: string, variantId: string, productId: string, productTitle: string, sku: string, spec: string, unit: string, priceKind: PriceKind, unitPrice: number, quantity: number, lineTotal: number, refundedAmount: number, certified: boolean, certificationStatus: LineCertificationStatus, certificateNo: string | null, allocations: Array<{ id: string, lotId: string | null, quantity: number }> }>, history: Array<{ id: string, fromStatus: SupplierOrderStatus | null, toStatus: SupplierOrderStatus, actorKind: OrderActorKind, reason: string | null, createdAt: string }> } };

export type PaymentSetupQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentSetupQuery = { paymentSetup: { stripeEnabled: boolean, publishableKey: string | null, methods: Array<PaymentMethod> } };

export type PaymentOptionsQueryVariables = Exact<{
  orderId: string | number;
}>;


export type PaymentOptionsQuery = { paymentOptions: { orderId: string, payable: boolean, online: Array<PaymentMethod>, publishableKey: string | null, transferPending: boolean, payOnDelivery: boolean, bankTransfer: { amount: number, reference: string, payeeName: string | null, bankName: string | null, accountNo: string | null } | null } };

export type PayOrderMutationVariables = Exact<{
  orderId: string | number;
  method: PaymentMethod;
}>;


export type PayOrderMutation = { payOrder: { paymentId: string, clientSecret: string, amount: number, method: PaymentMethod, publishableKey: string | null } };

export type RecordBankTransferMutationVariables = Exact<{
  input: RecordBankTransferInput;
}>;


export type RecordBankTransferMutation = { recordBankTransfer: { id: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string } };

export type PaymentsAwaitingConfirmationQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentsAwaitingConfirmationQuery = { paymentsAwaitingConfirmation: Array<{ id: string, orderId: string, provider: PaymentProvider, method: PaymentMethod, status: PaymentStatus, amount: number, reference: string | null, paidAt: string | null, confirmedAt: string | null, rejectedReason: string | null, createdAt: string }> };

export type ConfirmBankTransferMutationVariables = Exact<{
  paymentId: string | number;
}>;


export type ConfirmBankTransferMutation = { confirmBankTransfer: { id: string, status: PaymentStatus } };

export type RejectBankTransferMutationVariables = Exact<{
  paymentId: string | number;
  reason: string;
}>;


export type RejectBankTransferMutation = { rejectBankTransfer: { id: string, status: PaymentStatus } };

export type SupplierNameFragment = { id: string, name: string };

export type ShippedLotFragment = { id: string, lotNo: string, harvestedOn: string };

export type CheckoutChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type CheckoutChannelsQuery = { channels: Array<{ id: string, kind: ChannelKind, name: string, online: boolean, assistanceOnly: boolean, status: ChannelStatus }> };

export type CartProductFragment = { id: string, title: string, supplier: { id: string, name: string }, certification: { status: CertificationStatus } | null, variants: Array<{ id: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, stockAvailable: number, active: boolean }> };

export type AnomalyFindingFieldsFragment = { id: string, kind: AnomalyKind, severity: AnomalySeverity, status: AnomalyStatus, subjectType: AnomalySubjectType, subjectId: string, subjectLabel: string, supplierId: string | null, regionCode: string, summary: string, detectedVia: AnomalyDetectedVia, detectedAt: string, reviewedAt: string | null, reviewerName: string | null, reviewReason: string | null, excludedFromStatistics: boolean, suspensionProposalId: string | null, evidence: { orderIds: Array<string>, figures: Array<{ name: string, value: number, unit: string, text: string | null }> } };

export type AnomalyFindingsQueryVariables = Exact<{
  filter?: AnomalyFindingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AnomalyFindingsQuery = { anomalyFindings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: AnomalyKind, severity: AnomalySeverity, status: AnomalyStatus, subjectType: AnomalySubjectType, subjectId: string, subjectLabel: string, supplierId: string | null, regionCode: string, summary: string, detectedVia: AnomalyDetectedVia, detectedAt: string, reviewedAt: string | null, reviewerName: string | null, reviewReason: string | null, excludedFromStatistics: boolean, suspensionProposalId: string | null, evidence: { orderIds: Array<string>, figures: Array<{ name: string, value: number, unit: string, text: string | null }> } } }> } };

export type AnomalyFindingQueryVariables = Exact<{
  id: string | number;
}>;


export type AnomalyFindingQuery = { anomalyFinding: { id: string, kind: AnomalyKind, severity: AnomalySeverity, status: AnomalyStatus, subjectType: AnomalySubjectType, subjectId: string, subjectLabel: string, supplierId: string | null, regionCode: string, summary: string, detectedVia: AnomalyDetectedVia, detectedAt: string, reviewedAt: string | null, reviewerName: string | null, reviewReason: string | null, excludedFromStatistics: boolean, suspensionProposalId: string | null, evidenceOrders: Array<{ id: string, orderNo: string, status: string, totalAmount: number, createdAt: string }>, evidence: { orderIds: Array<string>, figures: Array<{ name: string, value: number, unit: string, text: string | null }> } } };

export type ReviewAnomalyFindingMutationVariables = Exact<{
  id: string | number;
  decision: AnomalyReviewDecision;
  reason: string;
  excludeFromStatistics?: boolean | null | undefined;
  proposeSuspension?: boolean | null | undefined;
}>;


export type ReviewAnomalyFindingMutation = { reviewAnomalyFinding: { id: string, kind: AnomalyKind, severity: AnomalySeverity, status: AnomalyStatus, subjectType: AnomalySubjectType, subjectId: string, subjectLabel: string, supplierId: string | null, regionCode: string, summary: string, detectedVia: AnomalyDetectedVia, detectedAt: string, reviewedAt: string | null, reviewerName: string | null, reviewReason: string | null, excludedFromStatistics: boolean, suspensionProposalId: string | null, evidenceOrders: Array<{ id: string, orderNo: string, status: string, totalAmount: number, createdAt: string }>, evidence: { orderIds: Array<string>, figures: Array<{ name: string, value: number, unit: string, text: string | null }> } } };

export type SupplierFieldsFragment = { id: string, name: string, kind: SupplierKind, status: SupplierStatus, creditCode: string | null, countyCode: string, linkageMechanism: string, appliedAt: string, linkedHouseholdCount: number, county: { code: string, name: string, path: Array<{ code: string, name: string }> } | null, history: Array<{ fromStatus: SupplierStatus | null, toStatus: SupplierStatus, reason: string | null, actorName: string | null, createdAt: string }> | null };

export type SuppliersQueryVariables = Exact<{
  filter?: SupplierFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type SuppliersQuery = { suppliers: Array<{ id: string, name: string, kind: SupplierKind, status: SupplierStatus, creditCode: string | null, countyCode: string, linkageMechanism: string, appliedAt: string, linkedHouseholdCount: number, county: { code: string, name: string, path: Array<{ code: string, name: string }> } | null, history: Array<{ fromStatus: SupplierStatus | null, toStatus: SupplierStatus, reason: string | null, actorName: string | null, createdAt: string }> | null }> };

export type ApplyAsSupplierMutationVariables = Exact<{
  input: ApplyAsSupplierInput;
}>;


export type ApplyAsSupplierMutation = { applyAsSupplier: { id: string, name: string, kind: SupplierKind, status: SupplierStatus, creditCode: string | null, countyCode: string, linkageMechanism: string, appliedAt: string, linkedHouseholdCount: number, county: { code: string, name: string, path: Array<{ code: string, name: string }> } | null, history: Array<{ fromStatus: SupplierStatus | null, toStatus: SupplierStatus, reason: string | null, actorName: string | null, createdAt: string }> | null } };

export type RecommendSupplierMutationVariables = Exact<{
  supplierId: string | number;
  comment?: string | null | undefined;
}>;


export type RecommendSupplierMutation = { recommendSupplier: { id: string, name: string, kind: SupplierKind, status: SupplierStatus, creditCode: string | null, countyCode: string, linkageMechanism: string, appliedAt: string, linkedHouseholdCount: number, county: { code: string, name: string, path: Array<{ code: string, name: string }> } | null, history: Array<{ fromStatus: SupplierStatus | null, toStatus: SupplierStatus, reason: string | null, actorName: string | null, createdAt: string }> | null } };

export type RejectSupplierMutationVariables = Exact<{
  supplierId: string | number;
  reason: string;
}>;


export type RejectSupplierMutation = { rejectSupplier: { id: string, name: string, kind: SupplierKind, status: SupplierStatus, creditCode: string | null, countyCode: string, linkageMechanism: string, appliedAt: string, linkedHouseholdCount: number, county: { code: string, name: string, path: Array<{ code: string, name: string }> } | null, history: Array<{ fromStatus: SupplierStatus | null, toStatus: SupplierStatus, reason: string | null, actorName: string | null, createdAt: string }> | null } };

export type OwnProductFragment = { id: string, title: string, status: ProductStatus, originRegion: { code: string, name: string }, certification: { id: string, status: CertificationStatus, certificateNo: string | null, validTo: string | null } | null, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> };

export type OwnProductsQueryVariables = Exact<{
  filter?: ProductFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OwnProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: ProductStatus, originRegion: { code: string, name: string }, certification: { id: string, status: CertificationStatus, certificateNo: string | null, validTo: string | null } | null, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> } }> } };

export type VariantUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type VariantUnitsQuery = { variantUnits: Array<string> };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { createProduct: { id: string, title: string, status: ProductStatus, originRegion: { code: string, name: string }, certification: { id: string, status: CertificationStatus, certificateNo: string | null, validTo: string | null } | null, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> } };

export type PublishProductMutationVariables = Exact<{
  productId: string | number;
}>;


export type PublishProductMutation = { publishProduct: { id: string, title: string, status: ProductStatus, originRegion: { code: string, name: string }, certification: { id: string, status: CertificationStatus, certificateNo: string | null, validTo: string | null } | null, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> } };

export type UnpublishProductMutationVariables = Exact<{
  productId: string | number;
}>;


export type UnpublishProductMutation = { unpublishProduct: { id: string, title: string, status: ProductStatus, originRegion: { code: string, name: string }, certification: { id: string, status: CertificationStatus, certificateNo: string | null, validTo: string | null } | null, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> } };

export type AddVariantMutationVariables = Exact<{
  productId: string | number;
  input: VariantInput;
}>;


export type AddVariantMutation = { addVariant: { id: string } };

export type LotsQueryVariables = Exact<{
  variantId: string | number;
}>;


export type LotsQuery = { lots: Array<{ id: string, lotNo: string, harvestedOn: string, quantity: number, remaining: number, contributions: Array<{ householdId: string, quantity: number }> }> };

export type CreateLotMutationVariables = Exact<{
  input: CreateLotInput;
}>;


export type CreateLotMutation = { createLot: { id: string, lotNo: string, harvestedOn: string, quantity: number, remaining: number, contributions: Array<{ householdId: string, quantity: number }> } };

export type HouseholdsQueryVariables = Exact<{
  filter?: HouseholdFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type HouseholdsQuery = { households: { totalCount: number, edges: Array<{ node: { id: string, headName: string, size: number, status: HouseholdStatus, villageCode: string, village: { name: string } | null } }> } };

export type CertificationFieldsFragment = { id: string, status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null, createdAt: string, updatedAt: string, product: { id: string, title: string, supplier: { id: string, name: string }, originRegion: { code: string, name: string, path: Array<{ code: string, name: string }> } }, history: Array<{ fromStatus: CertificationStatus | null, toStatus: CertificationStatus, reason: string | null, createdAt: string }>, documents: Array<{ id: string, fileName: string | null, contentType: string, sizeBytes: number, url: string, createdAt: string }> };

export type CertificationsQueryVariables = Exact<{
  filter?: CertificationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CertificationsQuery = { certifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null, createdAt: string, updatedAt: string, product: { id: string, title: string, supplier: { id: string, name: string }, originRegion: { code: string, name: string, path: Array<{ code: string, name: string }> } }, history: Array<{ fromStatus: CertificationStatus | null, toStatus: CertificationStatus, reason: string | null, createdAt: string }>, documents: Array<{ id: string, fileName: string | null, contentType: string, sizeBytes: number, url: string, createdAt: string }> } }> } };

export type SubmitCertificationMutationVariables = Exact<{
  productId: string | number;
}>;


export type SubmitCertificationMutation = { submitCertification: { id: string, status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null, createdAt: string, updatedAt: string, product: { id: string, title: string, supplier: { id: string, name: string }, originRegion: { code: string, name: string, path: Array<{ code: string, name: string }> } }, history: Array<{ fromStatus: CertificationStatus | null, toStatus: CertificationStatus, reason: string | null, createdAt: string }>, documents: Array<{ id: string, fileName: string | null, contentType: string, sizeBytes: number, url: string, createdAt: string }> } };

export type VerifyCertificationMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type VerifyCertificationMutation = { verifyCertification: { id: string, status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null, createdAt: string, updatedAt: string, product: { id: string, title: string, supplier: { id: string, name: string }, originRegion: { code: string, name: string, path: Array<{ code: string, name: string }> } }, history: Array<{ fromStatus: CertificationStatus | null, toStatus: CertificationStatus, reason: string | null, createdAt: string }>, documents: Array<{ id: string, fileName: string | null, contentType: string, sizeBytes: number, url: string, createdAt: string }> } };

export type RejectCertificationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectCertificationMutation = { rejectCertification: { id: string, status: CertificationStatus, certificateNo: string | null, validFrom: string | null, validTo: string | null, createdAt: string, updatedAt: string, product: { id: string, title: string, supplier: { id: string, name: string }, originRegion: { code: string, name: string, path: Array<{ code: string, name: string }> } }, history: Array<{ fromStatus: CertificationStatus | null, toStatus: CertificationStatus, reason: string | null, createdAt: string }>, documents: Array<{ id: string, fileName: string | null, contentType: string, sizeBytes: number, url: string, createdAt: string }> } };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NotificationsQuery = { notifications: Array<{ id: string, kind: string, title: string, body: string, createdAt: string, readAt: string | null, orderId: string | null, data: string }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type FilingFieldsFragment = { id: string, orgId: string, year: number, canteenMode: CanteenMode, canteenBudget: number, ratioBps: number, minimumBps: number, reservedAmount: number, catererName: string | null, coveredOrgIds: Array<string>, deadline: string, late: boolean, version: number, decreaseReason: string | null, amendments: Array<{ version: number, kind: string, reason: string | null, createdAt: string }> };

export type ReservedShareQueryVariables = Exact<{
  orgId: string | number;
  year: number;
}>;


export type ReservedShareQuery = { reservedShare: { orgId: string, year: number, minimumBps: number, reservedAmount: number, countedAmount: number, pendingAmount: number, uncertifiedAmount: number, tradeUnionAmount: number, completionBasisPoints: number | null, completionPercent: number | null, monthly: Array<{ month: number, countedAmount: number }>, filing: { id: string, orgId: string, year: number, canteenMode: CanteenMode, canteenBudget: number, ratioBps: number, minimumBps: number, reservedAmount: number, catererName: string | null, coveredOrgIds: Array<string>, deadline: string, late: boolean, version: number, decreaseReason: string | null, amendments: Array<{ version: number, kind: string, reason: string | null, createdAt: string }> } | null } };

export type SubordinateCompletionQueryVariables = Exact<{
  orgId: string | number;
  year: number;
}>;


export type SubordinateCompletionQuery = { subordinateCompletion: Array<{ rank: number, orgId: string, name: string, canteenMode: CanteenMode | null, reservedAmount: number, countedAmount: number, pendingAmount: number, completionBasisPoints: number | null, completionPercent: number | null }> };

export type FileReservedShareMutationVariables = Exact<{
  input: FileReservedShareInput;
}>;


export type FileReservedShareMutation = { fileReservedShare: { id: string, orgId: string, year: number, canteenMode: CanteenMode, canteenBudget: number, ratioBps: number, minimumBps: number, reservedAmount: number, catererName: string | null, coveredOrgIds: Array<string>, deadline: string, late: boolean, version: number, decreaseReason: string | null, amendments: Array<{ version: number, kind: string, reason: string | null, createdAt: string }> } };

export type AmendReservedShareMutationVariables = Exact<{
  input: AmendReservedShareInput;
}>;


export type AmendReservedShareMutation = { amendReservedShare: { id: string, orgId: string, year: number, canteenMode: CanteenMode, canteenBudget: number, ratioBps: number, minimumBps: number, reservedAmount: number, catererName: string | null, coveredOrgIds: Array<string>, deadline: string, late: boolean, version: number, decreaseReason: string | null, amendments: Array<{ version: number, kind: string, reason: string | null, createdAt: string }> } };

export type RequestExemptionMutationVariables = Exact<{
  input: RequestExemptionInput;
}>;


export type RequestExemptionMutation = { requestExemption: { id: string, status: ExemptionStatus, ratioBps: number, minimumBps: number } };

export type ExemptionsQueryVariables = Exact<{
  filter?: ExemptionFilter | null | undefined;
}>;


export type ExemptionsQuery = { reservedShareExemptions: Array<{ id: string, year: number, ratioBps: number, minimumBps: number, status: ExemptionStatus, reason: string, decisionComment: string | null }> };

export type PreviewBasketQueryVariables = Exact<{
  input: BasketInput;
}>;


export type PreviewBasketQuery = { previewBasket: { totalAmount: number, spendingLimit: number, withinLimit: boolean, approvalRequired: boolean } };

export type PurchaseRequestFieldsFragment = { id: string, requestNo: string, orgId: string, purchaserUserId: string, purchaserName: string, orderId: string, orderNo: string, orderStatus: OrderStatus, status: PurchaseRequestStatus, terms: PurchaseTerms, justification: string, totalAmount: number, spendingLimit: number, autoApproved: boolean, splitSuspected: boolean, poNumber: string | null, poUrl: string | null, decisionComment: string | null, createdAt: string, lines: Array<{ variantId: string, productTitle: string, spec: string, unit: string, unitPrice: number, quantity: number, lineTotal: number }> };

export type PurchaseRequestsQueryVariables = Exact<{
  filter?: PurchaseRequestFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PurchaseRequestsQuery = { purchaseRequests: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, requestNo: string, orgId: string, purchaserUserId: string, purchaserName: string, orderId: string, orderNo: string, orderStatus: OrderStatus, status: PurchaseRequestStatus, terms: PurchaseTerms, justification: string, totalAmount: number, spendingLimit: number, autoApproved: boolean, splitSuspected: boolean, poNumber: string | null, poUrl: string | null, decisionComment: string | null, createdAt: string, lines: Array<{ variantId: string, productTitle: string, spec: string, unit: string, unitPrice: number, quantity: number, lineTotal: number }> } }> } };

export type SubmitPurchaseRequestMutationVariables = Exact<{
  input: SubmitPurchaseRequestInput;
}>;


export type SubmitPurchaseRequestMutation = { submitPurchaseRequest:
    | { __typename: 'CertificationInvalidError', code: ErrorCode, message: string, variantId: string, productId: string, certificationStatus: LineCertificationStatus }
    | { __typename: 'InsufficientStockError', code: ErrorCode, message: string, variantId: string, requested: number, available: number }
    | { __typename: 'InvalidOrderInputError', code: ErrorCode, message: string, field: string | null }
    | { __typename: 'ProductUnavailableError', code: ErrorCode, message: string, variantId: string, reason: ProductUnavailableReason }
    | { __typename: 'PurchaseRequest', id: string, requestNo: string, orgId: string, purchaserUserId: string, purchaserName: string, orderId: string, orderNo: string, orderStatus: OrderStatus, status: PurchaseRequestStatus, terms: PurchaseTerms, justification: string, totalAmount: number, spendingLimit: number, autoApproved: boolean, splitSuspected: boolean, poNumber: string | null, poUrl: string | null, decisionComment: string | null, createdAt: string, lines: Array<{ variantId: string, productTitle: string, spec: string, unit: string, unitPrice: number, quantity: number, lineTotal: number }> }
   };

export type ApprovePurchaseRequestMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApprovePurchaseRequestMutation = { approvePurchaseRequest: { id: string, requestNo: string, orgId: string, purchaserUserId: string, purchaserName: string, orderId: string, orderNo: string, orderStatus: OrderStatus, status: PurchaseRequestStatus, terms: PurchaseTerms, justification: string, totalAmount: number, spendingLimit: number, autoApproved: boolean, splitSuspected: boolean, poNumber: string | null, poUrl: string | null, decisionComment: string | null, createdAt: string, lines: Array<{ variantId: string, productTitle: string, spec: string, unit: string, unitPrice: number, quantity: number, lineTotal: number }> } };

export type RejectPurchaseRequestMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectPurchaseRequestMutation = { rejectPurchaseRequest: { id: string, requestNo: string, orgId: string, purchaserUserId: string, purchaserName: string, orderId: string, orderNo: string, orderStatus: OrderStatus, status: PurchaseRequestStatus, terms: PurchaseTerms, justification: string, totalAmount: number, spendingLimit: number, autoApproved: boolean, splitSuspected: boolean, poNumber: string | null, poUrl: string | null, decisionComment: string | null, createdAt: string, lines: Array<{ variantId: string, productTitle: string, spec: string, unit: string, unitPrice: number, quantity: number, lineTotal: number }> } };

export type UnitMembersQueryVariables = Exact<{
  orgId: string | number;
}>;


export type UnitMembersQuery = { unitMembers: Array<{ userId: string, displayName: string, phone: string | null, roles: Array<Role>, spendingLimit: number | null, approvalLimit: number | null }> };

export type SetSpendingLimitMutationVariables = Exact<{
  userId: string | number;
  amount: number;
  orgId?: string | number | null | undefined;
}>;


export type SetSpendingLimitMutation = { setSpendingLimit: { userId: string, kind: ProcurementLimitKind, amount: number } };

export type SetApprovalLimitMutationVariables = Exact<{
  userId: string | number;
  amount: number;
  orgId?: string | number | null | undefined;
}>;


export type SetApprovalLimitMutation = { setApprovalLimit: { userId: string, kind: ProcurementLimitKind, amount: number } };

export type ProcurementPolicyQueryVariables = Exact<{
  orgId: string | number;
}>;


export type ProcurementPolicyQuery = { procurementPolicy: { orgId: string, skipApprovalBelowLimit: boolean, splitWindowMinutes: number } };

export type SetProcurementPolicyMutationVariables = Exact<{
  orgId: string | number;
  input: ProcurementPolicyInput;
}>;


export type SetProcurementPolicyMutation = { setProcurementPolicy: { orgId: string, skipApprovalBelowLimit: boolean, splitWindowMinutes: number } };

export type ProducePaymentFieldsFragment = { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null };

export type ProduceReceiptFieldsFragment = { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } };

export type ProduceCommitmentFieldsFragment = { id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null };

export type ProduceOfferFieldsFragment = { id: string, householdId: string, villageCode: string, cropName: string, variety: string, quantity: number, committedQuantity: number, availableQuantity: number, unit: string, availableFrom: string, availableUntil: string, askingPrice: number, note: string, imageUrls: Array<string>, status: ProduceOfferStatus, assisted: boolean, createdAt: string, household: { id: string, headName: string, village: { name: string } | null }, commitments: Array<{ id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }> };

export type MyProduceOffersQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProduceOffersQuery = { myProduceOffers: Array<{ id: string, householdId: string, villageCode: string, cropName: string, variety: string, quantity: number, committedQuantity: number, availableQuantity: number, unit: string, availableFrom: string, availableUntil: string, askingPrice: number, note: string, imageUrls: Array<string>, status: ProduceOfferStatus, assisted: boolean, createdAt: string, household: { id: string, headName: string, village: { name: string } | null }, commitments: Array<{ id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }> }> };

export type ProduceOffersQueryVariables = Exact<{
  filter?: ProduceOfferFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProduceOffersQuery = { produceOffers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, householdId: string, villageCode: string, cropName: string, variety: string, quantity: number, committedQuantity: number, availableQuantity: number, unit: string, availableFrom: string, availableUntil: string, askingPrice: number, note: string, imageUrls: Array<string>, status: ProduceOfferStatus, assisted: boolean, createdAt: string, household: { id: string, headName: string, village: { name: string } | null }, commitments: Array<{ id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }> } }> } };

export type CreateProduceOfferMutationVariables = Exact<{
  input: CreateProduceOfferInput;
}>;


export type CreateProduceOfferMutation = { createProduceOffer: { id: string, householdId: string, villageCode: string, cropName: string, variety: string, quantity: number, committedQuantity: number, availableQuantity: number, unit: string, availableFrom: string, availableUntil: string, askingPrice: number, note: string, imageUrls: Array<string>, status: ProduceOfferStatus, assisted: boolean, createdAt: string, household: { id: string, headName: string, village: { name: string } | null }, commitments: Array<{ id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }> } };

export type WithdrawProduceOfferMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type WithdrawProduceOfferMutation = { withdrawProduceOffer: { id: string, householdId: string, villageCode: string, cropName: string, variety: string, quantity: number, committedQuantity: number, availableQuantity: number, unit: string, availableFrom: string, availableUntil: string, askingPrice: number, note: string, imageUrls: Array<string>, status: ProduceOfferStatus, assisted: boolean, createdAt: string, household: { id: string, headName: string, village: { name: string } | null }, commitments: Array<{ id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }> } };

export type AcceptProduceCommitmentMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptProduceCommitmentMutation = { acceptProduceCommitment: { id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null } };

export type DeclineProduceCommitmentMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type DeclineProduceCommitmentMutation = { declineProduceCommitment: { id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null } };

export type ConfirmProduceReceiptMutationVariables = Exact<{
  receiptId: string | number;
}>;


export type ConfirmProduceReceiptMutation = { confirmProduceReceipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } };

export type CommitToProduceOfferMutationVariables = Exact<{
  offerId: string | number;
  quantity: number;
  unitPrice: number;
  pickupDate: string;
  note?: string | null | undefined;
  supplierId?: string | number | null | undefined;
}>;


export type CommitToProduceOfferMutation = { commitToProduceOffer:
    | { __typename: 'OfferNotOpenError', code: ErrorCode, offerStatus: ProduceOfferStatus }
    | { __typename: 'OfferQuantityExceededError', code: ErrorCode, requested: number, available: number }
    | { __typename: 'ProduceCommitment', id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }
   };

export type ProduceCommitmentsQueryVariables = Exact<{
  status?: ProduceCommitmentStatus | null | undefined;
}>;


export type ProduceCommitmentsQuery = { produceCommitments: Array<{ id: string, offerId: string, supplierId: string, supplierName: string, quantity: number, unitPrice: number, amount: number, belowAskingPrice: boolean, pickupDate: string, note: string, status: ProduceCommitmentStatus, declineReason: string | null, offer: { id: string, cropName: string, unit: string, villageCode: string, assisted: boolean, household: { headName: string, village: { name: string } | null } }, receipt: { id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } } | null }> };

export type RecordProduceReceiptMutationVariables = Exact<{
  commitmentId: string | number;
  quantity: number;
  lotId?: string | number | null | undefined;
  newLot?: NewLotInput | null | undefined;
  lotQuantity?: number | null | undefined;
  householdConfirmation?: string | null | undefined;
}>;


export type RecordProduceReceiptMutation = { recordProduceReceipt:
    | { __typename: 'ProduceReceipt', id: string, commitmentId: string, offerId: string, supplierName: string, lotNo: string, quantity: number, committedQuantity: number, shortfall: number, unitPrice: number, amount: number, householdConfirmedAt: string | null, receivedAt: string, payment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } }
    | { __typename: 'ReceiptExceedsCommitmentError', code: ErrorCode, committed: number, received: number }
   };

export type RecordProducePaymentMutationVariables = Exact<{
  receiptId: string | number;
  method: ProducePaymentMethod;
  reference: string;
  paidOn?: string | null | undefined;
}>;


export type RecordProducePaymentMutation = { recordProducePayment: { id: string, amount: number, status: ProducePaymentStatus, method: ProducePaymentMethod | null, reference: string | null, paidOn: string | null } };

export type IncomeStatementFieldsFragment = { month: string, status: IncomeMonthStatus, purchasePaidTotal: number, purchasePendingTotal: number, attributedTotal: number, purchases: Array<{ receiptId: string, supplierName: string, cropName: string, unit: string, quantity: number, committedQuantity: number, unitPrice: number, amount: number, lotNo: string | null, receivedAt: string, paymentStatus: ProducePaymentStatus, paymentMethod: ProducePaymentMethod | null, paidOn: string | null }>, attributedIncome: Array<{ productId: string, productTitle: string, amount: number }>, attributedOrders: Array<{ orderId: string, orderNo: string, productTitle: string, lotNo: string | null, amount: number }>, confirmation: { confirmedAt: string } | null, disputes: Array<{ id: string, kind: IncomeLineKind, note: string, status: IncomeDisputeStatus, amount: number, resolution: string | null }> };

export type MyIncomeStatementQueryVariables = Exact<{
  month: string;
}>;


export type MyIncomeStatementQuery = { myIncomeStatement: { month: string, status: IncomeMonthStatus, purchasePaidTotal: number, purchasePendingTotal: number, attributedTotal: number, purchases: Array<{ receiptId: string, supplierName: string, cropName: string, unit: string, quantity: number, committedQuantity: number, unitPrice: number, amount: number, lotNo: string | null, receivedAt: string, paymentStatus: ProducePaymentStatus, paymentMethod: ProducePaymentMethod | null, paidOn: string | null }>, attributedIncome: Array<{ productId: string, productTitle: string, amount: number }>, attributedOrders: Array<{ orderId: string, orderNo: string, productTitle: string, lotNo: string | null, amount: number }>, confirmation: { confirmedAt: string } | null, disputes: Array<{ id: string, kind: IncomeLineKind, note: string, status: IncomeDisputeStatus, amount: number, resolution: string | null }> } };

export type ConfirmMonthlyIncomeMutationVariables = Exact<{
  month: string;
}>;


export type ConfirmMonthlyIncomeMutation = { confirmMonthlyIncome: { month: string, status: IncomeMonthStatus, purchasePaidTotal: number, purchasePendingTotal: number, attributedTotal: number, purchases: Array<{ receiptId: string, supplierName: string, cropName: string, unit: string, quantity: number, committedQuantity: number, unitPrice: number, amount: number, lotNo: string | null, receivedAt: string, paymentStatus: ProducePaymentStatus, paymentMethod: ProducePaymentMethod | null, paidOn: string | null }>, attributedIncome: Array<{ productId: string, productTitle: string, amount: number }>, attributedOrders: Array<{ orderId: string, orderNo: string, productTitle: string, lotNo: string | null, amount: number }>, confirmation: { confirmedAt: string } | null, disputes: Array<{ id: string, kind: IncomeLineKind, note: string, status: IncomeDisputeStatus, amount: number, resolution: string | null }> } };

export type DisputeIncomeLineMutationVariables = Exact<{
  input: DisputeIncomeLineInput;
}>;


export type DisputeIncomeLineMutation = { disputeIncomeLine: { id: string } };

export type CountyTransparencyQueryVariables = Exact<{
  countyCode: string;
  year?: number | null | undefined;
}>;


export type CountyTransparencyQuery = { countyTransparency: { countyCode: string, year: number, purchasePaid: number, purchasePending: number, attributedIncome: number, reachedHouseholds: number, householdsDriven: number, topProducts: Array<{ productId: string, productTitle: string, householdIncome: number }>, topCrops: Array<{ cropName: string, unit: string, quantity: number, amount: number }> }, region: { code: string, name: string, path: Array<{ name: string }> } | null };

export type MyHouseholdVillageQueryVariables = Exact<{ [key: string]: never; }>;


export type MyHouseholdVillageQuery = { myHousehold: { id: string, villageCode: string, village: { name: string } | null } | null };

export type RegisterCustomerMutationVariables = Exact<{
  input: RegisterCustomerInput;
}>;


export type RegisterCustomerMutation = { registerCustomer: { accepted: boolean, message: string } };

export type RequestPasswordResetMutationVariables = Exact<{
  identifier: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { accepted: boolean, message: string } };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type ApiInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiInfoQuery = { apiInfo: { demoData: boolean } };

export type SalesFiguresFieldsFragment = { grossAmount: number, refundAmount: number, netAmount: number, certifiedNetAmount: number, uncertifiedNetAmount: number, orderCount: number, unitCount: number, buyerCount: number, householdsDriven: number | null };

export type SalesStatsQueryVariables = Exact<{
  regionCode: string;
  from: string;
  to: string;
  groupBy: SalesGroupBy;
  side?: StatsSide | null | undefined;
}>;


export type SalesStatsQuery = { salesStats: { regionCode: string, regionPath: Array<string>, fromDay: string, toDay: string, groupBy: SalesGroupBy, side: StatsSide, total: { grossAmount: number, refundAmount: number, netAmount: number, certifiedNetAmount: number, uncertifiedNetAmount: number, orderCount: number, unitCount: number, buyerCount: number, householdsDriven: number | null }, rows: Array<{ key: string, label: string, figures: { grossAmount: number, refundAmount: number, netAmount: number, certifiedNetAmount: number, uncertifiedNetAmount: number, orderCount: number, unitCount: number, buyerCount: number, householdsDriven: number | null } }> } };

export type AssistanceIndicatorsQueryVariables = Exact<{
  regionCode: string;
  date: string;
}>;


export type AssistanceIndicatorsQuery = { assistanceIndicators: { regionCode: string, regionPath: Array<string>, date: string, hallCount: number, zoneCount: number, counterCount: number, certifiedSupplierCount: number, certifiedProductCount: number, salesAmountYtd: number, uncertifiedSalesAmountYtd: number, householdsDriven: number, exPovertyHouseholdsDriven: number, monitoredHouseholdsDriven: number, villageCollectiveIncome: number, summary: string } };

export type ChannelCertifiedShareQueryVariables = Exact<{
  regionCode: string;
  from: string;
  to: string;
  side?: StatsSide | null | undefined;
}>;


export type ChannelCertifiedShareQuery = { channelCertifiedShare: { regionCode: string, fromDay: string, toDay: string, side: StatsSide, thresholdBps: number, channels: Array<{ channelId: string, name: string, kind: string, netAmount: number, certifiedNetAmount: number, uncertifiedNetAmount: number, certifiedShareBps: number | null, warning: boolean }> } };

export type RegionCompletionQueryVariables = Exact<{
  regionCode: string;
  year: number;
}>;


export type RegionCompletionQuery = { regionCompletion: Array<{ rank: number, orgId: string, name: string, regionCode: string | null, reservedAmount: number, countedAmount: number, pendingAmount: number, completionBasisPoints: number | null, completionPercent: number | null }> };

export type SupervisionFiguresFieldsFragment = { unitsRegistered: number, unitsFiled: number, unitsActivated: number, reservedAmount: number, countedAmount: number, pendingAmount: number, completionBasisPoints: number | null, previousReservedAmount: number, reservedChangeAmount: number, reservedChangeBasisPoints: number | null };

export type CompletionRankingQueryVariables = Exact<{
  regionCode: string;
  year: number;
  groupBy: SupervisionGroupBy;
  month?: number | null | undefined;
}>;


export type CompletionRankingQuery = { completionRanking: { regionCode: string, regionPath: Array<string>, year: number, month: number | null, groupBy: SupervisionGroupBy, snapshot: { year: number, month: number, source: string, publishedAt: string } | null, rows: Array<{ rank: number, key: string, label: string, decreaseReason: string | null, countedDifference: number | null, completionDifferenceBasisPoints: number | null, figures: { unitsRegistered: number, unitsFiled: number, unitsActivated: number, reservedAmount: number, countedAmount: number, pendingAmount: number, completionBasisPoints: number | null, previousReservedAmount: number, reservedChangeAmount: number, reservedChangeBasisPoints: number | null }, live: { countedAmount: number, completionBasisPoints: number | null } | null }>, total: { rank: number, key: string, label: string, decreaseReason: string | null, countedDifference: number | null, completionDifferenceBasisPoints: number | null, figures: { unitsRegistered: number, unitsFiled: number, unitsActivated: number, reservedAmount: number, countedAmount: number, pendingAmount: number, completionBasisPoints: number | null, previousReservedAmount: number, reservedChangeAmount: number, reservedChangeBasisPoints: number | null }, live: { countedAmount: number, completionBasisPoints: number | null } | null } } };

export type PaymentClockQueryVariables = Exact<{
  filter?: PaymentClockFilter | null | undefined;
  asOf?: string | null | undefined;
}>;


export type PaymentClockQuery = { paymentClock: { asOf: string, outstandingAmount: number, overdueAmount: number, interestAmount: number, overdueCount: number, entries: Array<{ orderId: string, orderNo: string, orgId: string, unitName: string, supplierId: string, supplierName: string, amount: number, acceptedOn: string, termDays: number, dailyRatePpm: number, dueOn: string, paidOn: string | null, status: PaymentClockStatus, daysOverdue: number, interestAmount: number, outstandingAmount: number }>, overdueUnits: Array<{ orgId: string, name: string, overdueCount: number, overdueAmount: number, interestAmount: number, maxDaysOverdue: number }> } };

export type UnitFilingsQueryVariables = Exact<{
  orgId: string | number;
}>;


export type UnitFilingsQuery = { reservedShareFilings: Array<{ id: string, year: number, canteenMode: CanteenMode, ratioBps: number, reservedAmount: number, late: boolean, version: number, decreaseReason: string | null }> };

export type SupplierOrderCountsQueryVariables = Exact<{
  supplierId: string | number;
}>;


export type SupplierOrderCountsQuery = { supplierOrderCounts: { toShip: number, shipped: number, delivered: number, all: number } };

export type EditableProductFragment = { id: string, title: string, description: string, status: ProductStatus, images: Array<{ id: string, url: string, thumbnailUrl: string, sort: number, width: number | null, height: number | null }>, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> };

export type EditableProductQueryVariables = Exact<{
  id: string | number;
}>;


export type EditableProductQuery = { product: { id: string, title: string, description: string, status: ProductStatus, images: Array<{ id: string, url: string, thumbnailUrl: string, sort: number, width: number | null, height: number | null }>, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> } | null };

export type UpdateProductMutationVariables = Exact<{
  input: UpdateProductInput;
}>;


export type UpdateProductMutation = { updateProduct: { id: string, title: string, description: string, status: ProductStatus, images: Array<{ id: string, url: string, thumbnailUrl: string, sort: number, width: number | null, height: number | null }>, variants: Array<{ id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean }> } };

export type UpdateVariantMutationVariables = Exact<{
  input: UpdateVariantInput;
}>;


export type UpdateVariantMutation = { updateVariant: { id: string, sku: string, spec: string, unit: string, retailPrice: number, agencyPrice: number, marketReferencePrice: number, stockOnHand: number, stockAvailable: number, active: boolean } };

export type ReorderProductImagesMutationVariables = Exact<{
  productId: string | number;
  imageIds: Array<string | number> | string | number;
}>;


export type ReorderProductImagesMutation = { reorderProductImages: Array<{ id: string, url: string, thumbnailUrl: string, sort: number, width: number | null, height: number | null }> };

export type RemoveProductImageMutationVariables = Exact<{
  imageId: string | number;
}>;


export type RemoveProductImageMutation = { removeProductImage: boolean };

export type CertificationDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CertificationDocumentsQuery = { certification: { id: string, status: CertificationStatus, documents: Array<{ id: string, fileName: string | null, contentType: string, sizeBytes: number, url: string, createdAt: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PayoutBatchFieldsFragmentDoc = new TypedDocumentString(`
    fragment PayoutBatchFields on PayoutBatch {
  id
  status
  totalAmount
  createdAt
  completedAt
  csvUrl
  skippedSupplierIds
  payouts {
    id
  }
}
    `, {"fragmentName":"PayoutBatchFields"}) as unknown as TypedDocumentString<PayoutBatchFieldsFragment, unknown>;
export const ChannelFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}
    `, {"fragmentName":"ChannelFields"}) as unknown as TypedDocumentString<ChannelFieldsFragment, unknown>;
export const ComplaintFieldsFragmentDoc = new TypedDocumentString(`
    fragment ComplaintFields on Complaint {
  id
  orderId
  orderNo
  supplierOrderId
  supplierId
  supplierName
  regionCode
  kind
  description
  status
  supplierAnswer
  answeredAt
  remedy
  refundAmount
  refundableAmount
  decisionReason
  decidedAt
  createdAt
  canDecide
  photos {
    id
    url
    contentType
    sizeBytes
  }
}
    `, {"fragmentName":"ComplaintFields"}) as unknown as TypedDocumentString<ComplaintFieldsFragment, unknown>;
export const AddressFieldsFragmentDoc = new TypedDocumentString(`
    fragment AddressFields on CustomerAddress {
  id
  recipient
  phone
  regionCode
  regionPath
  detail
  isDefault
}
    `, {"fragmentName":"AddressFields"}) as unknown as TypedDocumentString<AddressFieldsFragment, unknown>;
export const AddressSnapshotFieldsFragmentDoc = new TypedDocumentString(`
    fragment AddressSnapshotFields on AddressSnapshot {
  recipient
  phone
  regionCode
  regionPath
  detail
}
    `, {"fragmentName":"AddressSnapshotFields"}) as unknown as TypedDocumentString<AddressSnapshotFieldsFragment, unknown>;
export const ProductCardFragmentDoc = new TypedDocumentString(`
    fragment ProductCard on Product {
  id
  title
  originRegion {
    code
    name
    path {
      code
      name
      level
    }
  }
  supplier {
    id
    name
  }
  certification {
    status
    certificateNo
    validFrom
    validTo
  }
  minRetailPrice
  images {
    id
    url
  }
}
    `, {"fragmentName":"ProductCard"}) as unknown as TypedDocumentString<ProductCardFragment, unknown>;
export const SupplierOrderFieldsFragmentDoc = new TypedDocumentString(`
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
    `, {"fragmentName":"SupplierOrderFields"}) as unknown as TypedDocumentString<SupplierOrderFieldsFragment, unknown>;
export const OrderSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}`, {"fragmentName":"OrderSummaryFields"}) as unknown as TypedDocumentString<OrderSummaryFieldsFragment, unknown>;
export const OrderDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}`, {"fragmentName":"OrderDetailFields"}) as unknown as TypedDocumentString<OrderDetailFieldsFragment, unknown>;
export const InsufficientStockFragmentDoc = new TypedDocumentString(`
    fragment InsufficientStock on InsufficientStockError {
  code
  message
  variantId
  requested
  available
}
    `, {"fragmentName":"InsufficientStock"}) as unknown as TypedDocumentString<InsufficientStockFragment, unknown>;
export const ProductUnavailableFragmentDoc = new TypedDocumentString(`
    fragment ProductUnavailable on ProductUnavailableError {
  code
  message
  variantId
  reason
}
    `, {"fragmentName":"ProductUnavailable"}) as unknown as TypedDocumentString<ProductUnavailableFragment, unknown>;
export const CertificationInvalidFragmentDoc = new TypedDocumentString(`
    fragment CertificationInvalid on CertificationInvalidError {
  code
  message
  variantId
  productId
  certificationStatus
}
    `, {"fragmentName":"CertificationInvalid"}) as unknown as TypedDocumentString<CertificationInvalidFragment, unknown>;
export const InvalidOrderInputFragmentDoc = new TypedDocumentString(`
    fragment InvalidOrderInput on InvalidOrderInputError {
  code
  message
  field
}
    `, {"fragmentName":"InvalidOrderInput"}) as unknown as TypedDocumentString<InvalidOrderInputFragment, unknown>;
export const SupplierNameFragmentDoc = new TypedDocumentString(`
    fragment SupplierName on Supplier {
  id
  name
}
    `, {"fragmentName":"SupplierName"}) as unknown as TypedDocumentString<SupplierNameFragment, unknown>;
export const ShippedLotFragmentDoc = new TypedDocumentString(`
    fragment ShippedLot on Lot {
  id
  lotNo
  harvestedOn
}
    `, {"fragmentName":"ShippedLot"}) as unknown as TypedDocumentString<ShippedLotFragment, unknown>;
export const CartProductFragmentDoc = new TypedDocumentString(`
    fragment CartProduct on Product {
  id
  title
  supplier {
    id
    name
  }
  certification {
    status
  }
  variants {
    id
    spec
    unit
    retailPrice
    agencyPrice
    stockAvailable
    active
  }
}
    `, {"fragmentName":"CartProduct"}) as unknown as TypedDocumentString<CartProductFragment, unknown>;
export const AnomalyFindingFieldsFragmentDoc = new TypedDocumentString(`
    fragment AnomalyFindingFields on AnomalyFinding {
  id
  kind
  severity
  status
  subjectType
  subjectId
  subjectLabel
  supplierId
  regionCode
  summary
  detectedVia
  detectedAt
  reviewedAt
  reviewerName
  reviewReason
  excludedFromStatistics
  suspensionProposalId
  evidence {
    figures {
      name
      value
      unit
      text
    }
    orderIds
  }
}
    `, {"fragmentName":"AnomalyFindingFields"}) as unknown as TypedDocumentString<AnomalyFindingFieldsFragment, unknown>;
export const SupplierFieldsFragmentDoc = new TypedDocumentString(`
    fragment SupplierFields on Supplier {
  id
  name
  kind
  status
  creditCode
  countyCode
  county {
    code
    name
    path {
      code
      name
    }
  }
  linkageMechanism
  appliedAt
  linkedHouseholdCount
  history {
    fromStatus
    toStatus
    reason
    actorName
    createdAt
  }
}
    `, {"fragmentName":"SupplierFields"}) as unknown as TypedDocumentString<SupplierFieldsFragment, unknown>;
export const OwnProductFragmentDoc = new TypedDocumentString(`
    fragment OwnProduct on Product {
  id
  title
  status
  originRegion {
    code
    name
  }
  certification {
    id
    status
    certificateNo
    validTo
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}
    `, {"fragmentName":"OwnProduct"}) as unknown as TypedDocumentString<OwnProductFragment, unknown>;
export const CertificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment CertificationFields on Certification {
  id
  status
  certificateNo
  validFrom
  validTo
  createdAt
  updatedAt
  product {
    id
    title
    supplier {
      id
      name
    }
    originRegion {
      code
      name
      path {
        code
        name
      }
    }
  }
  history {
    fromStatus
    toStatus
    reason
    createdAt
  }
  documents {
    id
    fileName
    contentType
    sizeBytes
    url
    createdAt
  }
}
    `, {"fragmentName":"CertificationFields"}) as unknown as TypedDocumentString<CertificationFieldsFragment, unknown>;
export const FilingFieldsFragmentDoc = new TypedDocumentString(`
    fragment FilingFields on ReservedShareFiling {
  id
  orgId
  year
  canteenMode
  canteenBudget
  ratioBps
  minimumBps
  reservedAmount
  catererName
  coveredOrgIds
  deadline
  late
  version
  decreaseReason
  amendments {
    version
    kind
    reason
    createdAt
  }
}
    `, {"fragmentName":"FilingFields"}) as unknown as TypedDocumentString<FilingFieldsFragment, unknown>;
export const PurchaseRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment PurchaseRequestFields on PurchaseRequest {
  id
  requestNo
  orgId
  purchaserUserId
  purchaserName
  orderId
  orderNo
  orderStatus
  status
  terms
  justification
  totalAmount
  spendingLimit
  autoApproved
  splitSuspected
  poNumber
  poUrl
  decisionComment
  createdAt
  lines {
    variantId
    productTitle
    spec
    unit
    unitPrice
    quantity
    lineTotal
  }
}
    `, {"fragmentName":"PurchaseRequestFields"}) as unknown as TypedDocumentString<PurchaseRequestFieldsFragment, unknown>;
export const ProducePaymentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
    `, {"fragmentName":"ProducePaymentFields"}) as unknown as TypedDocumentString<ProducePaymentFieldsFragment, unknown>;
export const ProduceReceiptFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}`, {"fragmentName":"ProduceReceiptFields"}) as unknown as TypedDocumentString<ProduceReceiptFieldsFragment, unknown>;
export const ProduceCommitmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}`, {"fragmentName":"ProduceCommitmentFields"}) as unknown as TypedDocumentString<ProduceCommitmentFieldsFragment, unknown>;
export const ProduceOfferFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProduceOfferFields on ProduceOffer {
  id
  householdId
  villageCode
  cropName
  variety
  quantity
  committedQuantity
  availableQuantity
  unit
  availableFrom
  availableUntil
  askingPrice
  note
  imageUrls
  status
  assisted
  createdAt
  household {
    id
    headName
    village {
      name
    }
  }
  commitments {
    ...ProduceCommitmentFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}`, {"fragmentName":"ProduceOfferFields"}) as unknown as TypedDocumentString<ProduceOfferFieldsFragment, unknown>;
export const IncomeStatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment IncomeStatementFields on IncomeStatement {
  month
  status
  purchasePaidTotal
  purchasePendingTotal
  attributedTotal
  purchases {
    receiptId
    supplierName
    cropName
    unit
    quantity
    committedQuantity
    unitPrice
    amount
    lotNo
    receivedAt
    paymentStatus
    paymentMethod
    paidOn
  }
  attributedIncome {
    productId
    productTitle
    amount
  }
  attributedOrders {
    orderId
    orderNo
    productTitle
    lotNo
    amount
  }
  confirmation {
    confirmedAt
  }
  disputes {
    id
    kind
    note
    status
    amount
    resolution
  }
}
    `, {"fragmentName":"IncomeStatementFields"}) as unknown as TypedDocumentString<IncomeStatementFieldsFragment, unknown>;
export const SalesFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment SalesFiguresFields on SalesFigures {
  grossAmount
  refundAmount
  netAmount
  certifiedNetAmount
  uncertifiedNetAmount
  orderCount
  unitCount
  buyerCount
  householdsDriven
}
    `, {"fragmentName":"SalesFiguresFields"}) as unknown as TypedDocumentString<SalesFiguresFieldsFragment, unknown>;
export const SupervisionFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment SupervisionFiguresFields on SupervisionFigures {
  unitsRegistered
  unitsFiled
  unitsActivated
  reservedAmount
  countedAmount
  pendingAmount
  completionBasisPoints
  previousReservedAmount
  reservedChangeAmount
  reservedChangeBasisPoints
}
    `, {"fragmentName":"SupervisionFiguresFields"}) as unknown as TypedDocumentString<SupervisionFiguresFieldsFragment, unknown>;
export const EditableProductFragmentDoc = new TypedDocumentString(`
    fragment EditableProduct on Product {
  id
  title
  description
  status
  images {
    id
    url
    thumbnailUrl
    sort
    width
    height
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}
    `, {"fragmentName":"EditableProduct"}) as unknown as TypedDocumentString<EditableProductFragment, unknown>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($everywhere: Boolean) {
  logout(everywhere: $everywhere)
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    token
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const AccountEventsDocument = new TypedDocumentString(`
    query AccountEvents {
  me {
    id
    accountEvents(first: 20) {
      id
      kind
      ip
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<AccountEventsQuery, AccountEventsQueryVariables>;
export const SetUserDisabledDocument = new TypedDocumentString(`
    mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {
  setUserDisabled(userId: $userId, disabled: $disabled) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SetUserDisabledMutation, SetUserDisabledMutationVariables>;
export const ApproveSupplierDocument = new TypedDocumentString(`
    mutation ApproveSupplier($supplierId: ID!, $comment: String) {
  approveSupplier(supplierId: $supplierId, comment: $comment) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveSupplierMutation, ApproveSupplierMutationVariables>;
export const RejectSupplierAdminDocument = new TypedDocumentString(`
    mutation RejectSupplierAdmin($supplierId: ID!, $reason: String!) {
  rejectSupplier(supplierId: $supplierId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectSupplierAdminMutation, RejectSupplierAdminMutationVariables>;
export const SuspendSupplierDocument = new TypedDocumentString(`
    mutation SuspendSupplier($supplierId: ID!, $reason: String!) {
  suspendSupplier(supplierId: $supplierId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SuspendSupplierMutation, SuspendSupplierMutationVariables>;
export const ReinstateSupplierDocument = new TypedDocumentString(`
    mutation ReinstateSupplier($supplierId: ID!, $comment: String) {
  reinstateSupplier(supplierId: $supplierId, comment: $comment) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReinstateSupplierMutation, ReinstateSupplierMutationVariables>;
export const RevokeSupplierDocument = new TypedDocumentString(`
    mutation RevokeSupplier($supplierId: ID!, $reason: String!) {
  revokeSupplier(supplierId: $supplierId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeSupplierMutation, RevokeSupplierMutationVariables>;
export const CertifyProductDocument = new TypedDocumentString(`
    mutation CertifyProduct($id: ID!, $input: CertifyProductInput!) {
  certifyProduct(id: $id, input: $input) {
    id
    status
    certificateNo
    validFrom
    validTo
  }
}
    `) as unknown as TypedDocumentString<CertifyProductMutation, CertifyProductMutationVariables>;
export const RevokeCertificationDocument = new TypedDocumentString(`
    mutation RevokeCertification($id: ID!, $reason: String!) {
  revokeCertification(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeCertificationMutation, RevokeCertificationMutationVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($search: String, $role: Role, $organizationId: ID, $first: Int) {
  users(
    search: $search
    role: $role
    organizationId: $organizationId
    first: $first
  ) {
    id
    displayName
    email
    phone
    status
    createdAt
    memberships {
      id
      role
      regionPrefix
      organization {
        id
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminOrganizationsDocument = new TypedDocumentString(`
    query AdminOrganizations($kind: OrganizationKind) {
  organizations(kind: $kind) {
    id
    name
    kind
    status
    creditCode
    regionCode
    parentId
  }
}
    `) as unknown as TypedDocumentString<AdminOrganizationsQuery, AdminOrganizationsQueryVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    id
    name
    kind
    status
    creditCode
    regionCode
    parentId
  }
}
    `) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const GrantMembershipDocument = new TypedDocumentString(`
    mutation GrantMembership($input: GrantMembershipInput!) {
  grantMembership(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<GrantMembershipMutation, GrantMembershipMutationVariables>;
export const RevokeMembershipDocument = new TypedDocumentString(`
    mutation RevokeMembership($id: ID!) {
  revokeMembership(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeMembershipMutation, RevokeMembershipMutationVariables>;
export const AdminOrderRefundsDocument = new TypedDocumentString(`
    query AdminOrderRefunds($orderId: ID!) {
  orderRefunds(orderId: $orderId) {
    id
    orderId
    amount
    status
    origin
    reason
    failure
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AdminOrderRefundsQuery, AdminOrderRefundsQueryVariables>;
export const AdminRefundOrderDocument = new TypedDocumentString(`
    mutation AdminRefundOrder($orderId: ID!, $amount: Money, $reason: String) {
  refundOrder(orderId: $orderId, amount: $amount, reason: $reason) {
    id
    orderId
    amount
    status
    origin
    reason
    failure
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AdminRefundOrderMutation, AdminRefundOrderMutationVariables>;
export const RecentRefundsDocument = new TypedDocumentString(`
    query RecentRefunds($status: RefundStatus, $first: Int) {
  refunds(status: $status, first: $first) {
    id
    orderId
    amount
    status
    origin
    reason
    failure
    createdAt
  }
}
    `) as unknown as TypedDocumentString<RecentRefundsQuery, RecentRefundsQueryVariables>;
export const FlaggedPaymentsDocument = new TypedDocumentString(`
    query FlaggedPayments {
  flaggedPayments {
    id
    orderId
    amount
    method
    status
    flag
    flagReason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<FlaggedPaymentsQuery, FlaggedPaymentsQueryVariables>;
export const RefundUnmatchedPaymentDocument = new TypedDocumentString(`
    mutation RefundUnmatchedPayment($paymentId: ID!) {
  refundUnmatchedPayment(paymentId: $paymentId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RefundUnmatchedPaymentMutation, RefundUnmatchedPaymentMutationVariables>;
export const PayoutBatchesDocument = new TypedDocumentString(`
    query PayoutBatches($first: Int) {
  payoutBatches(first: $first) {
    ...PayoutBatchFields
  }
}
    fragment PayoutBatchFields on PayoutBatch {
  id
  status
  totalAmount
  createdAt
  completedAt
  csvUrl
  skippedSupplierIds
  payouts {
    id
  }
}`) as unknown as TypedDocumentString<PayoutBatchesQuery, PayoutBatchesQueryVariables>;
export const CreatePayoutBatchDocument = new TypedDocumentString(`
    mutation CreatePayoutBatch {
  createPayoutBatch {
    ...PayoutBatchFields
  }
}
    fragment PayoutBatchFields on PayoutBatch {
  id
  status
  totalAmount
  createdAt
  completedAt
  csvUrl
  skippedSupplierIds
  payouts {
    id
  }
}`) as unknown as TypedDocumentString<CreatePayoutBatchMutation, CreatePayoutBatchMutationVariables>;
export const RetryPayoutBatchDocument = new TypedDocumentString(`
    mutation RetryPayoutBatch($batchId: ID!) {
  retryPayoutBatch(batchId: $batchId) {
    ...PayoutBatchFields
  }
}
    fragment PayoutBatchFields on PayoutBatch {
  id
  status
  totalAmount
  createdAt
  completedAt
  csvUrl
  skippedSupplierIds
  payouts {
    id
  }
}`) as unknown as TypedDocumentString<RetryPayoutBatchMutation, RetryPayoutBatchMutationVariables>;
export const AdminChannelsDocument = new TypedDocumentString(`
    query AdminChannels {
  channels(includeDisabled: true) {
    ...ChannelFields
  }
}
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}`) as unknown as TypedDocumentString<AdminChannelsQuery, AdminChannelsQueryVariables>;
export const CreateChannelDocument = new TypedDocumentString(`
    mutation CreateChannel($input: CreateChannelInput!) {
  createChannel(input: $input) {
    deviceSecret
    channel {
      ...ChannelFields
    }
  }
}
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}`) as unknown as TypedDocumentString<CreateChannelMutation, CreateChannelMutationVariables>;
export const RotateCounterSecretDocument = new TypedDocumentString(`
    mutation RotateCounterSecret($channelId: ID!) {
  rotateCounterSecret(channelId: $channelId) {
    deviceSecret
    channel {
      ...ChannelFields
    }
  }
}
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}`) as unknown as TypedDocumentString<RotateCounterSecretMutation, RotateCounterSecretMutationVariables>;
export const EnableChannelDocument = new TypedDocumentString(`
    mutation EnableChannel($channelId: ID!) {
  enableChannel(channelId: $channelId) {
    ...ChannelFields
  }
}
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}`) as unknown as TypedDocumentString<EnableChannelMutation, EnableChannelMutationVariables>;
export const DisableChannelDocument = new TypedDocumentString(`
    mutation DisableChannel($channelId: ID!) {
  disableChannel(channelId: $channelId) {
    ...ChannelFields
  }
}
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}`) as unknown as TypedDocumentString<DisableChannelMutation, DisableChannelMutationVariables>;
export const PlaceProductInChannelDocument = new TypedDocumentString(`
    mutation PlaceProductInChannel($channelId: ID!, $productId: ID!) {
  placeProductInChannel(channelId: $channelId, productId: $productId) {
    ...ChannelFields
  }
}
    fragment ChannelFields on Channel {
  id
  name
  kind
  status
  online
  assistanceOnly
  address
  deviceId
  productCount
  region {
    code
    name
  }
}`) as unknown as TypedDocumentString<PlaceProductInChannelMutation, PlaceProductInChannelMutationVariables>;
export const AdminProductPickDocument = new TypedDocumentString(`
    query AdminProductPick($search: String) {
  products(filter: {search: $search}, first: 10) {
    edges {
      node {
        id
        title
        supplier {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminProductPickQuery, AdminProductPickQueryVariables>;
export const RegionFlagsDocument = new TypedDocumentString(`
    query RegionFlags($code: String!) {
  region(code: $code) {
    code
    name
    level
    exPovertyCounty
    keyAssistanceCounty
  }
}
    `) as unknown as TypedDocumentString<RegionFlagsQuery, RegionFlagsQueryVariables>;
export const SetRegionFlagsDocument = new TypedDocumentString(`
    mutation SetRegionFlags($code: String!, $exPovertyCounty: Boolean, $keyAssistanceCounty: Boolean) {
  setRegionFlags(
    code: $code
    exPovertyCounty: $exPovertyCounty
    keyAssistanceCounty: $keyAssistanceCounty
  ) {
    code
    name
    level
    exPovertyCounty
    keyAssistanceCounty
  }
}
    `) as unknown as TypedDocumentString<SetRegionFlagsMutation, SetRegionFlagsMutationVariables>;
export const JurisdictionMinimumsDocument = new TypedDocumentString(`
    query JurisdictionMinimums {
  jurisdictionMinimums {
    regionPrefix
    ratioBps
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<JurisdictionMinimumsQuery, JurisdictionMinimumsQueryVariables>;
export const SetJurisdictionMinimumDocument = new TypedDocumentString(`
    mutation SetJurisdictionMinimum($regionCode: String!, $ratioBps: Int!) {
  setJurisdictionMinimum(regionCode: $regionCode, ratioBps: $ratioBps) {
    regionPrefix
    ratioBps
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetJurisdictionMinimumMutation, SetJurisdictionMinimumMutationVariables>;
export const FailedJobsDocument = new TypedDocumentString(`
    query FailedJobs($queue: String) {
  jobQueues {
    name
    failed
  }
  failedJobs(first: 100, queue: $queue) {
    id
    queue
    name
    data
    failedReason
    attemptsMade
    failedAt
    timestamp
  }
}
    `) as unknown as TypedDocumentString<FailedJobsQuery, FailedJobsQueryVariables>;
export const RetryFailedJobDocument = new TypedDocumentString(`
    mutation RetryFailedJob($id: ID!, $queue: String!) {
  retryFailedJob(id: $id, queue: $queue)
}
    `) as unknown as TypedDocumentString<RetryFailedJobMutation, RetryFailedJobMutationVariables>;
export const DiscardFailedJobDocument = new TypedDocumentString(`
    mutation DiscardFailedJob($id: ID!, $queue: String!) {
  discardFailedJob(id: $id, queue: $queue)
}
    `) as unknown as TypedDocumentString<DiscardFailedJobMutation, DiscardFailedJobMutationVariables>;
export const ComplaintsDocument = new TypedDocumentString(`
    query Complaints($filter: ComplaintFilterInput, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ComplaintFields
      }
    }
  }
}
    fragment ComplaintFields on Complaint {
  id
  orderId
  orderNo
  supplierOrderId
  supplierId
  supplierName
  regionCode
  kind
  description
  status
  supplierAnswer
  answeredAt
  remedy
  refundAmount
  refundableAmount
  decisionReason
  decidedAt
  createdAt
  canDecide
  photos {
    id
    url
    contentType
    sizeBytes
  }
}`) as unknown as TypedDocumentString<ComplaintsQuery, ComplaintsQueryVariables>;
export const OrderAftersalesDocument = new TypedDocumentString(`
    query OrderAftersales($orderId: ID!) {
  orderRatings(orderId: $orderId) {
    id
    supplierOrderId
    score
    comment
    createdAt
  }
  complaints(filter: {orderId: $orderId}, first: 100) {
    edges {
      node {
        ...ComplaintFields
      }
    }
  }
}
    fragment ComplaintFields on Complaint {
  id
  orderId
  orderNo
  supplierOrderId
  supplierId
  supplierName
  regionCode
  kind
  description
  status
  supplierAnswer
  answeredAt
  remedy
  refundAmount
  refundableAmount
  decisionReason
  decidedAt
  createdAt
  canDecide
  photos {
    id
    url
    contentType
    sizeBytes
  }
}`) as unknown as TypedDocumentString<OrderAftersalesQuery, OrderAftersalesQueryVariables>;
export const RateSupplierOrderDocument = new TypedDocumentString(`
    mutation RateSupplierOrder($supplierOrderId: ID!, $score: Int!, $comment: String) {
  rateSupplierOrder(
    supplierOrderId: $supplierOrderId
    score: $score
    comment: $comment
  ) {
    id
    supplierOrderId
    score
    comment
    createdAt
  }
}
    `) as unknown as TypedDocumentString<RateSupplierOrderMutation, RateSupplierOrderMutationVariables>;
export const OpenComplaintDocument = new TypedDocumentString(`
    mutation OpenComplaint($input: OpenComplaintInput!) {
  openComplaint(input: $input) {
    ...ComplaintFields
  }
}
    fragment ComplaintFields on Complaint {
  id
  orderId
  orderNo
  supplierOrderId
  supplierId
  supplierName
  regionCode
  kind
  description
  status
  supplierAnswer
  answeredAt
  remedy
  refundAmount
  refundableAmount
  decisionReason
  decidedAt
  createdAt
  canDecide
  photos {
    id
    url
    contentType
    sizeBytes
  }
}`) as unknown as TypedDocumentString<OpenComplaintMutation, OpenComplaintMutationVariables>;
export const AnswerComplaintDocument = new TypedDocumentString(`
    mutation AnswerComplaint($id: ID!, $answer: String!) {
  answerComplaint(id: $id, answer: $answer) {
    ...ComplaintFields
  }
}
    fragment ComplaintFields on Complaint {
  id
  orderId
  orderNo
  supplierOrderId
  supplierId
  supplierName
  regionCode
  kind
  description
  status
  supplierAnswer
  answeredAt
  remedy
  refundAmount
  refundableAmount
  decisionReason
  decidedAt
  createdAt
  canDecide
  photos {
    id
    url
    contentType
    sizeBytes
  }
}`) as unknown as TypedDocumentString<AnswerComplaintMutation, AnswerComplaintMutationVariables>;
export const DecideComplaintDocument = new TypedDocumentString(`
    mutation DecideComplaint($id: ID!, $input: DecideComplaintInput!) {
  decideComplaint(id: $id, input: $input) {
    ...ComplaintFields
  }
}
    fragment ComplaintFields on Complaint {
  id
  orderId
  orderNo
  supplierOrderId
  supplierId
  supplierName
  regionCode
  kind
  description
  status
  supplierAnswer
  answeredAt
  remedy
  refundAmount
  refundableAmount
  decisionReason
  decidedAt
  createdAt
  canDecide
  photos {
    id
    url
    contentType
    sizeBytes
  }
}`) as unknown as TypedDocumentString<DecideComplaintMutation, DecideComplaintMutationVariables>;
export const SupplierScorecardDocument = new TypedDocumentString(`
    query SupplierScorecard($supplierId: ID!) {
  supplierScorecard(supplierId: $supplierId) {
    ratingAverage
    ratingCount
    deliveredOrders
    complaintCount
    openComplaints
    complaintRateBps
    upheldComplaints
    upheldRecent
    upheldWindowDays
    shippedOrders
    onTimeShipped
    onTimeShippingBps
    onTimeShippingHours
    warnings {
      id
      ruleCode
      level
      reason
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<SupplierScorecardQuery, SupplierScorecardQueryVariables>;
export const SuspensionProposalsDocument = new TypedDocumentString(`
    query SuspensionProposals($status: SuspensionProposalStatus) {
  supplierSuspensionProposals(status: $status, first: 100) {
    edges {
      node {
        id
        supplierId
        supplierName
        supplierStatus
        source
        reason
        status
        proposedAt
        decidedAt
        decisionReason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SuspensionProposalsQuery, SuspensionProposalsQueryVariables>;
export const DecideSuspensionProposalDocument = new TypedDocumentString(`
    mutation DecideSuspensionProposal($id: ID!, $decision: SuspensionDecision!, $reason: String!) {
  decideSupplierSuspensionProposal(id: $id, decision: $decision, reason: $reason) {
    id
    status
    supplierStatus
    decidedAt
    decisionReason
  }
}
    `) as unknown as TypedDocumentString<DecideSuspensionProposalMutation, DecideSuspensionProposalMutationVariables>;
export const OrderAttributionDocument = new TypedDocumentString(`
    query OrderAttribution($orderId: ID!) {
  orderAttribution(orderId: $orderId) {
    orderId
    counted
    attributedAmount
    householdAmount
    householdCount
    lines {
      orderLineId
      productTitle
      quantity
      lineTotal
      ruleKind
      attributedAmount
      capped
      beneficiaries {
        kind
        householdId
        name
        villageName
        lotNo
        amount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrderAttributionQuery, OrderAttributionQueryVariables>;
export const MyHouseholdIncomeDocument = new TypedDocumentString(`
    query MyHouseholdIncome($from: String!, $to: String!) {
  myHousehold {
    id
    headName
    village {
      code
      name
    }
  }
  myHouseholdIncome(from: $from, to: $to) {
    householdId
    fromPeriod
    toPeriod
    totalAmount
    months {
      period
      amount
      products {
        productId
        productTitle
        amount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyHouseholdIncomeQuery, MyHouseholdIncomeQueryVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        seq
        at
        kind
        operation
        outcome
        actorUserId
        actorName
        actorOrgName
        actorRole
        entityType
        entityId
        regionCode
        summary
        clientIp
        requestId
        hash
        prevHash
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditChainStatusDocument = new TypedDocumentString(`
    query AuditChainStatus {
  auditChainStatus {
    headSeq
    headHash
    checkpoints {
      day
      verifiedAt
      ok
      checkedCount
      firstBrokenEventId
      headSeq
      headHash
    }
  }
}
    `) as unknown as TypedDocumentString<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
export const VerifyAuditChainDocument = new TypedDocumentString(`
    query VerifyAuditChain($from: String, $to: String) {
  verifyAuditChain(from: $from, to: $to) {
    ok
    checkedCount
    firstBrokenEventId
  }
}
    `) as unknown as TypedDocumentString<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const MyAddressesDocument = new TypedDocumentString(`
    query MyAddresses {
  myAddresses {
    ...AddressFields
  }
}
    fragment AddressFields on CustomerAddress {
  id
  recipient
  phone
  regionCode
  regionPath
  detail
  isDefault
}`) as unknown as TypedDocumentString<MyAddressesQuery, MyAddressesQueryVariables>;
export const CreateAddressDocument = new TypedDocumentString(`
    mutation CreateAddress($input: AddressInput!) {
  createAddress(input: $input) {
    ...AddressFields
  }
}
    fragment AddressFields on CustomerAddress {
  id
  recipient
  phone
  regionCode
  regionPath
  detail
  isDefault
}`) as unknown as TypedDocumentString<CreateAddressMutation, CreateAddressMutationVariables>;
export const UpdateAddressDocument = new TypedDocumentString(`
    mutation UpdateAddress($id: ID!, $input: AddressInput!) {
  updateAddress(id: $id, input: $input) {
    ...AddressFields
  }
}
    fragment AddressFields on CustomerAddress {
  id
  recipient
  phone
  regionCode
  regionPath
  detail
  isDefault
}`) as unknown as TypedDocumentString<UpdateAddressMutation, UpdateAddressMutationVariables>;
export const SetDefaultAddressDocument = new TypedDocumentString(`
    mutation SetDefaultAddress($id: ID!) {
  setDefaultAddress(id: $id) {
    ...AddressFields
  }
}
    fragment AddressFields on CustomerAddress {
  id
  recipient
  phone
  regionCode
  regionPath
  detail
  isDefault
}`) as unknown as TypedDocumentString<SetDefaultAddressMutation, SetDefaultAddressMutationVariables>;
export const DeleteAddressDocument = new TypedDocumentString(`
    mutation DeleteAddress($id: ID!) {
  deleteAddress(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteAddressMutation, DeleteAddressMutationVariables>;
export const OrderAddressDocument = new TypedDocumentString(`
    query OrderAddress($id: ID!) {
  order(id: $id) {
    id
    orderNo
    status
    createdAt
    deliveryAddress {
      ...AddressSnapshotFields
    }
    supplierOrders {
      id
      supplierId
      status
      carrier
      trackingNo
      shipTo {
        ...AddressSnapshotFields
      }
      lines {
        id
        productTitle
        sku
        spec
        unit
        quantity
      }
    }
  }
}
    fragment AddressSnapshotFields on AddressSnapshot {
  recipient
  phone
  regionCode
  regionPath
  detail
}`) as unknown as TypedDocumentString<OrderAddressQuery, OrderAddressQueryVariables>;
export const SupplierStoreDocument = new TypedDocumentString(`
    query SupplierStore($id: ID!) {
  supplier(id: $id) {
    id
    name
    kind
    status
    linkageMechanism
    linkedHouseholdCount
    county {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SupplierStoreQuery, SupplierStoreQueryVariables>;
export const SupplierCertifiedCountDocument = new TypedDocumentString(`
    query SupplierCertifiedCount($supplierId: ID!) {
  products(filter: {supplierId: $supplierId, certifiedOnly: true}, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<SupplierCertifiedCountQuery, SupplierCertifiedCountQueryVariables>;
export const SortedProductsDocument = new TypedDocumentString(`
    query SortedProducts($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {
  products(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ProductCard
      }
    }
  }
}
    fragment ProductCard on Product {
  id
  title
  originRegion {
    code
    name
    path {
      code
      name
      level
    }
  }
  supplier {
    id
    name
  }
  certification {
    status
    certificateNo
    validFrom
    validTo
  }
  minRetailPrice
  images {
    id
    url
  }
}`) as unknown as TypedDocumentString<SortedProductsQuery, SortedProductsQueryVariables>;
export const ProductsDocument = new TypedDocumentString(`
    query Products($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ProductCard
      }
    }
  }
}
    fragment ProductCard on Product {
  id
  title
  originRegion {
    code
    name
    path {
      code
      name
      level
    }
  }
  supplier {
    id
    name
  }
  certification {
    status
    certificateNo
    validFrom
    validTo
  }
  minRetailPrice
  images {
    id
    url
  }
}`) as unknown as TypedDocumentString<ProductsQuery, ProductsQueryVariables>;
export const ProductDocument = new TypedDocumentString(`
    query Product($id: ID!) {
  product(id: $id) {
    id
    title
    description
    status
    category {
      id
      name
      nameEn
    }
    originRegion {
      code
      name
      path {
        code
        name
        level
      }
    }
    supplier {
      id
      name
    }
    certification {
      status
      certificateNo
      issuer
      batch
      validFrom
      validTo
    }
    minRetailPrice
    images {
      id
      url
    }
    incomeShare {
      householdCount
      perUnitToHouseholds
    }
    variants {
      id
      sku
      spec
      unit
      retailPrice
      agencyPrice
      marketReferencePrice
      stockAvailable
      active
    }
  }
}
    `) as unknown as TypedDocumentString<ProductQuery, ProductQueryVariables>;
export const CategoriesDocument = new TypedDocumentString(`
    query Categories {
  categories {
    id
    parentId
    code
    name
    nameEn
    sort
  }
}
    `) as unknown as TypedDocumentString<CategoriesQuery, CategoriesQueryVariables>;
export const ChannelsDocument = new TypedDocumentString(`
    query Channels {
  channels {
    id
    kind
    name
    online
    address
    region {
      code
      name
    }
    productCount
  }
}
    `) as unknown as TypedDocumentString<ChannelsQuery, ChannelsQueryVariables>;
export const RegionPathDocument = new TypedDocumentString(`
    query RegionPath($code: String!) {
  region(code: $code) {
    code
    name
    level
    path {
      code
      name
      level
    }
  }
}
    `) as unknown as TypedDocumentString<RegionPathQuery, RegionPathQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    displayName
    email
    roles
    memberships {
      role
      regionPrefix
      organization {
        id
        name
        kind
        region {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password) {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions($parentCode: String) {
  regions(parentCode: $parentCode) {
    code
    name
    level
    exPovertyCounty
    keyAssistanceCounty
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const PlaceOrderDocument = new TypedDocumentString(`
    mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    __typename
    ... on Order {
      id
      orderNo
    }
    ...InsufficientStock
    ...ProductUnavailable
    ...CertificationInvalid
    ...InvalidOrderInput
    ... on PurchaseRequestRequiredError {
      code
      message
    }
  }
}
    fragment InsufficientStock on InsufficientStockError {
  code
  message
  variantId
  requested
  available
}
fragment ProductUnavailable on ProductUnavailableError {
  code
  message
  variantId
  reason
}
fragment CertificationInvalid on CertificationInvalidError {
  code
  message
  variantId
  productId
  certificationStatus
}
fragment InvalidOrderInput on InvalidOrderInputError {
  code
  message
  field
}`) as unknown as TypedDocumentString<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const OrdersDocument = new TypedDocumentString(`
    query Orders($filter: OrderFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...OrderSummaryFields
      }
    }
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}`) as unknown as TypedDocumentString<OrdersQuery, OrdersQueryVariables>;
export const OrderDocument = new TypedDocumentString(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderDetailFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}`) as unknown as TypedDocumentString<OrderQuery, OrderQueryVariables>;
export const CancelOrderDocument = new TypedDocumentString(`
    mutation CancelOrder($orderId: ID!, $reason: String!) {
  cancelOrder(orderId: $orderId, reason: $reason) {
    ...OrderDetailFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}`) as unknown as TypedDocumentString<CancelOrderMutation, CancelOrderMutationVariables>;
export const ConfirmOrderDocument = new TypedDocumentString(`
    mutation ConfirmOrder($orderId: ID!) {
  confirmOrder(orderId: $orderId) {
    ...OrderDetailFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}`) as unknown as TypedDocumentString<ConfirmOrderMutation, ConfirmOrderMutationVariables>;
export const ExtendPaymentDeadlineDocument = new TypedDocumentString(`
    mutation ExtendPaymentDeadline($orderId: ID!) {
  extendPaymentDeadline(orderId: $orderId) {
    ...OrderDetailFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}`) as unknown as TypedDocumentString<ExtendPaymentDeadlineMutation, ExtendPaymentDeadlineMutationVariables>;
export const AcceptOrderDocument = new TypedDocumentString(`
    mutation AcceptOrder($orderId: ID!, $input: AcceptOrderInput!) {
  acceptOrder(orderId: $orderId, input: $input) {
    ...OrderDetailFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}`) as unknown as TypedDocumentString<AcceptOrderMutation, AcceptOrderMutationVariables>;
export const SettleOrderDocument = new TypedDocumentString(`
    mutation SettleOrder($orderId: ID!) {
  settleOrder(orderId: $orderId) {
    ...OrderDetailFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}
fragment OrderSummaryFields on Order {
  id
  orderNo
  status
  buyerKind
  buyerUserId
  buyerOrgId
  channelId
  paymentMode
  totalAmount
  paidAmount
  refundedAmount
  paymentDueAt
  wholeOrderVisible
  createdAt
  supplierOrders {
    ...SupplierOrderFields
  }
}
fragment OrderDetailFields on Order {
  ...OrderSummaryFields
  paymentDeadlineExtended
  invoiceNo
  paidAt
  deliveredAt
  acceptedAt
  settledAt
  cancelledAt
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
  documents {
    id
    orderId
    storageKey
    contentType
    sizeBytes
    fileName
    inAcceptance
    createdAt
    url
  }
  payments {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}`) as unknown as TypedDocumentString<SettleOrderMutation, SettleOrderMutationVariables>;
export const ShipSupplierOrderDocument = new TypedDocumentString(`
    mutation ShipSupplierOrder($supplierOrderId: ID!, $carrier: String!, $trackingNo: String!) {
  shipSupplierOrder(
    supplierOrderId: $supplierOrderId
    carrier: $carrier
    trackingNo: $trackingNo
  ) {
    ...SupplierOrderFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}`) as unknown as TypedDocumentString<ShipSupplierOrderMutation, ShipSupplierOrderMutationVariables>;
export const ConfirmDeliveryDocument = new TypedDocumentString(`
    mutation ConfirmDelivery($supplierOrderId: ID!, $proof: String) {
  confirmDelivery(supplierOrderId: $supplierOrderId, proof: $proof) {
    ...SupplierOrderFields
  }
}
    fragment SupplierOrderFields on SupplierOrder {
  id
  orderId
  supplierId
  status
  subtotal
  carrier
  trackingNo
  shippedAt
  deliveredAt
  deliveryProof
  lines {
    id
    variantId
    productId
    productTitle
    sku
    spec
    unit
    priceKind
    unitPrice
    quantity
    lineTotal
    refundedAmount
    certified
    certificationStatus
    certificateNo
    allocations {
      id
      lotId
      quantity
    }
  }
  history {
    id
    fromStatus
    toStatus
    actorKind
    reason
    createdAt
  }
}`) as unknown as TypedDocumentString<ConfirmDeliveryMutation, ConfirmDeliveryMutationVariables>;
export const PaymentSetupDocument = new TypedDocumentString(`
    query PaymentSetup {
  paymentSetup {
    stripeEnabled
    publishableKey
    methods
  }
}
    `) as unknown as TypedDocumentString<PaymentSetupQuery, PaymentSetupQueryVariables>;
export const PaymentOptionsDocument = new TypedDocumentString(`
    query PaymentOptions($orderId: ID!) {
  paymentOptions(orderId: $orderId) {
    orderId
    payable
    online
    publishableKey
    transferPending
    payOnDelivery
    bankTransfer {
      amount
      reference
      payeeName
      bankName
      accountNo
    }
  }
}
    `) as unknown as TypedDocumentString<PaymentOptionsQuery, PaymentOptionsQueryVariables>;
export const PayOrderDocument = new TypedDocumentString(`
    mutation PayOrder($orderId: ID!, $method: PaymentMethod!) {
  payOrder(orderId: $orderId, method: $method) {
    paymentId
    clientSecret
    amount
    method
    publishableKey
  }
}
    `) as unknown as TypedDocumentString<PayOrderMutation, PayOrderMutationVariables>;
export const RecordBankTransferDocument = new TypedDocumentString(`
    mutation RecordBankTransfer($input: RecordBankTransferInput!) {
  recordBankTransfer(input: $input) {
    id
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<RecordBankTransferMutation, RecordBankTransferMutationVariables>;
export const PaymentsAwaitingConfirmationDocument = new TypedDocumentString(`
    query PaymentsAwaitingConfirmation {
  paymentsAwaitingConfirmation {
    id
    orderId
    provider
    method
    status
    amount
    reference
    paidAt
    confirmedAt
    rejectedReason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<PaymentsAwaitingConfirmationQuery, PaymentsAwaitingConfirmationQueryVariables>;
export const ConfirmBankTransferDocument = new TypedDocumentString(`
    mutation ConfirmBankTransfer($paymentId: ID!) {
  confirmBankTransfer(paymentId: $paymentId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConfirmBankTransferMutation, ConfirmBankTransferMutationVariables>;
export const RejectBankTransferDocument = new TypedDocumentString(`
    mutation RejectBankTransfer($paymentId: ID!, $reason: String!) {
  rejectBankTransfer(paymentId: $paymentId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectBankTransferMutation, RejectBankTransferMutationVariables>;
export const CheckoutChannelsDocument = new TypedDocumentString(`
    query CheckoutChannels {
  channels {
    id
    kind
    name
    online
    assistanceOnly
    status
  }
}
    `) as unknown as TypedDocumentString<CheckoutChannelsQuery, CheckoutChannelsQueryVariables>;
export const AnomalyFindingsDocument = new TypedDocumentString(`
    query AnomalyFindings($filter: AnomalyFindingFilter, $first: Int, $after: String) {
  anomalyFindings(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...AnomalyFindingFields
      }
    }
  }
}
    fragment AnomalyFindingFields on AnomalyFinding {
  id
  kind
  severity
  status
  subjectType
  subjectId
  subjectLabel
  supplierId
  regionCode
  summary
  detectedVia
  detectedAt
  reviewedAt
  reviewerName
  reviewReason
  excludedFromStatistics
  suspensionProposalId
  evidence {
    figures {
      name
      value
      unit
      text
    }
    orderIds
  }
}`) as unknown as TypedDocumentString<AnomalyFindingsQuery, AnomalyFindingsQueryVariables>;
export const AnomalyFindingDocument = new TypedDocumentString(`
    query AnomalyFinding($id: ID!) {
  anomalyFinding(id: $id) {
    ...AnomalyFindingFields
    evidenceOrders {
      id
      orderNo
      status
      totalAmount
      createdAt
    }
  }
}
    fragment AnomalyFindingFields on AnomalyFinding {
  id
  kind
  severity
  status
  subjectType
  subjectId
  subjectLabel
  supplierId
  regionCode
  summary
  detectedVia
  detectedAt
  reviewedAt
  reviewerName
  reviewReason
  excludedFromStatistics
  suspensionProposalId
  evidence {
    figures {
      name
      value
      unit
      text
    }
    orderIds
  }
}`) as unknown as TypedDocumentString<AnomalyFindingQuery, AnomalyFindingQueryVariables>;
export const ReviewAnomalyFindingDocument = new TypedDocumentString(`
    mutation ReviewAnomalyFinding($id: ID!, $decision: AnomalyReviewDecision!, $reason: String!, $excludeFromStatistics: Boolean, $proposeSuspension: Boolean) {
  reviewAnomalyFinding(
    id: $id
    decision: $decision
    reason: $reason
    excludeFromStatistics: $excludeFromStatistics
    proposeSuspension: $proposeSuspension
  ) {
    ...AnomalyFindingFields
    evidenceOrders {
      id
      orderNo
      status
      totalAmount
      createdAt
    }
  }
}
    fragment AnomalyFindingFields on AnomalyFinding {
  id
  kind
  severity
  status
  subjectType
  subjectId
  subjectLabel
  supplierId
  regionCode
  summary
  detectedVia
  detectedAt
  reviewedAt
  reviewerName
  reviewReason
  excludedFromStatistics
  suspensionProposalId
  evidence {
    figures {
      name
      value
      unit
      text
    }
    orderIds
  }
}`) as unknown as TypedDocumentString<ReviewAnomalyFindingMutation, ReviewAnomalyFindingMutationVariables>;
export const SuppliersDocument = new TypedDocumentString(`
    query Suppliers($filter: SupplierFilter, $first: Int) {
  suppliers(filter: $filter, first: $first) {
    ...SupplierFields
  }
}
    fragment SupplierFields on Supplier {
  id
  name
  kind
  status
  creditCode
  countyCode
  county {
    code
    name
    path {
      code
      name
    }
  }
  linkageMechanism
  appliedAt
  linkedHouseholdCount
  history {
    fromStatus
    toStatus
    reason
    actorName
    createdAt
  }
}`) as unknown as TypedDocumentString<SuppliersQuery, SuppliersQueryVariables>;
export const ApplyAsSupplierDocument = new TypedDocumentString(`
    mutation ApplyAsSupplier($input: ApplyAsSupplierInput!) {
  applyAsSupplier(input: $input) {
    ...SupplierFields
  }
}
    fragment SupplierFields on Supplier {
  id
  name
  kind
  status
  creditCode
  countyCode
  county {
    code
    name
    path {
      code
      name
    }
  }
  linkageMechanism
  appliedAt
  linkedHouseholdCount
  history {
    fromStatus
    toStatus
    reason
    actorName
    createdAt
  }
}`) as unknown as TypedDocumentString<ApplyAsSupplierMutation, ApplyAsSupplierMutationVariables>;
export const RecommendSupplierDocument = new TypedDocumentString(`
    mutation RecommendSupplier($supplierId: ID!, $comment: String) {
  recommendSupplier(supplierId: $supplierId, comment: $comment) {
    ...SupplierFields
  }
}
    fragment SupplierFields on Supplier {
  id
  name
  kind
  status
  creditCode
  countyCode
  county {
    code
    name
    path {
      code
      name
    }
  }
  linkageMechanism
  appliedAt
  linkedHouseholdCount
  history {
    fromStatus
    toStatus
    reason
    actorName
    createdAt
  }
}`) as unknown as TypedDocumentString<RecommendSupplierMutation, RecommendSupplierMutationVariables>;
export const RejectSupplierDocument = new TypedDocumentString(`
    mutation RejectSupplier($supplierId: ID!, $reason: String!) {
  rejectSupplier(supplierId: $supplierId, reason: $reason) {
    ...SupplierFields
  }
}
    fragment SupplierFields on Supplier {
  id
  name
  kind
  status
  creditCode
  countyCode
  county {
    code
    name
    path {
      code
      name
    }
  }
  linkageMechanism
  appliedAt
  linkedHouseholdCount
  history {
    fromStatus
    toStatus
    reason
    actorName
    createdAt
  }
}`) as unknown as TypedDocumentString<RejectSupplierMutation, RejectSupplierMutationVariables>;
export const OwnProductsDocument = new TypedDocumentString(`
    query OwnProducts($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...OwnProduct
      }
    }
  }
}
    fragment OwnProduct on Product {
  id
  title
  status
  originRegion {
    code
    name
  }
  certification {
    id
    status
    certificateNo
    validTo
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}`) as unknown as TypedDocumentString<OwnProductsQuery, OwnProductsQueryVariables>;
export const VariantUnitsDocument = new TypedDocumentString(`
    query VariantUnits {
  variantUnits
}
    `) as unknown as TypedDocumentString<VariantUnitsQuery, VariantUnitsQueryVariables>;
export const CreateProductDocument = new TypedDocumentString(`
    mutation CreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    ...OwnProduct
  }
}
    fragment OwnProduct on Product {
  id
  title
  status
  originRegion {
    code
    name
  }
  certification {
    id
    status
    certificateNo
    validTo
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}`) as unknown as TypedDocumentString<CreateProductMutation, CreateProductMutationVariables>;
export const PublishProductDocument = new TypedDocumentString(`
    mutation PublishProduct($productId: ID!) {
  publishProduct(productId: $productId) {
    ...OwnProduct
  }
}
    fragment OwnProduct on Product {
  id
  title
  status
  originRegion {
    code
    name
  }
  certification {
    id
    status
    certificateNo
    validTo
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}`) as unknown as TypedDocumentString<PublishProductMutation, PublishProductMutationVariables>;
export const UnpublishProductDocument = new TypedDocumentString(`
    mutation UnpublishProduct($productId: ID!) {
  unpublishProduct(productId: $productId) {
    ...OwnProduct
  }
}
    fragment OwnProduct on Product {
  id
  title
  status
  originRegion {
    code
    name
  }
  certification {
    id
    status
    certificateNo
    validTo
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}`) as unknown as TypedDocumentString<UnpublishProductMutation, UnpublishProductMutationVariables>;
export const AddVariantDocument = new TypedDocumentString(`
    mutation AddVariant($productId: ID!, $input: VariantInput!) {
  addVariant(productId: $productId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddVariantMutation, AddVariantMutationVariables>;
export const LotsDocument = new TypedDocumentString(`
    query Lots($variantId: ID!) {
  lots(variantId: $variantId) {
    id
    lotNo
    harvestedOn
    quantity
    remaining
    contributions {
      householdId
      quantity
    }
  }
}
    `) as unknown as TypedDocumentString<LotsQuery, LotsQueryVariables>;
export const CreateLotDocument = new TypedDocumentString(`
    mutation CreateLot($input: CreateLotInput!) {
  createLot(input: $input) {
    id
    lotNo
    harvestedOn
    quantity
    remaining
    contributions {
      householdId
      quantity
    }
  }
}
    `) as unknown as TypedDocumentString<CreateLotMutation, CreateLotMutationVariables>;
export const HouseholdsDocument = new TypedDocumentString(`
    query Households($filter: HouseholdFilter, $first: Int) {
  households(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        headName
        size
        status
        villageCode
        village {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HouseholdsQuery, HouseholdsQueryVariables>;
export const CertificationsDocument = new TypedDocumentString(`
    query Certifications($filter: CertificationFilter, $first: Int, $after: String) {
  certifications(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CertificationFields
      }
    }
  }
}
    fragment CertificationFields on Certification {
  id
  status
  certificateNo
  validFrom
  validTo
  createdAt
  updatedAt
  product {
    id
    title
    supplier {
      id
      name
    }
    originRegion {
      code
      name
      path {
        code
        name
      }
    }
  }
  history {
    fromStatus
    toStatus
    reason
    createdAt
  }
  documents {
    id
    fileName
    contentType
    sizeBytes
    url
    createdAt
  }
}`) as unknown as TypedDocumentString<CertificationsQuery, CertificationsQueryVariables>;
export const SubmitCertificationDocument = new TypedDocumentString(`
    mutation SubmitCertification($productId: ID!) {
  submitCertification(productId: $productId) {
    ...CertificationFields
  }
}
    fragment CertificationFields on Certification {
  id
  status
  certificateNo
  validFrom
  validTo
  createdAt
  updatedAt
  product {
    id
    title
    supplier {
      id
      name
    }
    originRegion {
      code
      name
      path {
        code
        name
      }
    }
  }
  history {
    fromStatus
    toStatus
    reason
    createdAt
  }
  documents {
    id
    fileName
    contentType
    sizeBytes
    url
    createdAt
  }
}`) as unknown as TypedDocumentString<SubmitCertificationMutation, SubmitCertificationMutationVariables>;
export const VerifyCertificationDocument = new TypedDocumentString(`
    mutation VerifyCertification($id: ID!, $comment: String) {
  verifyCertification(id: $id, comment: $comment) {
    ...CertificationFields
  }
}
    fragment CertificationFields on Certification {
  id
  status
  certificateNo
  validFrom
  validTo
  createdAt
  updatedAt
  product {
    id
    title
    supplier {
      id
      name
    }
    originRegion {
      code
      name
      path {
        code
        name
      }
    }
  }
  history {
    fromStatus
    toStatus
    reason
    createdAt
  }
  documents {
    id
    fileName
    contentType
    sizeBytes
    url
    createdAt
  }
}`) as unknown as TypedDocumentString<VerifyCertificationMutation, VerifyCertificationMutationVariables>;
export const RejectCertificationDocument = new TypedDocumentString(`
    mutation RejectCertification($id: ID!, $reason: String!) {
  rejectCertification(id: $id, reason: $reason) {
    ...CertificationFields
  }
}
    fragment CertificationFields on Certification {
  id
  status
  certificateNo
  validFrom
  validTo
  createdAt
  updatedAt
  product {
    id
    title
    supplier {
      id
      name
    }
    originRegion {
      code
      name
      path {
        code
        name
      }
    }
  }
  history {
    fromStatus
    toStatus
    reason
    createdAt
  }
  documents {
    id
    fileName
    contentType
    sizeBytes
    url
    createdAt
  }
}`) as unknown as TypedDocumentString<RejectCertificationMutation, RejectCertificationMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int) {
  notifications(first: $first) {
    id
    kind
    title
    body
    createdAt
    readAt
    orderId
    data
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const ReservedShareDocument = new TypedDocumentString(`
    query ReservedShare($orgId: ID!, $year: Int!) {
  reservedShare(orgId: $orgId, year: $year) {
    orgId
    year
    minimumBps
    reservedAmount
    countedAmount
    pendingAmount
    uncertifiedAmount
    tradeUnionAmount
    completionBasisPoints
    completionPercent
    monthly {
      month
      countedAmount
    }
    filing {
      ...FilingFields
    }
  }
}
    fragment FilingFields on ReservedShareFiling {
  id
  orgId
  year
  canteenMode
  canteenBudget
  ratioBps
  minimumBps
  reservedAmount
  catererName
  coveredOrgIds
  deadline
  late
  version
  decreaseReason
  amendments {
    version
    kind
    reason
    createdAt
  }
}`) as unknown as TypedDocumentString<ReservedShareQuery, ReservedShareQueryVariables>;
export const SubordinateCompletionDocument = new TypedDocumentString(`
    query SubordinateCompletion($orgId: ID!, $year: Int!) {
  subordinateCompletion(orgId: $orgId, year: $year) {
    rank
    orgId
    name
    canteenMode
    reservedAmount
    countedAmount
    pendingAmount
    completionBasisPoints
    completionPercent
  }
}
    `) as unknown as TypedDocumentString<SubordinateCompletionQuery, SubordinateCompletionQueryVariables>;
export const FileReservedShareDocument = new TypedDocumentString(`
    mutation FileReservedShare($input: FileReservedShareInput!) {
  fileReservedShare(input: $input) {
    ...FilingFields
  }
}
    fragment FilingFields on ReservedShareFiling {
  id
  orgId
  year
  canteenMode
  canteenBudget
  ratioBps
  minimumBps
  reservedAmount
  catererName
  coveredOrgIds
  deadline
  late
  version
  decreaseReason
  amendments {
    version
    kind
    reason
    createdAt
  }
}`) as unknown as TypedDocumentString<FileReservedShareMutation, FileReservedShareMutationVariables>;
export const AmendReservedShareDocument = new TypedDocumentString(`
    mutation AmendReservedShare($input: AmendReservedShareInput!) {
  amendReservedShare(input: $input) {
    ...FilingFields
  }
}
    fragment FilingFields on ReservedShareFiling {
  id
  orgId
  year
  canteenMode
  canteenBudget
  ratioBps
  minimumBps
  reservedAmount
  catererName
  coveredOrgIds
  deadline
  late
  version
  decreaseReason
  amendments {
    version
    kind
    reason
    createdAt
  }
}`) as unknown as TypedDocumentString<AmendReservedShareMutation, AmendReservedShareMutationVariables>;
export const RequestExemptionDocument = new TypedDocumentString(`
    mutation RequestExemption($input: RequestExemptionInput!) {
  requestExemption(input: $input) {
    id
    status
    ratioBps
    minimumBps
  }
}
    `) as unknown as TypedDocumentString<RequestExemptionMutation, RequestExemptionMutationVariables>;
export const ExemptionsDocument = new TypedDocumentString(`
    query Exemptions($filter: ExemptionFilter) {
  reservedShareExemptions(filter: $filter) {
    id
    year
    ratioBps
    minimumBps
    status
    reason
    decisionComment
  }
}
    `) as unknown as TypedDocumentString<ExemptionsQuery, ExemptionsQueryVariables>;
export const PreviewBasketDocument = new TypedDocumentString(`
    query PreviewBasket($input: BasketInput!) {
  previewBasket(input: $input) {
    totalAmount
    spendingLimit
    withinLimit
    approvalRequired
  }
}
    `) as unknown as TypedDocumentString<PreviewBasketQuery, PreviewBasketQueryVariables>;
export const PurchaseRequestsDocument = new TypedDocumentString(`
    query PurchaseRequests($filter: PurchaseRequestFilter, $first: Int, $after: String) {
  purchaseRequests(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...PurchaseRequestFields
      }
    }
  }
}
    fragment PurchaseRequestFields on PurchaseRequest {
  id
  requestNo
  orgId
  purchaserUserId
  purchaserName
  orderId
  orderNo
  orderStatus
  status
  terms
  justification
  totalAmount
  spendingLimit
  autoApproved
  splitSuspected
  poNumber
  poUrl
  decisionComment
  createdAt
  lines {
    variantId
    productTitle
    spec
    unit
    unitPrice
    quantity
    lineTotal
  }
}`) as unknown as TypedDocumentString<PurchaseRequestsQuery, PurchaseRequestsQueryVariables>;
export const SubmitPurchaseRequestDocument = new TypedDocumentString(`
    mutation SubmitPurchaseRequest($input: SubmitPurchaseRequestInput!) {
  submitPurchaseRequest(input: $input) {
    __typename
    ... on PurchaseRequest {
      ...PurchaseRequestFields
    }
    ...InsufficientStock
    ...ProductUnavailable
    ...CertificationInvalid
    ...InvalidOrderInput
  }
}
    fragment InsufficientStock on InsufficientStockError {
  code
  message
  variantId
  requested
  available
}
fragment ProductUnavailable on ProductUnavailableError {
  code
  message
  variantId
  reason
}
fragment CertificationInvalid on CertificationInvalidError {
  code
  message
  variantId
  productId
  certificationStatus
}
fragment InvalidOrderInput on InvalidOrderInputError {
  code
  message
  field
}
fragment PurchaseRequestFields on PurchaseRequest {
  id
  requestNo
  orgId
  purchaserUserId
  purchaserName
  orderId
  orderNo
  orderStatus
  status
  terms
  justification
  totalAmount
  spendingLimit
  autoApproved
  splitSuspected
  poNumber
  poUrl
  decisionComment
  createdAt
  lines {
    variantId
    productTitle
    spec
    unit
    unitPrice
    quantity
    lineTotal
  }
}`) as unknown as TypedDocumentString<SubmitPurchaseRequestMutation, SubmitPurchaseRequestMutationVariables>;
export const ApprovePurchaseRequestDocument = new TypedDocumentString(`
    mutation ApprovePurchaseRequest($id: ID!, $comment: String) {
  approvePurchaseRequest(id: $id, comment: $comment) {
    ...PurchaseRequestFields
  }
}
    fragment PurchaseRequestFields on PurchaseRequest {
  id
  requestNo
  orgId
  purchaserUserId
  purchaserName
  orderId
  orderNo
  orderStatus
  status
  terms
  justification
  totalAmount
  spendingLimit
  autoApproved
  splitSuspected
  poNumber
  poUrl
  decisionComment
  createdAt
  lines {
    variantId
    productTitle
    spec
    unit
    unitPrice
    quantity
    lineTotal
  }
}`) as unknown as TypedDocumentString<ApprovePurchaseRequestMutation, ApprovePurchaseRequestMutationVariables>;
export const RejectPurchaseRequestDocument = new TypedDocumentString(`
    mutation RejectPurchaseRequest($id: ID!, $reason: String!) {
  rejectPurchaseRequest(id: $id, reason: $reason) {
    ...PurchaseRequestFields
  }
}
    fragment PurchaseRequestFields on PurchaseRequest {
  id
  requestNo
  orgId
  purchaserUserId
  purchaserName
  orderId
  orderNo
  orderStatus
  status
  terms
  justification
  totalAmount
  spendingLimit
  autoApproved
  splitSuspected
  poNumber
  poUrl
  decisionComment
  createdAt
  lines {
    variantId
    productTitle
    spec
    unit
    unitPrice
    quantity
    lineTotal
  }
}`) as unknown as TypedDocumentString<RejectPurchaseRequestMutation, RejectPurchaseRequestMutationVariables>;
export const UnitMembersDocument = new TypedDocumentString(`
    query UnitMembers($orgId: ID!) {
  unitMembers(orgId: $orgId) {
    userId
    displayName
    phone
    roles
    spendingLimit
    approvalLimit
  }
}
    `) as unknown as TypedDocumentString<UnitMembersQuery, UnitMembersQueryVariables>;
export const SetSpendingLimitDocument = new TypedDocumentString(`
    mutation SetSpendingLimit($userId: ID!, $amount: Money!, $orgId: ID) {
  setSpendingLimit(userId: $userId, amount: $amount, orgId: $orgId) {
    userId
    kind
    amount
  }
}
    `) as unknown as TypedDocumentString<SetSpendingLimitMutation, SetSpendingLimitMutationVariables>;
export const SetApprovalLimitDocument = new TypedDocumentString(`
    mutation SetApprovalLimit($userId: ID!, $amount: Money!, $orgId: ID) {
  setApprovalLimit(userId: $userId, amount: $amount, orgId: $orgId) {
    userId
    kind
    amount
  }
}
    `) as unknown as TypedDocumentString<SetApprovalLimitMutation, SetApprovalLimitMutationVariables>;
export const ProcurementPolicyDocument = new TypedDocumentString(`
    query ProcurementPolicy($orgId: ID!) {
  procurementPolicy(orgId: $orgId) {
    orgId
    skipApprovalBelowLimit
    splitWindowMinutes
  }
}
    `) as unknown as TypedDocumentString<ProcurementPolicyQuery, ProcurementPolicyQueryVariables>;
export const SetProcurementPolicyDocument = new TypedDocumentString(`
    mutation SetProcurementPolicy($orgId: ID!, $input: ProcurementPolicyInput!) {
  setProcurementPolicy(orgId: $orgId, input: $input) {
    orgId
    skipApprovalBelowLimit
    splitWindowMinutes
  }
}
    `) as unknown as TypedDocumentString<SetProcurementPolicyMutation, SetProcurementPolicyMutationVariables>;
export const MyProduceOffersDocument = new TypedDocumentString(`
    query MyProduceOffers {
  myProduceOffers {
    ...ProduceOfferFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}
fragment ProduceOfferFields on ProduceOffer {
  id
  householdId
  villageCode
  cropName
  variety
  quantity
  committedQuantity
  availableQuantity
  unit
  availableFrom
  availableUntil
  askingPrice
  note
  imageUrls
  status
  assisted
  createdAt
  household {
    id
    headName
    village {
      name
    }
  }
  commitments {
    ...ProduceCommitmentFields
  }
}`) as unknown as TypedDocumentString<MyProduceOffersQuery, MyProduceOffersQueryVariables>;
export const ProduceOffersDocument = new TypedDocumentString(`
    query ProduceOffers($filter: ProduceOfferFilter, $first: Int, $after: String) {
  produceOffers(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ProduceOfferFields
      }
    }
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}
fragment ProduceOfferFields on ProduceOffer {
  id
  householdId
  villageCode
  cropName
  variety
  quantity
  committedQuantity
  availableQuantity
  unit
  availableFrom
  availableUntil
  askingPrice
  note
  imageUrls
  status
  assisted
  createdAt
  household {
    id
    headName
    village {
      name
    }
  }
  commitments {
    ...ProduceCommitmentFields
  }
}`) as unknown as TypedDocumentString<ProduceOffersQuery, ProduceOffersQueryVariables>;
export const CreateProduceOfferDocument = new TypedDocumentString(`
    mutation CreateProduceOffer($input: CreateProduceOfferInput!) {
  createProduceOffer(input: $input) {
    ...ProduceOfferFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}
fragment ProduceOfferFields on ProduceOffer {
  id
  householdId
  villageCode
  cropName
  variety
  quantity
  committedQuantity
  availableQuantity
  unit
  availableFrom
  availableUntil
  askingPrice
  note
  imageUrls
  status
  assisted
  createdAt
  household {
    id
    headName
    village {
      name
    }
  }
  commitments {
    ...ProduceCommitmentFields
  }
}`) as unknown as TypedDocumentString<CreateProduceOfferMutation, CreateProduceOfferMutationVariables>;
export const WithdrawProduceOfferDocument = new TypedDocumentString(`
    mutation WithdrawProduceOffer($id: ID!, $reason: String) {
  withdrawProduceOffer(id: $id, reason: $reason) {
    ...ProduceOfferFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}
fragment ProduceOfferFields on ProduceOffer {
  id
  householdId
  villageCode
  cropName
  variety
  quantity
  committedQuantity
  availableQuantity
  unit
  availableFrom
  availableUntil
  askingPrice
  note
  imageUrls
  status
  assisted
  createdAt
  household {
    id
    headName
    village {
      name
    }
  }
  commitments {
    ...ProduceCommitmentFields
  }
}`) as unknown as TypedDocumentString<WithdrawProduceOfferMutation, WithdrawProduceOfferMutationVariables>;
export const AcceptProduceCommitmentDocument = new TypedDocumentString(`
    mutation AcceptProduceCommitment($id: ID!) {
  acceptProduceCommitment(id: $id) {
    ...ProduceCommitmentFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}`) as unknown as TypedDocumentString<AcceptProduceCommitmentMutation, AcceptProduceCommitmentMutationVariables>;
export const DeclineProduceCommitmentDocument = new TypedDocumentString(`
    mutation DeclineProduceCommitment($id: ID!, $reason: String!) {
  declineProduceCommitment(id: $id, reason: $reason) {
    ...ProduceCommitmentFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}`) as unknown as TypedDocumentString<DeclineProduceCommitmentMutation, DeclineProduceCommitmentMutationVariables>;
export const ConfirmProduceReceiptDocument = new TypedDocumentString(`
    mutation ConfirmProduceReceipt($receiptId: ID!) {
  confirmProduceReceipt(receiptId: $receiptId) {
    ...ProduceReceiptFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}`) as unknown as TypedDocumentString<ConfirmProduceReceiptMutation, ConfirmProduceReceiptMutationVariables>;
export const CommitToProduceOfferDocument = new TypedDocumentString(`
    mutation CommitToProduceOffer($offerId: ID!, $quantity: Int!, $unitPrice: Money!, $pickupDate: String!, $note: String, $supplierId: ID) {
  commitToProduceOffer(
    offerId: $offerId
    quantity: $quantity
    unitPrice: $unitPrice
    pickupDate: $pickupDate
    note: $note
    supplierId: $supplierId
  ) {
    __typename
    ... on ProduceCommitment {
      ...ProduceCommitmentFields
    }
    ... on OfferQuantityExceededError {
      code
      requested
      available
    }
    ... on OfferNotOpenError {
      code
      offerStatus
    }
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}`) as unknown as TypedDocumentString<CommitToProduceOfferMutation, CommitToProduceOfferMutationVariables>;
export const ProduceCommitmentsDocument = new TypedDocumentString(`
    query ProduceCommitments($status: ProduceCommitmentStatus) {
  produceCommitments(status: $status) {
    ...ProduceCommitmentFields
    offer {
      id
      cropName
      unit
      villageCode
      assisted
      household {
        headName
        village {
          name
        }
      }
    }
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}
fragment ProduceCommitmentFields on ProduceCommitment {
  id
  offerId
  supplierId
  supplierName
  quantity
  unitPrice
  amount
  belowAskingPrice
  pickupDate
  note
  status
  declineReason
  receipt {
    ...ProduceReceiptFields
  }
}`) as unknown as TypedDocumentString<ProduceCommitmentsQuery, ProduceCommitmentsQueryVariables>;
export const RecordProduceReceiptDocument = new TypedDocumentString(`
    mutation RecordProduceReceipt($commitmentId: ID!, $quantity: Int!, $lotId: ID, $newLot: NewLotInput, $lotQuantity: Int, $householdConfirmation: String) {
  recordProduceReceipt(
    commitmentId: $commitmentId
    quantity: $quantity
    lotId: $lotId
    newLot: $newLot
    lotQuantity: $lotQuantity
    householdConfirmation: $householdConfirmation
  ) {
    __typename
    ... on ProduceReceipt {
      ...ProduceReceiptFields
    }
    ... on ReceiptExceedsCommitmentError {
      code
      committed
      received
    }
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}
fragment ProduceReceiptFields on ProduceReceipt {
  id
  commitmentId
  offerId
  supplierName
  lotNo
  quantity
  committedQuantity
  shortfall
  unitPrice
  amount
  householdConfirmedAt
  receivedAt
  payment {
    ...ProducePaymentFields
  }
}`) as unknown as TypedDocumentString<RecordProduceReceiptMutation, RecordProduceReceiptMutationVariables>;
export const RecordProducePaymentDocument = new TypedDocumentString(`
    mutation RecordProducePayment($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!, $paidOn: String) {
  recordProducePayment(
    receiptId: $receiptId
    method: $method
    reference: $reference
    paidOn: $paidOn
  ) {
    ...ProducePaymentFields
  }
}
    fragment ProducePaymentFields on ProducePayment {
  id
  amount
  status
  method
  reference
  paidOn
}`) as unknown as TypedDocumentString<RecordProducePaymentMutation, RecordProducePaymentMutationVariables>;
export const MyIncomeStatementDocument = new TypedDocumentString(`
    query MyIncomeStatement($month: String!) {
  myIncomeStatement(month: $month) {
    ...IncomeStatementFields
  }
}
    fragment IncomeStatementFields on IncomeStatement {
  month
  status
  purchasePaidTotal
  purchasePendingTotal
  attributedTotal
  purchases {
    receiptId
    supplierName
    cropName
    unit
    quantity
    committedQuantity
    unitPrice
    amount
    lotNo
    receivedAt
    paymentStatus
    paymentMethod
    paidOn
  }
  attributedIncome {
    productId
    productTitle
    amount
  }
  attributedOrders {
    orderId
    orderNo
    productTitle
    lotNo
    amount
  }
  confirmation {
    confirmedAt
  }
  disputes {
    id
    kind
    note
    status
    amount
    resolution
  }
}`) as unknown as TypedDocumentString<MyIncomeStatementQuery, MyIncomeStatementQueryVariables>;
export const ConfirmMonthlyIncomeDocument = new TypedDocumentString(`
    mutation ConfirmMonthlyIncome($month: String!) {
  confirmMonthlyIncome(month: $month) {
    ...IncomeStatementFields
  }
}
    fragment IncomeStatementFields on IncomeStatement {
  month
  status
  purchasePaidTotal
  purchasePendingTotal
  attributedTotal
  purchases {
    receiptId
    supplierName
    cropName
    unit
    quantity
    committedQuantity
    unitPrice
    amount
    lotNo
    receivedAt
    paymentStatus
    paymentMethod
    paidOn
  }
  attributedIncome {
    productId
    productTitle
    amount
  }
  attributedOrders {
    orderId
    orderNo
    productTitle
    lotNo
    amount
  }
  confirmation {
    confirmedAt
  }
  disputes {
    id
    kind
    note
    status
    amount
    resolution
  }
}`) as unknown as TypedDocumentString<ConfirmMonthlyIncomeMutation, ConfirmMonthlyIncomeMutationVariables>;
export const DisputeIncomeLineDocument = new TypedDocumentString(`
    mutation DisputeIncomeLine($input: DisputeIncomeLineInput!) {
  disputeIncomeLine(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<DisputeIncomeLineMutation, DisputeIncomeLineMutationVariables>;
export const CountyTransparencyDocument = new TypedDocumentString(`
    query CountyTransparency($countyCode: String!, $year: Int) {
  countyTransparency(countyCode: $countyCode, year: $year) {
    countyCode
    year
    purchasePaid
    purchasePending
    attributedIncome
    reachedHouseholds
    householdsDriven
    topProducts {
      productId
      productTitle
      householdIncome
    }
    topCrops {
      cropName
      unit
      quantity
      amount
    }
  }
  region(code: $countyCode) {
    code
    name
    path {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CountyTransparencyQuery, CountyTransparencyQueryVariables>;
export const MyHouseholdVillageDocument = new TypedDocumentString(`
    query MyHouseholdVillage {
  myHousehold {
    id
    villageCode
    village {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MyHouseholdVillageQuery, MyHouseholdVillageQueryVariables>;
export const RegisterCustomerDocument = new TypedDocumentString(`
    mutation RegisterCustomer($input: RegisterCustomerInput!) {
  registerCustomer(input: $input) {
    accepted
    message
  }
}
    `) as unknown as TypedDocumentString<RegisterCustomerMutation, RegisterCustomerMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($identifier: String!) {
  requestPasswordReset(identifier: $identifier) {
    accepted
    message
  }
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ApiInfoDocument = new TypedDocumentString(`
    query ApiInfo {
  apiInfo {
    demoData
  }
}
    `) as unknown as TypedDocumentString<ApiInfoQuery, ApiInfoQueryVariables>;
export const SalesStatsDocument = new TypedDocumentString(`
    query SalesStats($regionCode: String!, $from: String!, $to: String!, $groupBy: SalesGroupBy!, $side: StatsSide) {
  salesStats(
    regionCode: $regionCode
    from: $from
    to: $to
    groupBy: $groupBy
    side: $side
  ) {
    regionCode
    regionPath
    fromDay
    toDay
    groupBy
    side
    total {
      ...SalesFiguresFields
    }
    rows {
      key
      label
      figures {
        ...SalesFiguresFields
      }
    }
  }
}
    fragment SalesFiguresFields on SalesFigures {
  grossAmount
  refundAmount
  netAmount
  certifiedNetAmount
  uncertifiedNetAmount
  orderCount
  unitCount
  buyerCount
  householdsDriven
}`) as unknown as TypedDocumentString<SalesStatsQuery, SalesStatsQueryVariables>;
export const AssistanceIndicatorsDocument = new TypedDocumentString(`
    query AssistanceIndicators($regionCode: String!, $date: String!) {
  assistanceIndicators(regionCode: $regionCode, date: $date) {
    regionCode
    regionPath
    date
    hallCount
    zoneCount
    counterCount
    certifiedSupplierCount
    certifiedProductCount
    salesAmountYtd
    uncertifiedSalesAmountYtd
    householdsDriven
    exPovertyHouseholdsDriven
    monitoredHouseholdsDriven
    villageCollectiveIncome
    summary
  }
}
    `) as unknown as TypedDocumentString<AssistanceIndicatorsQuery, AssistanceIndicatorsQueryVariables>;
export const ChannelCertifiedShareDocument = new TypedDocumentString(`
    query ChannelCertifiedShare($regionCode: String!, $from: String!, $to: String!, $side: StatsSide) {
  channelCertifiedShare(
    regionCode: $regionCode
    from: $from
    to: $to
    side: $side
  ) {
    regionCode
    fromDay
    toDay
    side
    thresholdBps
    channels {
      channelId
      name
      kind
      netAmount
      certifiedNetAmount
      uncertifiedNetAmount
      certifiedShareBps
      warning
    }
  }
}
    `) as unknown as TypedDocumentString<ChannelCertifiedShareQuery, ChannelCertifiedShareQueryVariables>;
export const RegionCompletionDocument = new TypedDocumentString(`
    query RegionCompletion($regionCode: String!, $year: Int!) {
  regionCompletion(regionCode: $regionCode, year: $year) {
    rank
    orgId
    name
    regionCode
    reservedAmount
    countedAmount
    pendingAmount
    completionBasisPoints
    completionPercent
  }
}
    `) as unknown as TypedDocumentString<RegionCompletionQuery, RegionCompletionQueryVariables>;
export const CompletionRankingDocument = new TypedDocumentString(`
    query CompletionRanking($regionCode: String!, $year: Int!, $groupBy: SupervisionGroupBy!, $month: Int) {
  completionRanking(
    regionCode: $regionCode
    year: $year
    groupBy: $groupBy
    month: $month
  ) {
    regionCode
    regionPath
    year
    month
    groupBy
    snapshot {
      year
      month
      source
      publishedAt
    }
    rows {
      rank
      key
      label
      decreaseReason
      countedDifference
      completionDifferenceBasisPoints
      figures {
        ...SupervisionFiguresFields
      }
      live {
        countedAmount
        completionBasisPoints
      }
    }
    total {
      rank
      key
      label
      decreaseReason
      countedDifference
      completionDifferenceBasisPoints
      figures {
        ...SupervisionFiguresFields
      }
      live {
        countedAmount
        completionBasisPoints
      }
    }
  }
}
    fragment SupervisionFiguresFields on SupervisionFigures {
  unitsRegistered
  unitsFiled
  unitsActivated
  reservedAmount
  countedAmount
  pendingAmount
  completionBasisPoints
  previousReservedAmount
  reservedChangeAmount
  reservedChangeBasisPoints
}`) as unknown as TypedDocumentString<CompletionRankingQuery, CompletionRankingQueryVariables>;
export const PaymentClockDocument = new TypedDocumentString(`
    query PaymentClock($filter: PaymentClockFilter, $asOf: String) {
  paymentClock(filter: $filter, asOf: $asOf) {
    asOf
    outstandingAmount
    overdueAmount
    interestAmount
    overdueCount
    entries {
      orderId
      orderNo
      orgId
      unitName
      supplierId
      supplierName
      amount
      acceptedOn
      termDays
      dailyRatePpm
      dueOn
      paidOn
      status
      daysOverdue
      interestAmount
      outstandingAmount
    }
    overdueUnits {
      orgId
      name
      overdueCount
      overdueAmount
      interestAmount
      maxDaysOverdue
    }
  }
}
    `) as unknown as TypedDocumentString<PaymentClockQuery, PaymentClockQueryVariables>;
export const UnitFilingsDocument = new TypedDocumentString(`
    query UnitFilings($orgId: ID!) {
  reservedShareFilings(orgId: $orgId) {
    id
    year
    canteenMode
    ratioBps
    reservedAmount
    late
    version
    decreaseReason
  }
}
    `) as unknown as TypedDocumentString<UnitFilingsQuery, UnitFilingsQueryVariables>;
export const SupplierOrderCountsDocument = new TypedDocumentString(`
    query SupplierOrderCounts($supplierId: ID!) {
  supplierOrderCounts(supplierId: $supplierId) {
    toShip
    shipped
    delivered
    all
  }
}
    `) as unknown as TypedDocumentString<SupplierOrderCountsQuery, SupplierOrderCountsQueryVariables>;
export const EditableProductDocument = new TypedDocumentString(`
    query EditableProduct($id: ID!) {
  product(id: $id) {
    ...EditableProduct
  }
}
    fragment EditableProduct on Product {
  id
  title
  description
  status
  images {
    id
    url
    thumbnailUrl
    sort
    width
    height
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}`) as unknown as TypedDocumentString<EditableProductQuery, EditableProductQueryVariables>;
export const UpdateProductDocument = new TypedDocumentString(`
    mutation UpdateProduct($input: UpdateProductInput!) {
  updateProduct(input: $input) {
    ...EditableProduct
  }
}
    fragment EditableProduct on Product {
  id
  title
  description
  status
  images {
    id
    url
    thumbnailUrl
    sort
    width
    height
  }
  variants {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}`) as unknown as TypedDocumentString<UpdateProductMutation, UpdateProductMutationVariables>;
export const UpdateVariantDocument = new TypedDocumentString(`
    mutation UpdateVariant($input: UpdateVariantInput!) {
  updateVariant(input: $input) {
    id
    sku
    spec
    unit
    retailPrice
    agencyPrice
    marketReferencePrice
    stockOnHand
    stockAvailable
    active
  }
}
    `) as unknown as TypedDocumentString<UpdateVariantMutation, UpdateVariantMutationVariables>;
export const ReorderProductImagesDocument = new TypedDocumentString(`
    mutation ReorderProductImages($productId: ID!, $imageIds: [ID!]!) {
  reorderProductImages(productId: $productId, imageIds: $imageIds) {
    id
    url
    thumbnailUrl
    sort
    width
    height
  }
}
    `) as unknown as TypedDocumentString<ReorderProductImagesMutation, ReorderProductImagesMutationVariables>;
export const RemoveProductImageDocument = new TypedDocumentString(`
    mutation RemoveProductImage($imageId: ID!) {
  removeProductImage(imageId: $imageId)
}
    `) as unknown as TypedDocumentString<RemoveProductImageMutation, RemoveProductImageMutationVariables>;
export const CertificationDocumentsDocument = new TypedDocumentString(`
    query CertificationDocuments($id: ID!) {
  certification(id: $id) {
    id
    status
    documents {
      id
      fileName
      contentType
      sizeBytes
      url
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<CertificationDocumentsQuery, CertificationDocumentsQueryVariables>;