/**
 * What happened on the demo platform before you opened it: procurement set-up, four purchase
 * requests of 广州市教育局 at different stages, one retail order, and the attribution rules in force
 * when they were placed. Amounts are integer fen; keys point into demo-data.ts / demo-catalog.ts.
 */

/** Order lines written as SKU → quantity, in the order given. */
export const skuLines = (quantities: Record<string, number>) =>
  Object.entries(quantities).map(([sku, quantity]) => ({ sku, quantity }));

/** Per-jurisdiction minimum reserved share: Guizhou is stricter than the national 10% (Guangzhou keeps the default). */
export const DEMO_JURISDICTION_MINIMUMS = [{ regionPrefix: '52', ratioBps: 3000 }];

/** 预留份额申报 for the current year, filed by agency-admin@demo.bangfu. */
export const DEMO_FILINGS = [
  { orgKey: 'agency', canteenBudget: 120_000_000, ratioBps: 1000, note: '机关食堂年度食材采购预算 120 万元' },
  {
    orgKey: 'agency-sub',
    canteenBudget: 60_000_000,
    ratioBps: 1200,
    note: '学生食堂年度食材采购预算 60 万元，自愿提高至 12%',
  },
];

export const DEMO_LIMITS = {
  /** purchaser@demo.bangfu: requests up to ¥5,000 skip approval (unit policy on). */
  purchaserSpending: 500_000,
  /** approver@demo.bangfu approves requests up to ¥50,000. */
  approverApproval: 5_000_000,
};

/** Attribution rules, set by each supplier's own staff before any order is placed. */
export type DemoRule =
  | { supplierKey: string; productTitle?: string; kind: 'CONTRACT_PURCHASE'; perUnitPayout: number; note: string }
  | {
      supplierKey: string;
      productTitle?: string;
      kind: 'REVENUE_SHARE';
      householdsBasisPoints: number;
      villageCollectiveBasisPoints: number;
      cooperativeBasisPoints: number;
      villageCode: string;
      note: string;
    };

/** A fixed payout per unit sold to the households that supplied it. */
const contractPurchase = (
  supplierKey: string,
  productTitle: string,
  perUnitPayout: number,
  note: string,
): DemoRule => ({ supplierKey, productTitle, kind: 'CONTRACT_PURCHASE', perUnitPayout, note });

/** Both revenue-share rules split households 55%, village collective 30%, cooperative 15%. */
const SHARE_55_30_15 = {
  householdsBasisPoints: 5500,
  villageCollectiveBasisPoints: 3000,
  cooperativeBasisPoints: 1500,
};

export const DEMO_RULES: DemoRule[] = [
  contractPurchase('fanjingshan-tea', '贵州梵净山绿茶礼盒', 4000, '鲜叶保底收购：每盒 40 元付给供叶农户'),
  {
    supplierKey: 'fanjingshan-tea',
    kind: 'REVENUE_SHARE',
    ...SHARE_55_30_15,
    villageCode: '520621102205',
    note: '合作社其他茶品：农户 55%、云舍村集体 30%、合作社 15%',
  },
  contractPurchase('tongren-cattle', '梵净山黄牛肉', 3000, '代养费：每公斤 30 元'),
  {
    supplierKey: 'hanzhong-fungi',
    productTitle: '汉中食用菌礼包',
    kind: 'REVENUE_SHARE',
    ...SHARE_55_30_15,
    villageCode: '610724101202',
    note: '礼包销售额：农户 55%、村集体 30%、合作社 15%',
  },
  contractPurchase('hanzhong-honey', '秦岭土蜂蜜', 2500, '蜂农托管收购：每瓶 25 元'),
  contractPurchase('lianzhou', '连州丝苗米', 3000, '订单种植保底收购：每袋 30 元'),
  contractPurchase('lianzhou', '连州菜心', 1500, '订单种植保底收购：每箱 15 元'),
  contractPurchase('chongqing', '城口魔芋', 800, '魔芋订单收购：每袋 8 元'),
  contractPurchase('chongqing', '城口高山白萝卜', 600, '萝卜订单收购：每箱 6 元'),
];

/** How far a request gets: waiting for an approver, part-shipped, or accepted (验收) and counted. */
export type DemoRequestStage = 'PENDING_APPROVAL' | 'PART_SHIPPED' | 'ACCEPTED';

export interface DemoRequest {
  key: string;
  justification: string;
  terms: 'PREPAY' | 'ON_DELIVERY';
  lines: Array<{ sku: string; quantity: number }>;
  stage: DemoRequestStage;
  /** PART_SHIPPED: the suppliers that have shipped so far. */
  shippedBy?: string[];
  invoiceNo?: string;
}

/**
 * purchaser@demo.bangfu's requests for 广州市教育局, in order, all in the online hall (certified
 * products only). Counted: A (¥21,360) + B (¥25,620) = ¥46,980 of ¥120,000 reserved (39.15%);
 * C (¥3,940, auto-approved within the limit, part-shipped) is pending; D (¥6,420) waits for
 * approver@demo.bangfu.
 */
export const DEMO_REQUESTS: DemoRequest[] = [
  {
    key: 'demo-pr-a-tea',
    justification: '机关食堂及接待用茶（第四季度）',
    terms: 'PREPAY',
    lines: skuLines({ 'FJS-GT-250': 100, 'FJS-GT-500': 20 }),
    stage: 'ACCEPTED',
    invoiceNo: '44001926110001',
  },
  {
    key: 'demo-pr-b-canteen',
    justification: '机关食堂十一月食材：菌菇、牛肉、大米、魔芋',
    terms: 'ON_DELIVERY',
    lines: skuLines({ 'HZ-FUNGI-GIFT': 60, 'TR-BEEF-1KG': 50, 'LZ-RICE-10KG': 80, 'CK-KONJAC-1KG': 100 }),
    stage: 'ACCEPTED',
    invoiceNo: '44001926110002',
  },
  {
    key: 'demo-pr-c-small',
    justification: '接待用茶及蜂蜜补充（限额内，按单位政策免审批）',
    terms: 'ON_DELIVERY',
    lines: skuLines({ 'FJS-GT-250': 20, 'QL-HONEY-500': 10 }),
    stage: 'PART_SHIPPED',
    shippedBy: ['hanzhong-honey'],
  },
  {
    key: 'demo-pr-d-december',
    justification: '机关食堂十二月食材：牛肉、白萝卜',
    terms: 'PREPAY',
    lines: skuLines({ 'TR-BEEF-1KG': 40, 'CK-RADISH-5KG': 50 }),
    stage: 'PENDING_APPROVAL',
  },
];

/** customer@demo.bangfu's order in the online hall (帮扶网上专馆), paid with WeChat Pay and delivered. */
export const DEMO_RETAIL_ORDER = {
  key: 'demo-retail-1',
  channelKey: 'hall-online',
  lines: skuLines({ 'FJS-GT-250': 2, 'HZ-FUNGI-GIFT': 1 }),
};

/** Carriers by supplier key; tracking numbers are the carrier's prefix and the order number's digits. */
export const DEMO_CARRIERS: Record<string, { name: string; prefix: string }> = {
  'fanjingshan-tea': { name: '顺丰速运', prefix: 'SF' },
  'tongren-cattle': { name: '顺丰冷运', prefix: 'SF' },
  'hanzhong-fungi': { name: '中国邮政 EMS', prefix: 'EMS' },
  'hanzhong-honey': { name: '中国邮政 EMS', prefix: 'EMS' },
  lianzhou: { name: '京东物流', prefix: 'JDV' },
  chongqing: { name: '德邦快递', prefix: 'DPK' },
};

/** How a supplier order of the demo ships: its supplier's carrier, tracking number = prefix + the order number's digits + the supplier order's place. */
export function demoShipment(supplierKey: string, orderNo: string, i: number): { carrier: string; trackingNo: string } {
  const carrier = DEMO_CARRIERS[supplierKey];
  return { carrier: carrier.name, trackingNo: `${carrier.prefix}${orderNo.replace(/\D/g, '')}${i + 1}` };
}
