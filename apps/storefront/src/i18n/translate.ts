// Translation on i18next, without React, so it can be unit-tested in Node. The texts are bundled (no loading
// step: the first paint has them) as one i18next namespace per area; a key names its namespace through
// NAMESPACE_OF, so callers keep asking for `t('order.title')` without naming the area.
import i18next, { type i18n as I18n } from 'i18next';
import { en } from './en';
import { type Dictionary, type MessageKey, type Namespace, zhCN } from './zh-CN';

export type { MessageKey, Namespace } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Each language names itself, so a reader can find theirs whatever is shown now. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };
export const NAMESPACES = Object.keys(zhCN) as Namespace[];

/** The namespace each key lives in (i18n.spec.ts checks no key is in two). */
const NAMESPACE_OF: Record<string, Namespace> = Object.fromEntries(
  NAMESPACES.flatMap((ns) => Object.keys(zhCN[ns]).map((key) => [key, ns])),
);

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(NAMESPACE_OF, key);
}

/** The zh-CN source text of a key (what the server's own texts are written in). */
function sourceText(key: MessageKey): string {
  return (zhCN[NAMESPACE_OF[key]] as Record<string, string>)[key];
}

/**
 * An i18next instance with every namespace of both languages. Keys are flat (`order.status.title` is one key,
 * not a path) and placeholders are `{name}`; one the caller did not fill stays visible rather than vanishing.
 */
export function createI18n(lng: Locale = DEFAULT_LOCALE): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LOCALE,
    load: 'currentOnly',
    resources: dictionaries,
    ns: NAMESPACES,
    defaultNS: 'common',
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    returnEmptyString: false,
    interpolation: { prefix: '{', suffix: '}', escapeValue: false },
    missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
  });
  return instance;
}

let shared: I18n | undefined;

/** `t` of one language; params are passed as `replace`, so a placeholder named like an i18next option stays a placeholder. */
export function translator(locale: Locale, instance: I18n = (shared ??= createI18n())): Translate {
  const fixed = instance.getFixedT(locale);
  return (key, params) => String(fixed(key, { ns: NAMESPACE_OF[key], replace: params ?? {} }));
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
  const needsOrderNo = sourceText(key).includes('{orderNo}');
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
