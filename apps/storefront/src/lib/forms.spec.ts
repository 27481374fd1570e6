import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isMessageKey } from '../i18n/translate';
import {
  addressFormSchema,
  changePasswordSchema,
  createOrgSchema,
  createUserSchema,
  filingFormSchema,
  grantRoleSchema,
  newProductSchema,
  offerFormSchema,
  purchaseRequestSchema,
  resetPasswordSchema,
  shipFormSchema,
  signUpSchema,
} from './forms';
import { emptyProduct, emptyVariant } from './product-form';

/** Field → message of a failed parse (the shape react-hook-form shows). */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const PASSWORD = 'correct horse battery';

describe('account forms', () => {
  it('accepts a sign-up and trims what is not a password', () => {
    const r = signUpSchema.safeParse({
      identifier: ' a@b.cn ',
      displayName: ' 周 ',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(r.success && r.data).toEqual({
      identifier: 'a@b.cn',
      displayName: '周',
      password: PASSWORD,
      confirm: PASSWORD,
    });
  });

  it('names each problem with a translation key, a mismatch on the repeated password', () => {
    expect(
      problems(signUpSchema.safeParse({ identifier: ' ', displayName: '', password: 'short', confirm: 'short' })),
    ).toEqual({
      identifier: 'form.problem.required',
      displayName: 'form.problem.required',
      password: 'signup.passwordHint',
    });
    // What the server refuses (not an email, not a mainland mobile) is marked on the field, not answered
    // with the page-level "please check what you filled in".
    for (const identifier of ['a@b', 'zhou@', '13800138000x', '12345', '+8613800138000'])
      expect(
        problems(signUpSchema.safeParse({ identifier, displayName: '周', password: PASSWORD, confirm: PASSWORD })),
      ).toEqual({ identifier: 'form.problem.identifier' });
    for (const identifier of ['zhou@example.cn', ' 13800138000 '])
      expect(
        signUpSchema.safeParse({ identifier, displayName: '周', password: PASSWORD, confirm: PASSWORD }).success,
      ).toBe(true);
    expect(
      problems(resetPasswordSchema.safeParse({ token: 'abc', password: PASSWORD, confirm: `${PASSWORD}!` })),
    ).toEqual({
      confirm: 'signup.mismatch',
    });
  });

  it('changes a password: the current one is needed, the new one long enough and typed twice alike', () => {
    const ok = { current: 'old secret', password: PASSWORD, confirm: PASSWORD };
    expect(changePasswordSchema.safeParse(ok).success).toBe(true);
    expect(problems(changePasswordSchema.safeParse({ current: '', password: 'short', confirm: 'shirt' }))).toEqual({
      current: 'form.problem.required',
      password: 'signup.passwordHint',
      confirm: 'account.password.mismatch',
    });
    expect(problems(changePasswordSchema.safeParse({ ...ok, confirm: `${PASSWORD}!` }))).toEqual({
      confirm: 'account.password.mismatch',
    });
  });
});

describe('address form', () => {
  const ok = {
    recipient: ' 张三 ',
    phone: '138 1234-5678',
    region: '520621',
    detail: '凯德街道 1 号',
    isDefault: true,
  };

  it('gives the API input: trimmed, phone digits only, the picked prefix as a 12-digit code', () => {
    const r = addressFormSchema.safeParse(ok);
    expect(r.success && r.data).toEqual({
      recipient: '张三',
      phone: '13812345678',
      regionCode: '520621000000',
      detail: '凯德街道 1 号',
      isDefault: true,
    });
    expect(addressFormSchema.safeParse({ ...ok, region: '520621100201' }).success).toBe(true);
  });

  it('reports checkAddress problems on the fields the reader sees (the region picker for the code)', () => {
    expect(
      problems(addressFormSchema.safeParse({ ...ok, recipient: '', phone: '123', region: '5206', detail: ' ' })),
    ).toEqual({
      recipient: 'address.problem.required',
      phone: 'address.problem.phone',
      region: 'address.problem.regionLevel',
      detail: 'address.problem.required',
    });
  });
});

describe('ship form', () => {
  it('trims, and reports checkShipment problems', () => {
    const r = shipFormSchema.safeParse({ carrier: ' 顺丰速运 ', trackingNo: ' SF1234567890 ' });
    expect(r.success && r.data).toEqual({ carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(problems(shipFormSchema.safeParse({ carrier: '', trackingNo: 'SF 12' }))).toEqual({
      carrier: 'ship.problem.carrierRequired',
      trackingNo: 'ship.problem.trackingFormat',
    });
  });
});

describe('new product form', () => {
  const draft = {
    ...emptyProduct(),
    title: ' 梵净山红茶 ',
    origin: '520621',
    variants: [
      {
        ...emptyVariant(),
        spec: '100g',
        retailPrice: '68',
        agencyPrice: '60',
        marketReferencePrice: '75',
        sku: 'TEA-1',
      },
    ],
  };

  it('gives CreateProductInput: prices in fen, the county as a 12-digit code', () => {
    const r = newProductSchema('s1').safeParse(draft);
    expect(r.success && r.data).toMatchObject({
      supplierId: 's1',
      title: '梵净山红茶',
      originRegionCode: '520621000000',
      variants: [{ sku: 'TEA-1', spec: '100g', retailPrice: 6800, agencyPrice: 6000, marketReferencePrice: 7500 }],
    });
  });

  it('puts each problem on the variant field it names', () => {
    const bad = {
      ...draft,
      origin: '',
      variants: [draft.variants[0], { ...emptyVariant(), spec: 'x', retailPrice: '1.234' }],
    };
    expect(problems(newProductSchema('s1').safeParse(bad))).toEqual({
      origin: 'form.problem.required',
      'variants.1.retailPrice': 'form.problem.price',
      'variants.1.agencyPrice': 'form.problem.required',
      'variants.1.marketReferencePrice': 'form.problem.required',
    });
  });
});

describe('produce offer form', () => {
  const offer = {
    cropName: ' 白萝卜 ',
    variety: ' ',
    quantity: '500',
    unit: '斤',
    price: '1.50',
    from: '2026-12-06',
    until: '2026-12-20',
    note: '',
  };

  it('gives CreateProduceOfferInput without photos: whole quantity, price in fen, empty optionals as null', () => {
    const r = offerFormSchema.safeParse(offer);
    expect(r.success && r.data).toEqual({
      cropName: '白萝卜',
      variety: null,
      quantity: 500,
      unit: '斤',
      askingPrice: 150,
      availableFrom: '2026-12-06',
      availableUntil: '2026-12-20',
      note: null,
    });
  });

  it('explains a missing crop, a fractional quantity and a price that is not a number', () => {
    expect(problems(offerFormSchema.safeParse({ ...offer, cropName: '', quantity: '2.5', price: 'abc' }))).toEqual({
      cropName: 'produce.form.needCrop',
      quantity: 'produce.form.needQuantity',
      price: 'produce.form.needPrice',
    });
  });
});

describe('admin forms', () => {
  const user = { displayName: '王', email: '', phone: '', password: PASSWORD };

  it('asks for the organisation a role needs and a region prefix for regional roles', () => {
    expect(
      problems(grantRoleSchema.safeParse({ choice: { role: 'COORDINATOR', organizationId: '', regionPrefix: '5' } })),
    ).toEqual({
      'choice.organizationId': 'admin.users.chooseOrg',
      'choice.regionPrefix': 'form.problem.regionPrefix',
    });
    const customer = grantRoleSchema.safeParse({
      choice: { role: 'CUSTOMER', organizationId: '', regionPrefix: '52' },
    });
    expect(customer.success && customer.data).toEqual({
      choice: { role: 'CUSTOMER', organizationId: null, regionPrefix: null },
    });
  });

  it('creates a user with empty contacts as null and the role inline', () => {
    const r = createUserSchema.safeParse({
      ...user,
      choice: { role: 'AUDITOR', organizationId: 'o1', regionPrefix: ' 5206 ' },
    });
    expect(r.success && r.data).toEqual({
      displayName: '王',
      email: null,
      phone: null,
      password: PASSWORD,
      role: 'AUDITOR',
      organizationId: 'o1',
      regionPrefix: '5206',
    });
    expect(
      problems(
        createUserSchema.safeParse({
          ...user,
          email: 'not-an-email',
          choice: { role: 'CUSTOMER', organizationId: '', regionPrefix: '' },
        }),
      ),
    ).toEqual({
      email: 'form.problem.email',
    });
  });

  it('creates an organisation with the credit code in upper case and a 12-digit division code', () => {
    const r = createOrgSchema.safeParse({
      name: ' 江口县财政局 ',
      kind: 'AGENCY',
      creditCode: '91abc',
      regionCode: '',
    });
    expect(r.success && r.data).toEqual({
      name: '江口县财政局',
      kind: 'AGENCY',
      creditCode: '91ABC',
      regionCode: null,
    });
    expect(
      problems(createOrgSchema.safeParse({ name: '', kind: 'AGENCY', creditCode: '', regionCode: '5206' })),
    ).toEqual({
      name: 'form.problem.required',
      regionCode: 'form.problem.regionCode',
    });
  });
});

describe('reserved-share filing form', () => {
  const draft = {
    mode: 'OWN',
    budget: '12345.67',
    ratio: '12.5',
    caterer: 'x',
    covered: ['o2'],
    decreaseReason: ' ',
    reason: '',
  };

  it('gives the filing fields: budget in fen, ratio in basis points, caterer and covered units only for their mode', () => {
    const r = filingFormSchema(false).safeParse(draft);
    expect(r.success && r.data).toEqual({
      canteenMode: 'OWN',
      canteenBudget: 1234567,
      ratioBps: 1250,
      catererName: null,
      coveredOrgIds: null,
      decreaseReason: null,
      reason: '',
    });
    const shared = filingFormSchema(false).safeParse({ ...draft, mode: 'SHARED' });
    expect(shared.success && shared.data.coveredOrgIds).toEqual(['o2']);
    const none = filingFormSchema(false).safeParse({ ...draft, mode: 'NONE', ratio: 'ignored' });
    expect(none.success && none.data.ratioBps).toBe(0);
  });

  it('explains a bad budget or ratio, and asks an amendment for its reason', () => {
    expect(problems(filingFormSchema(true).safeParse({ ...draft, budget: '-1', ratio: '101' }))).toEqual({
      budget: 'agency.filing.budgetInvalid',
      ratio: 'agency.filing.ratioInvalid',
      reason: 'form.problem.required',
    });
  });
});

describe('purchase request form', () => {
  it('needs a reason, trimmed, and passes channel and terms through', () => {
    const r = purchaseRequestSchema.safeParse({ channelId: '', terms: 'PREPAID', justification: ' 接待用茶 ' });
    expect(r.success && r.data).toEqual({ channelId: '', terms: 'PREPAID', justification: '接待用茶' });
    expect(
      problems(purchaseRequestSchema.safeParse({ channelId: 'c', terms: 'PREPAID', justification: '  ' })),
    ).toEqual({
      justification: 'form.problem.required',
    });
  });
});

describe('zod under the Content-Security-Policy', () => {
  it('builds schemas without probing eval (jitless), which the policy would report on every page', () => {
    expect(z.config().jitless).toBe(true);
  });
});

describe('messages', () => {
  it('every message the schemas give is a translation key', () => {
    const failures = [
      signUpSchema.safeParse({ identifier: 'x'.repeat(300), displayName: '', password: 'x'.repeat(300), confirm: '' }),
      resetPasswordSchema.safeParse({ token: '', password: '', confirm: 'x' }),
      changePasswordSchema.safeParse({ current: '', password: PASSWORD, confirm: 'x' }),
      purchaseRequestSchema.safeParse({ channelId: '', terms: 'PREPAID', justification: 'x'.repeat(1001) }),
      addressFormSchema.safeParse({
        recipient: 'x'.repeat(51),
        phone: '',
        region: '',
        detail: 'x'.repeat(201),
        isDefault: false,
      }),
      shipFormSchema.safeParse({ carrier: 'x'.repeat(101), trackingNo: '' }),
      offerFormSchema.safeParse({
        cropName: '',
        variety: '',
        quantity: '0',
        unit: '斤',
        price: '0',
        from: '',
        until: '',
        note: '',
      }),
      newProductSchema('s').safeParse({
        ...emptyProduct(),
        origin: '52',
        variants: [{ ...emptyVariant(), sku: '!', stockOnHand: '-1' }],
      }),
    ];
    const messages = failures.flatMap((r) => Object.values(problems(r)));
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => !isMessageKey(m))).toEqual([]);
  });
});
