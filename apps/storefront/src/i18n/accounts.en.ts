import type { accountsZhCN } from './accounts.zh-CN';

export const accountsEn: Record<keyof typeof accountsZhCN, string> = {
  'accounts.placeholder': 'Bangfu',
};
