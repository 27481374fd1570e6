// Form schemas (zod) for react-hook-form. Each message is a translation key, so the form shows the problem in
// the reader's language (components/FormField.tsx) and a language switch retranslates it. The rules are the
// server's (it checks again and answers with codes); they live here so they can be unit-tested without a DOM.
import { z } from './zod';
import type { CanteenMode, OrganizationKind, PurchaseTerms, Role } from '../api/generated/graphql';
import type { MessageKey } from '../i18n/translate';
import { type AddressProblem, checkAddress } from './address';
import { parsePercentToBps } from './agency';
import { parseYuanToFen } from './money';
import { checkShipment, type ShipProblem } from './orders';
import { buildCreateProductInput, type ProductDraft } from './product-form';
import { regionCodeOf } from './region-code';
import { REGIONAL_ROLES, ROLE_ORGANIZATION_KIND } from './roles';

const key = (k: MessageKey): string => k;

/** The server's minimum (libs/identity); the hint under the field says the rest of its rules. */
export const PASSWORD_MIN_LENGTH = 10;

/** Required text, trimmed, at most `max` characters. */
const text = (max: number) =>
  z.string().trim().min(1, key('form.problem.required')).max(max, key('form.problem.tooLong'));

/** A new password typed twice; a mismatch is reported on the second field. */
const newPassword = {
  password: z.string().min(PASSWORD_MIN_LENGTH, key('signup.passwordHint')).max(256, key('form.problem.tooLong')),
  confirm: z.string(),
};
const typedTwice = (v: { password: string; confirm: string }) => v.password === v.confirm;
const mismatch = { message: key('signup.mismatch'), path: ['confirm'] };

/** The server's sign-up identifiers (libs/identity user.service): an email, or a mainland mobile number. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^1[3-9][0-9]{9}$/;
// An empty field is reported as required by text(); anything else must be one of the two.
const identifier = text(254).refine((v) => v === '' || EMAIL.test(v) || MOBILE.test(v), key('form.problem.identifier'));

export const signUpSchema = z
  .object({ identifier, displayName: text(100), ...newPassword })
  .refine(typedTwice, mismatch);

export const resetPasswordSchema = z.object({ token: text(200), ...newPassword }).refine(typedTwice, mismatch);

/** 修改密码: the current password (the server checks it) and the new one typed twice. */
export const changePasswordSchema = z
  .object({ current: z.string().min(1, key('form.problem.required')), ...newPassword })
  .refine(typedTwice, { message: key('account.password.mismatch'), path: ['confirm'] });

/** Problems found by a pure check (lib/address, lib/orders), as issues on the form's fields. */
function report(
  ctx: z.RefinementCtx,
  problems: Record<string, string | undefined>,
  prefix: string,
  field = (f: string) => f,
) {
  for (const [name, problem] of Object.entries(problems))
    if (problem) ctx.addIssue({ code: 'custom', path: field(name).split('.'), message: `${prefix}.${problem}` });
}

/** The region picker gives a prefix ("5206") or a full 12-digit code; the API wants the code. */
function regionCodeFrom(region: string): string {
  if (!region) return '';
  return regionCodeOf(region) ?? (/^\d{12}$/.test(region) ? region : '');
}

/** 收货地址: what the form holds → the API's AddressInput, checked by checkAddress. */
export const addressFormSchema = z
  .object({ recipient: z.string(), phone: z.string(), region: z.string(), detail: z.string(), isDefault: z.boolean() })
  .transform((f) => ({
    recipient: f.recipient.trim(),
    phone: f.phone.replace(/[\s-]/g, ''),
    regionCode: regionCodeFrom(f.region),
    detail: f.detail.trim(),
    isDefault: f.isDefault,
  }))
  .superRefine((a, ctx) =>
    report(ctx, checkAddress(a) as Record<string, AddressProblem>, 'address.problem', (f) =>
      f === 'regionCode' ? 'region' : f,
    ),
  );

/** 发货: carrier and tracking number, trimmed, checked by checkShipment. */
export const shipFormSchema = z
  .object({ carrier: z.string(), trackingNo: z.string() })
  .transform((f) => ({ carrier: f.carrier.trim(), trackingNo: f.trackingNo.trim() }))
  .superRefine((s, ctx) =>
    report(ctx, checkShipment(s.carrier, s.trackingNo) as Record<string, ShipProblem>, 'ship.problem'),
  );

/**
 * 新产品: the draft as typed (prices in yuan, SKUs may be blank) → CreateProductInput, by buildCreateProductInput;
 * its problems land on the fields they name (`variants.0.retailPrice`).
 */
export const newProductSchema = (supplierId: string) =>
  z.custom<ProductDraft>().transform((draft, ctx) => {
    const built = buildCreateProductInput(supplierId, draft);
    if (built.input) return built.input;
    report(ctx, built.errors, 'form.problem');
    return z.NEVER;
  });

/** Optional text: trimmed, null when left empty. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, key('form.problem.tooLong'))
    .transform((v) => v || null);

/** 发布供货: crop, whole quantity, asking price in yuan (→ fen), dates; photos are added by the form. */
export const offerFormSchema = z
  .object({
    cropName: z.string().trim().min(1, key('produce.form.needCrop')).max(60, key('form.problem.tooLong')),
    variety: optionalText(60),
    quantity: z.string().transform((v, ctx) => {
      const n = Number(v);
      if (Number.isInteger(n) && n > 0) return n;
      ctx.addIssue({ code: 'custom', message: key('produce.form.needQuantity') });
      return z.NEVER;
    }),
    unit: z.string(),
    price: z.string().transform((v, ctx) => {
      const fen = parseYuanToFen(v);
      if (fen) return fen;
      ctx.addIssue({ code: 'custom', message: key('produce.form.needPrice') });
      return z.NEVER;
    }),
    from: z.string(),
    until: z.string(),
    note: optionalText(500),
  })
  .transform(({ price, from, until, ...rest }) => ({
    ...rest,
    askingPrice: price,
    availableFrom: from,
    availableUntil: until,
  }));

/** 采购申请: the channel (empty: the default one), payment terms and why the unit buys. */
export const purchaseRequestSchema = z.object({
  channelId: z.string(),
  terms: z.string().transform((v) => v as PurchaseTerms),
  justification: text(1000),
});

/** A role to grant: the organisation its kind needs, a 2–12 digit region prefix for regional roles. */
export const roleChoiceSchema = z
  .object({ role: z.string(), organizationId: z.string(), regionPrefix: z.string().trim() })
  .superRefine((c, ctx) => {
    if (ROLE_ORGANIZATION_KIND[c.role] && !c.organizationId)
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: key('admin.users.chooseOrg') });
    if (REGIONAL_ROLES.has(c.role) && !/^\d{2,12}$/.test(c.regionPrefix))
      ctx.addIssue({ code: 'custom', path: ['regionPrefix'], message: key('form.problem.regionPrefix') });
  })
  .transform((c) => ({
    role: c.role as Role,
    organizationId: c.organizationId || null,
    regionPrefix: REGIONAL_ROLES.has(c.role) ? c.regionPrefix : null,
  }));

export const grantRoleSchema = z.object({ choice: roleChoiceSchema });

/** 新建账号 (platform admin): name, email or phone (either may be empty), initial password, first role. */
export const createUserSchema = z
  .object({
    displayName: text(100),
    email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, key('form.problem.email')),
    phone: optionalText(20),
    password: newPassword.password,
    choice: roleChoiceSchema,
  })
  .transform(({ choice, ...user }) => ({ ...user, ...choice }));

/** 新建机构: name, kind, optional credit code (upper case) and 12-digit division code. */
export const createOrgSchema = z.object({
  name: text(200),
  kind: z.string().transform((k) => k as OrganizationKind),
  creditCode: optionalText(18).transform((v) => v?.toUpperCase() ?? null),
  regionCode: optionalText(12).refine((v) => v === null || /^\d{12}$/.test(v), key('form.problem.regionCode')),
});

/** The reserved-share filing as typed: budget in yuan, ratio in percent (ignored without a canteen). */
export interface FilingDraft {
  mode: string;
  budget: string;
  ratio: string;
  caterer: string;
  covered: string[];
  decreaseReason: string;
  reason: string;
}

/** What the typed budget and ratio mean (null: not a valid number), for the live reserved amount and the schema. */
export function filingFigures(f: Pick<FilingDraft, 'mode' | 'budget' | 'ratio'>) {
  return { budgetFen: parseYuanToFen(f.budget), bps: f.mode === 'NONE' ? 0 : parsePercentToBps(f.ratio) };
}

/**
 * 预留份额申报 / 变更: the filing fields of the API (caterer only when outsourced, covered units only when shared);
 * an amendment (`amending`) needs its reason.
 */
export const filingFormSchema = (amending: boolean) =>
  z.custom<FilingDraft>().transform((f, ctx) => {
    const { budgetFen, bps } = filingFigures(f);
    const problem = (field: keyof FilingDraft, message: MessageKey) =>
      ctx.addIssue({ code: 'custom', path: [field], message: key(message) });
    if (budgetFen === null) problem('budget', 'agency.filing.budgetInvalid');
    if (bps === null) problem('ratio', 'agency.filing.ratioInvalid');
    if (amending && !f.reason.trim()) problem('reason', 'form.problem.required');
    if (budgetFen === null || bps === null || (amending && !f.reason.trim())) return z.NEVER;
    return {
      canteenMode: f.mode as CanteenMode,
      canteenBudget: budgetFen,
      ratioBps: bps,
      catererName: f.mode === 'OUTSOURCED' ? f.caterer.trim() : null,
      coveredOrgIds: f.mode === 'SHARED' ? f.covered : null,
      decreaseReason: f.decreaseReason.trim() || null,
      reason: f.reason.trim(),
    };
  });
