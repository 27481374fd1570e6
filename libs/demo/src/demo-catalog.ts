/**
 * The demo catalogue tells the story of real consumption-assistance programmes (all division codes
 * are real 2023 statistical codes): Tongren's Fanjingshan tea and cattle, Hanzhong's edible fungi,
 * tea and honey, Qingyuan's Lianzhou choy sum, silk-seedling rice and golden plums, and Chongqing's
 * konjac and radishes. Prices are integer fen.
 */
import type { VariantInput } from '@bangfu/catalog';

export type HouseholdStatus = 'ORDINARY' | 'EX_POVERTY' | 'MONITORED';
export type SupplierKind = 'ENTERPRISE' | 'COOPERATIVE' | 'FAMILY_FARM' | 'TRADING_AGENT';

export interface DemoSupplier {
  key: string;
  /** 'supplier' is the demo SUPPLIER_ADMIN's organisation from demo-data.ts. */
  orgKey?: string;
  name: string;
  kind: SupplierKind;
  creditCode17?: string;
  countyCode: string;
  linkageMechanism: string;
  households: Array<{
    key: string;
    headName: string;
    villageCode: string;
    size: number;
    status: HouseholdStatus;
    linkage: 'PURCHASE_CONTRACT' | 'WAGE' | 'DIVIDEND' | 'LAND_RENT';
  }>;
  villageCollective?: { villageCode: string; type: 'DIVIDEND' | 'LAND_RENT'; shareBasisPoints: number; terms: string };
  /** The supplier's own SUPPLIER_ADMIN account (suppliers without orgKey), who ships its orders in the demo activity. */
  staff?: { email: string; displayName: string };
}

/** A variant as the catalogue takes it (its stock comes from the lots), with its harvest lots. */
export interface DemoVariant extends Omit<VariantInput, 'stockOnHand'> {
  /** Harvest lots: lot number, harvest date, quantities per household key. Lot totals are the stock. */
  lots: Array<{ lotNo: string; harvestedOn: string; contributions: Record<string, number> }>;
  /** Stock not traceable to a lot (bought in before the platform), kept small on purpose. */
  extraStock?: number;
}

export type DemoCertification =
  | { state: 'CERTIFIED'; certificateNo: string; validFrom: string; validTo: string; batch: string }
  | { state: 'EXPIRED'; certificateNo: string; validFrom: string; validTo: string; batch: string }
  | { state: 'PENDING' }
  | { state: 'NONE' };

export interface DemoProduct {
  supplierKey: string;
  title: string;
  description: string;
  categoryCode: string;
  originCode: string;
  certification: DemoCertification;
  variants: DemoVariant[];
  channels: string[];
}

export const DEMO_CATEGORIES = [
  { code: 'tea', name: '茶叶', nameEn: 'Tea' },
  { code: 'meat', name: '肉禽蛋', nameEn: 'Meat, poultry & eggs' },
  { code: 'fungi', name: '食用菌', nameEn: 'Edible fungi' },
  { code: 'honey', name: '蜂蜜', nameEn: 'Honey' },
  { code: 'vegetables', name: '蔬菜', nameEn: 'Vegetables' },
  { code: 'grain', name: '粮油', nameEn: 'Grain & oil' },
  { code: 'fruit', name: '水果', nameEn: 'Fruit' },
];

export const DEMO_SUPPLIERS: DemoSupplier[] = [
  {
    key: 'fanjingshan-tea',
    orgKey: 'supplier',
    name: '江口县梵净山茶叶专业合作社',
    kind: 'COOPERATIVE',
    countyCode: '520621000000',
    linkageMechanism: '订单收购：社员鲜叶按保底价收购；村集体以茶园入股分红（15%）',
    households: [
      {
        key: 'tian',
        headName: '田秀英',
        villageCode: '520621102205',
        size: 4,
        status: 'EX_POVERTY',
        linkage: 'PURCHASE_CONTRACT',
      },
      {
        key: 'yang',
        headName: '杨光明',
        villageCode: '520621102205',
        size: 5,
        status: 'MONITORED',
        linkage: 'PURCHASE_CONTRACT',
      },
      {
        key: 'wu',
        headName: '吴德贵',
        villageCode: '520621102204',
        size: 3,
        status: 'ORDINARY',
        linkage: 'PURCHASE_CONTRACT',
      },
      { key: 'long', headName: '龙桂花', villageCode: '520621101222', size: 6, status: 'EX_POVERTY', linkage: 'WAGE' },
    ],
    villageCollective: {
      villageCode: '520621102205',
      type: 'DIVIDEND',
      shareBasisPoints: 1500,
      terms: '村集体以茶园入股，按销售额分红',
    },
  },
  {
    key: 'tongren-cattle',
    staff: { email: 'cattle@demo.bangfu', displayName: '何场长（黄牛养殖家庭农场）' },
    name: '沿河土家族自治县黄牛养殖家庭农场',
    kind: 'FAMILY_FARM',
    creditCode17: '92520627MA7GHN2K0',
    countyCode: '520627000000',
    linkageMechanism: '带动周边农户代养黄牛，按出栏头数支付代养费',
    households: [
      {
        key: 'he',
        headName: '何家旺',
        villageCode: '520627101201',
        size: 5,
        status: 'EX_POVERTY',
        linkage: 'PURCHASE_CONTRACT',
      },
      { key: 'ran', headName: '冉小芳', villageCode: '520627101202', size: 3, status: 'MONITORED', linkage: 'WAGE' },
    ],
  },
  {
    key: 'hanzhong-fungi',
    staff: { email: 'fungi@demo.bangfu', displayName: '李社长（食用菌合作社）' },
    name: '西乡县秦巴山珍食用菌专业合作社',
    kind: 'COOPERATIVE',
    creditCode17: '93610724MA6YQB3C1',
    countyCode: '610724000000',
    linkageMechanism: '菌棒免费发放、鲜菇保底收购；茶园土地流转租金',
    households: [
      {
        key: 'li',
        headName: '李春生',
        villageCode: '610724101202',
        size: 4,
        status: 'EX_POVERTY',
        linkage: 'PURCHASE_CONTRACT',
      },
      {
        key: 'zhang',
        headName: '张玉兰',
        villageCode: '610724102202',
        size: 2,
        status: 'EX_POVERTY',
        linkage: 'LAND_RENT',
      },
      {
        key: 'chen',
        headName: '陈有福',
        villageCode: '610724102203',
        size: 5,
        status: 'ORDINARY',
        linkage: 'PURCHASE_CONTRACT',
      },
    ],
    villageCollective: {
      villageCode: '610724101202',
      type: 'LAND_RENT',
      shareBasisPoints: 3000,
      terms: '村集体以林地、晾晒场入股，按礼包销售额分成',
    },
  },
  {
    key: 'hanzhong-honey',
    staff: { email: 'honey@demo.bangfu', displayName: '赵场主（土蜂蜜家庭农场）' },
    name: '留坝县秦岭土蜂蜜家庭农场',
    kind: 'FAMILY_FARM',
    creditCode17: '92610729MA6X7R1D5',
    countyCode: '610729000000',
    linkageMechanism: '蜂农托管蜂箱，按产蜜量收购',
    households: [
      {
        key: 'zhao',
        headName: '赵守山',
        villageCode: '610729101203',
        size: 3,
        status: 'MONITORED',
        linkage: 'PURCHASE_CONTRACT',
      },
    ],
  },
  {
    key: 'lianzhou',
    staff: { email: 'lianzhou@demo.bangfu', displayName: '黄社长（菜心合作社）' },
    name: '连州市星子镇菜心种植专业合作社',
    kind: 'COOPERATIVE',
    creditCode17: '93441882MA55LW8F2',
    countyCode: '441882000000',
    linkageMechanism: '菜心、丝苗米、三华李订单种植，保底收购',
    households: [
      {
        key: 'huang',
        headName: '黄志强',
        villageCode: '441882101202',
        size: 4,
        status: 'EX_POVERTY',
        linkage: 'PURCHASE_CONTRACT',
      },
      {
        key: 'mo',
        headName: '莫金凤',
        villageCode: '441882102202',
        size: 3,
        status: 'ORDINARY',
        linkage: 'PURCHASE_CONTRACT',
      },
    ],
  },
  {
    key: 'chongqing',
    staff: { email: 'chongqing@demo.bangfu', displayName: '向经理（大巴山农产品）' },
    name: '城口县大巴山农产品有限公司',
    kind: 'ENTERPRISE',
    creditCode17: '91500229MA5U8KX30',
    countyCode: '500229000000',
    linkageMechanism: '魔芋、萝卜订单收购，贫困户务工优先',
    households: [
      {
        key: 'xiang',
        headName: '向朝军',
        villageCode: '500229102204',
        size: 5,
        status: 'EX_POVERTY',
        linkage: 'PURCHASE_CONTRACT',
      },
      { key: 'tan', headName: '谭春梅', villageCode: '500229103201', size: 4, status: 'MONITORED', linkage: 'WAGE' },
    ],
  },
];

const lot = (lotNo: string, harvestedOn: string, contributions: Record<string, number>) => ({
  lotNo,
  harvestedOn,
  contributions,
});

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    supplierKey: 'fanjingshan-tea',
    title: '贵州梵净山绿茶礼盒',
    description: '梵净山海拔800米以上生态茶园明前采摘，单芽炒制，汤色嫩绿。',
    categoryCode: 'tea',
    originCode: '520621102205',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'GZ-TR-2026-0001',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      batch: '2026年第一批',
    },
    variants: [
      {
        sku: 'FJS-GT-250',
        spec: '250克礼盒',
        unit: '盒',
        retailPrice: 16800,
        agencyPrice: 15800,
        marketReferencePrice: 19800,
        lots: [lot('FJS2026-03A', '2026-03-18', { tian: 120, yang: 80, wu: 60 })],
      },
      {
        sku: 'FJS-GT-500',
        spec: '500克罐装',
        unit: '罐',
        retailPrice: 29800,
        agencyPrice: 27800,
        marketReferencePrice: 35800,
        lots: [lot('FJS2026-04B', '2026-04-02', { tian: 40, yang: 30 })],
        extraStock: 10,
      },
    ],
    channels: ['hall-online', 'zone-guangzhou', 'counter-tianhe'],
  },
  {
    supplierKey: 'fanjingshan-tea',
    title: '梵净山翠峰茶',
    description: '江口县太平镇云舍村高山茶园，扁平挺直，栗香持久。',
    categoryCode: 'tea',
    originCode: '520621102205',
    certification: {
      state: 'EXPIRED',
      certificateNo: 'GZ-TR-2024-0117',
      validFrom: '2024-06-01',
      validTo: '2025-12-31',
      batch: '2024年第三批',
    },
    variants: [
      {
        sku: 'FJS-CF-100',
        spec: '100克袋装',
        unit: '袋',
        retailPrice: 6800,
        agencyPrice: 6200,
        marketReferencePrice: 7800,
        lots: [lot('CF2025-09', '2025-09-10', { wu: 50, long: 50 })],
      },
    ],
    channels: ['hall-online'],
  },
  {
    supplierKey: 'tongren-cattle',
    title: '梵净山黄牛肉',
    description: '沿河山区散养黄牛，谷饲18个月，冷链直达。',
    categoryCode: 'meat',
    originCode: '520627101201',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'GZ-TR-2026-0042',
      validFrom: '2026-02-01',
      validTo: '2027-01-31',
      batch: '2026年第一批',
    },
    variants: [
      {
        sku: 'TR-BEEF-1KG',
        spec: '1公斤装',
        unit: 'kg',
        retailPrice: 13800,
        agencyPrice: 12800,
        marketReferencePrice: 15800,
        lots: [lot('BEEF-2610', '2026-10-20', { he: 150, ran: 50 })],
      },
    ],
    channels: ['hall-online', 'zone-guangzhou'],
  },
  {
    supplierKey: 'hanzhong-fungi',
    title: '汉中食用菌礼包',
    description: '秦巴山区香菇、木耳、猴头菇组合，段木栽培，自然晾晒。',
    categoryCode: 'fungi',
    originCode: '610724101202',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'SX-HZ-2026-0315',
      validFrom: '2026-03-01',
      validTo: '2027-02-28',
      batch: '2026年第二批',
    },
    variants: [
      {
        sku: 'HZ-FUNGI-GIFT',
        spec: '山珍组合1.2公斤',
        unit: '箱',
        retailPrice: 12800,
        agencyPrice: 11800,
        marketReferencePrice: 14800,
        lots: [lot('FG-2609', '2026-09-12', { li: 100, chen: 80 })],
      },
    ],
    channels: ['hall-online', 'zone-guangzhou'],
  },
  {
    supplierKey: 'hanzhong-fungi',
    title: '汉中仙毫绿茶',
    description: '西乡县茶园明前嫩芽，汉中仙毫地理标志产品。',
    categoryCode: 'tea',
    originCode: '610724102202',
    certification: { state: 'PENDING' },
    variants: [
      {
        sku: 'HZ-XH-200',
        spec: '200克罐装',
        unit: '罐',
        retailPrice: 9800,
        agencyPrice: 9000,
        marketReferencePrice: 11800,
        lots: [lot('XH2026-03', '2026-03-25', { zhang: 60, chen: 40 })],
      },
    ],
    channels: ['hall-online'],
  },
  {
    supplierKey: 'hanzhong-honey',
    title: '秦岭土蜂蜜',
    description: '留坝县马道镇百花土蜂蜜，一年一取，自然成熟。',
    categoryCode: 'honey',
    originCode: '610729101203',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'SX-HZ-2026-0402',
      validFrom: '2026-04-01',
      validTo: '2027-03-31',
      batch: '2026年第二批',
    },
    variants: [
      {
        sku: 'QL-HONEY-500',
        spec: '500克瓶装',
        unit: '瓶',
        retailPrice: 8800,
        agencyPrice: 7800,
        marketReferencePrice: 9800,
        lots: [lot('HN-2608', '2026-08-15', { zhao: 120 })],
      },
    ],
    channels: ['hall-online', 'counter-tianhe'],
  },
  {
    supplierKey: 'lianzhou',
    title: '连州菜心',
    description: '星子镇冬季菜心，清甜爽脆，冷链当日直达珠三角。',
    categoryCode: 'vegetables',
    originCode: '441882101202',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'GD-QY-2026-0210',
      validFrom: '2026-01-15',
      validTo: '2027-01-14',
      batch: '2026年第一批',
    },
    variants: [
      {
        sku: 'LZ-CX-5KG',
        spec: '5公斤装',
        unit: '箱',
        retailPrice: 6900,
        agencyPrice: 6200,
        marketReferencePrice: 7900,
        lots: [lot('CX-2611', '2026-11-15', { huang: 80, mo: 70 })],
      },
    ],
    channels: ['hall-online', 'zone-guangzhou'],
  },
  {
    supplierKey: 'lianzhou',
    title: '连州丝苗米',
    description: '大路边镇山坑水灌溉，米粒细长，油润清香。',
    categoryCode: 'grain',
    originCode: '441882102202',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'GD-QY-2026-0211',
      validFrom: '2026-01-15',
      validTo: '2027-01-14',
      batch: '2026年第一批',
    },
    variants: [
      {
        sku: 'LZ-RICE-10KG',
        spec: '10公斤袋装',
        unit: '袋',
        retailPrice: 11800,
        agencyPrice: 10800,
        marketReferencePrice: 12800,
        lots: [lot('RICE-2610', '2026-10-08', { huang: 100, mo: 100 })],
      },
    ],
    channels: ['hall-online', 'zone-guangzhou', 'counter-tianhe'],
  },
  {
    supplierKey: 'lianzhou',
    title: '连州三华李',
    description: '星子镇三华李，果肉鲜红，酸甜可口（季节性供应）。',
    categoryCode: 'fruit',
    originCode: '441882101202',
    certification: { state: 'NONE' },
    variants: [
      {
        sku: 'LZ-PLUM-2.5KG',
        spec: '2.5公斤装',
        unit: '箱',
        retailPrice: 5900,
        agencyPrice: 5400,
        marketReferencePrice: 6900,
        lots: [lot('PLUM-2606', '2026-06-20', { mo: 40 })],
      },
    ],
    channels: ['hall-online'],
  },
  {
    supplierKey: 'chongqing',
    title: '城口魔芋',
    description: '大巴山高山魔芋精粉制作，低脂高纤。',
    categoryCode: 'vegetables',
    originCode: '500229102204',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'CQ-CK-2026-0088',
      validFrom: '2026-05-01',
      validTo: '2027-04-30',
      batch: '2026年第三批',
    },
    variants: [
      {
        sku: 'CK-KONJAC-1KG',
        spec: '1公斤装',
        unit: '袋',
        retailPrice: 3900,
        agencyPrice: 3500,
        marketReferencePrice: 4500,
        lots: [lot('KJ-2610', '2026-10-01', { xiang: 150, tan: 50 })],
      },
    ],
    channels: ['hall-online', 'zone-guangzhou'],
  },
  {
    supplierKey: 'chongqing',
    title: '城口高山白萝卜',
    description: '坪坝镇海拔1200米高山萝卜，皮薄汁多。',
    categoryCode: 'vegetables',
    originCode: '500229103201',
    certification: {
      state: 'CERTIFIED',
      certificateNo: 'CQ-CK-2026-0089',
      validFrom: '2026-05-01',
      validTo: '2027-04-30',
      batch: '2026年第三批',
    },
    variants: [
      {
        sku: 'CK-RADISH-5KG',
        spec: '5公斤装',
        unit: '箱',
        retailPrice: 2900,
        agencyPrice: 2600,
        marketReferencePrice: 3500,
        lots: [lot('RD-2611', '2026-11-05', { xiang: 60, tan: 60 })],
      },
    ],
    channels: ['hall-online'],
  },
];

export interface DemoChannel {
  key: string;
  kind: 'HALL' | 'ZONE' | 'COUNTER';
  name: string;
  online: boolean;
  regionCode: string | null;
  address: string;
}

export const DEMO_CHANNELS: DemoChannel[] = [
  { key: 'hall-online', kind: 'HALL', name: '帮扶网上专馆', online: true, regionCode: null, address: '' },
  {
    key: 'hall-tongren',
    kind: 'HALL',
    name: '铜仁消费帮扶实体专馆',
    online: false,
    regionCode: '520600000000',
    address: '贵州省铜仁市碧江区',
  },
  {
    key: 'zone-guangzhou',
    kind: 'ZONE',
    name: '广州东西部协作产品专区（天河）',
    online: false,
    regionCode: '440100000000',
    address: '广州市天河区体育西路',
  },
  {
    key: 'counter-tianhe',
    kind: 'COUNTER',
    name: '广州市教育局食堂智能专柜',
    online: false,
    regionCode: '440100000000',
    address: '广州市教育局机关食堂一楼',
  },
];
