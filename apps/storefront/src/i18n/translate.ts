// Pure translation helpers (no React), so they can be unit-tested in Node.
import { en } from './en';
import { type Dictionary, type MessageKey, zhCN } from './zh-CN';

export type { MessageKey } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Each language names itself, so a reader can find theirs whatever is shown now. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => format(dict[key] ?? zhCN[key] ?? key, params);
}

/** The translation of a key built from server data (a status, a kind), or the fallback when we have none. */
export function translateOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** A notification's title in the reader's language: by kind, with the order number from its JSON data; the server's (zh-CN) title when we lack either. */
export function noticeTitle(t: Translate, n: { kind: string; title: string; data?: string | null }): string {
  const key = `notice.${n.kind}`;
  if (!isMessageKey(key)) return n.title;
  let orderNo: unknown;
  try {
    orderNo = (JSON.parse(n.data ?? '{}') as { orderNo?: unknown }).orderNo;
  } catch {
    orderNo = undefined;
  }
  const needsOrderNo = zhCN[key].includes('{orderNo}');
  if (needsOrderNo && typeof orderNo !== 'string') return n.title;
  return t(key, needsOrderNo ? { orderNo: orderNo as string } : undefined);
}

/** Role codes come from the server; one we do not know yet is shown as its code. */
export function roleName(t: Translate, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

export function orgKindName(t: Translate, kind: string): string {
  const key = `orgKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/**
 * The user-facing text for an API error: translated by its code, with the error's details
 * (e.g. retryAfterSeconds) as placeholders. Unknown codes get the generic message, never raw server text.
 */
export function errorText(t: Translate, error: { code: string; details?: Record<string, unknown> }): string {
  const key = `error.${error.code}`;
  if (!isMessageKey(key)) return t('error.UNKNOWN');
  const params: Params = {};
  for (const [name, value] of Object.entries(error.details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return t(key, params);
}
