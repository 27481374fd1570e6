// The source dictionary: every other locale must define exactly these keys (checked by i18n.spec.ts).
// `{name}` placeholders are filled in by t().
export const zhCN = {
  'app.name': '帮扶',
  'app.tagline': '消费帮扶平台',
  'nav.home': '首页',
  'nav.login': '登录',
  'nav.logout': '退出登录',
  'nav.language': '语言',
  'nav.main': '主导航',
  'footer.text': '帮扶 Bangfu · 让每一笔消费都能追溯到受益农户',

  'home.hero.kicker': '消费帮扶 · 专馆 专区 专柜',
  'home.hero.title': '买一份好物，帮一户农家',
  'home.hero.body':
    '帮扶连接预算单位、市民与脱贫地区的合作社和农户：单位采购计入预留份额，每一分收入都追溯到农户和村集体。',
  'home.hero.login': '登录采购',
  'home.hero.browse': '浏览帮扶地区',
  'home.welcome': '欢迎回来，{name}',
  'home.signedOutHint': '登录后可以采购、审批，并查看帮扶成效。',
  'home.roles': '角色',
  'home.loadingUser': '正在确认登录状态…',

  'regions.title': '帮扶地区',
  'regions.subtitle': '按行政区划浏览，标出脱贫县和乡村振兴重点帮扶县。',
  'regions.root': '全国',
  'regions.loading': '加载中…',
  'regions.empty': '没有下级区划数据',
  'regions.retry': '重试',
  'regions.open': '查看 {name} 的下级区划',
  'region.flag.exPoverty': '脱贫县',
  'region.flag.keyAssistance': '重点帮扶县',
  'region.level.1': '省级',
  'region.level.2': '地级',
  'region.level.3': '县级',
  'region.level.4': '乡级',
  'region.level.5': '村级',

  'login.title': '登录帮扶',
  'login.lead': '预算单位、供应商、协作办与个人顾客统一入口。',
  'login.identifier': '邮箱或手机号',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.demoHint': '演示账号（如 purchaser@demo.bangfu）的密码均为 bangfu-demo。',

  'error.INVALID_CREDENTIALS': '账号或密码不正确',
  'error.RATE_LIMITED': '登录失败次数过多，请 {retryAfterSeconds} 秒后再试',
  'error.BAD_USER_INPUT': '请检查填写的内容',
  'error.UNAUTHENTICATED': '请先登录',
  'error.TOKEN_EXPIRED': '登录已过期，请重新登录',
  'error.TOKEN_INVALID': '登录状态无效，请重新登录',
  'error.FORBIDDEN': '没有权限执行此操作',
  'error.NETWORK': '无法连接服务器，请检查网络后重试',
  'error.UNKNOWN': '出错了，请稍后再试',

  'role.PURCHASER': '采购人',
  'role.APPROVER': '审批人',
  'role.AGENCY_ADMIN': '单位管理员',
  'role.SUPPLIER_ADMIN': '供应商管理员',
  'role.SUPPLIER_STAFF': '供应商员工',
  'role.FARMER': '农户',
  'role.COORDINATOR': '协调员',
  'role.AUDITOR': '审计员',
  'role.PLATFORM_ADMIN': '平台管理员',
  'role.CUSTOMER': '顾客',

  'orgKind.AGENCY': '预算单位',
  'orgKind.SUPPLIER': '供应商',
  'orgKind.COORDINATION_OFFICE': '协作办',
  'orgKind.PLATFORM': '平台',

  'notFound.title': '页面不存在',
  'notFound.back': '返回首页',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Record<MessageKey, string>;
