// The source language, as i18next namespaces: every other locale must define exactly these keys in the same
// namespace (i18n.spec.ts). A key lives in one namespace only, so pages can keep asking for it by its name alone.
// `{name}` placeholders are filled in by t().
import { accountsZhCN } from './accounts.zh-CN';
import { adminZhCN } from './admin.zh-CN';
import { aftersalesZhCN } from './aftersales.zh-CN';
import { agencyZhCN } from './agency.zh-CN';
import { buyersZhCN } from './buyers.zh-CN';
import { catalogZhCN } from './catalog.zh-CN';
import { commonZhCN } from './common.zh-CN';
import { errorsZhCN } from './errors.zh-CN';
import { findingsZhCN } from './findings.zh-CN';
import { ordersZhCN } from './orders.zh-CN';
import { oversightZhCN } from './oversight.zh-CN';
import { produceZhCN } from './produce.zh-CN';
import { statsZhCN } from './stats.zh-CN';
import { suppliersZhCN } from './suppliers.zh-CN';

export const zhCN = {
  common: commonZhCN,
  accounts: accountsZhCN,
  admin: adminZhCN,
  aftersales: aftersalesZhCN,
  agency: agencyZhCN,
  buyers: buyersZhCN,
  catalog: catalogZhCN,
  errors: errorsZhCN,
  findings: findingsZhCN,
  orders: ordersZhCN,
  oversight: oversightZhCN,
  produce: produceZhCN,
  stats: statsZhCN,
  suppliers: suppliersZhCN,
} as const;

export type Namespace = keyof typeof zhCN;
export type MessageKey = { [N in Namespace]: keyof (typeof zhCN)[N] }[Namespace];
/** One language's texts: the same namespaces and keys as zh-CN. */
export type Dictionary = { [N in Namespace]: Record<keyof (typeof zhCN)[N], string> };
