import { OrganizationKind, Role } from '@bangfu/core';

export const DEMO_PASSWORD = 'bangfu-demo';

/** Counties whose towns and villages the embedded default loads (all real 2023 codes). */
export const DEMO_COUNTIES = {
  // 铜仁 Tongren, Guizhou: Fanjingshan tea and cattle
  tongren: ['520621', '520622', '520623', '520624', '520625', '520626', '520627', '520628'],
  // 汉中 Hanzhong, Shaanxi: edible fungi, tea, honey
  hanzhong: ['610722', '610723', '610724', '610725', '610726', '610727', '610728', '610729', '610730'],
  // 清远 Qingyuan, Guangdong: Lianzhou choy sum, silk-seedling rice, golden plums
  qingyuan: ['441823', '441825', '441826', '441882'],
  // 重庆 Chongqing: konjac and radishes
  chongqing: ['500229', '500238', '500240', '500242', '500243'],
};

/**
 * Counties the demo flags as 脱贫县; Qingyuan's mountain counties are flagged as the province's own
 * assistance counties (Guangdong's programme), so Lianzhou produce can be listed.
 */
export const EX_POVERTY_COUNTIES = [
  ...DEMO_COUNTIES.tongren,
  ...DEMO_COUNTIES.hanzhong,
  ...DEMO_COUNTIES.qingyuan,
  ...DEMO_COUNTIES.chongqing,
];
export const KEY_ASSISTANCE_COUNTIES = ['520627', '500229', '500238', '500242', '500243'];

export interface DemoOrg {
  key: string;
  kind: OrganizationKind;
  name: string;
  creditCode17?: string;
  regionCode: string;
  parentKey?: string;
}

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'platform', kind: OrganizationKind.PLATFORM, name: '帮扶平台运营中心', regionCode: '440000000000' },
  {
    key: 'agency',
    kind: OrganizationKind.AGENCY,
    name: '广州市教育局',
    creditCode17: '11440100006950123',
    regionCode: '440100000000',
  },
  {
    key: 'agency-sub',
    kind: OrganizationKind.AGENCY,
    name: '广州市第六中学',
    creditCode17: '12440100455350012',
    regionCode: '440100000000',
    parentKey: 'agency',
  },
  {
    key: 'supplier',
    kind: OrganizationKind.SUPPLIER,
    name: '江口县梵净山茶叶专业合作社',
    creditCode17: '93520621MA6DKT8Y1',
    regionCode: '520621000000',
  },
  {
    key: 'coordination',
    kind: OrganizationKind.COORDINATION_OFFICE,
    name: '铜仁市消费帮扶协调办公室',
    creditCode17: '11520600MB1702456',
    regionCode: '520600000000',
  },
];

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  orgKey: string | null;
  regionPrefix?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.bangfu', displayName: '平台管理员', role: Role.PLATFORM_ADMIN, orgKey: 'platform' },
  { email: 'agency-admin@demo.bangfu', displayName: '陈主任（单位管理员）', role: Role.AGENCY_ADMIN, orgKey: 'agency' },
  { email: 'purchaser@demo.bangfu', displayName: '李采购（采购人）', role: Role.PURCHASER, orgKey: 'agency' },
  { email: 'approver@demo.bangfu', displayName: '王科长（审批人）', role: Role.APPROVER, orgKey: 'agency' },
  { email: 'supplier@demo.bangfu', displayName: '杨社长（合作社）', role: Role.SUPPLIER_ADMIN, orgKey: 'supplier' },
  { email: 'farmer@demo.bangfu', displayName: '田大姐（农户）', role: Role.FARMER, orgKey: 'supplier' },
  {
    email: 'coordinator@demo.bangfu',
    displayName: '吴协调员',
    role: Role.COORDINATOR,
    orgKey: 'coordination',
    regionPrefix: '5206',
  },
  {
    email: 'auditor@demo.bangfu',
    displayName: '周审计员',
    role: Role.AUDITOR,
    orgKey: 'coordination',
    regionPrefix: '5206',
  },
  { email: 'customer@demo.bangfu', displayName: '张顾客', role: Role.CUSTOMER, orgKey: null },
];
