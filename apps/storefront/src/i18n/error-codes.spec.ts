// Every error code the server can send must have a translation: the UI shows errors by code
// (errorText), and an unknown code falls back to a generic message, which tells the reader nothing.
// The codes are found by scanning the server's sources, so a new code without a text fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, LOCALES } from './translate';

const LIBS = resolve(__dirname, '../../../../libs');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const LITERAL = /'([A-Z][A-Z0-9_]+)'/g;

/** Codes in one file: AppError/HttpAppError first arguments (literals, ternaries, ErrorCode.X), helpers, `code: '…'`. */
export function codesIn(text: string): Set<string> {
  const codes = new Set<string>();
  for (const m of text.matchAll(/new\s+(?:Http)?AppError\(\s*([^,]+),/g)) {
    for (const lit of m[1].matchAll(LITERAL)) codes.add(lit[1]);
    for (const ref of m[1].matchAll(/ErrorCode\.([A-Z][A-Z0-9_]+)/g)) codes.add(ref[1]);
  }
  for (const m of text.matchAll(/ErrorCode\.([A-Z][A-Z0-9_]+)/g)) codes.add(m[1]);
  for (const m of text.matchAll(/counterRefusal\(\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]);
  // Transition guards, REST error bodies, GraphQLError extensions and details that carry a code.
  for (const m of text.matchAll(/\bcode:\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]);
  if (/\bbadInput\(/.test(text)) codes.add('BAD_USER_INPUT');
  if (/\bforbidden\(/.test(text)) codes.add('FORBIDDEN');
  if (/\bnotFound\(/.test(text)) codes.add('NOT_FOUND');
  return codes;
}

/** Sort directions written as `order: { code: 'ASC' }` in TypeORM finds are not error codes. */
const NOT_ERRORS = new Set(['ASC', 'DESC']);

/** Codes Apollo itself answers with before our resolvers run. */
const APOLLO = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
];

/** Codes the storefront raises itself (file checks before an upload, a failed card payment …). */
function clientCodesIn(text: string): string[] {
  return [...text.matchAll(/new RequestError\(([^,]+),/g)].flatMap((m) => [...m[1].matchAll(LITERAL)].map((l) => l[1]));
}

/** The `ErrorCode` enum of the committed schema: every code a domain declares (libs/<domain>/src/<domain>.errors.ts). */
function schemaCodes(): string[] {
  const schema = readFileSync(resolve(__dirname, '../../../../schema.graphql'), 'utf8');
  const body = /\benum ErrorCode \{([^}]*)\}/.exec(schema)?.[1] ?? '';
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Z][A-Z0-9_]+$/.test(l));
}

function serverCodes(): string[] {
  const all = new Set<string>([...APOLLO, ...schemaCodes()]);
  for (const file of sources(LIBS))
    for (const c of codesIn(readFileSync(file, 'utf8'))) if (!NOT_ERRORS.has(c)) all.add(c);
  for (const file of sources(resolve(__dirname, '..')))
    for (const c of clientCodesIn(readFileSync(file, 'utf8'))) all.add(c);
  return [...all].sort();
}

describe('server error codes', () => {
  const codes = serverCodes();

  it('finds the codes of the whole server (the scan itself works)', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toEqual(
      expect.arrayContaining([
        'INVALID_CREDENTIALS',
        'BAD_USER_INPUT',
        'ORIGIN_NOT_ELIGIBLE',
        'BAD_SIGNATURE',
        'NOT_A_PURCHASER',
        'NOT_AN_APPROVER',
      ]),
    );
  });

  it('includes every value of the schema’s ErrorCode enum', () => {
    expect(schemaCodes().length).toBeGreaterThan(150);
    expect(codes).toEqual(expect.arrayContaining(schemaCodes()));
  });

  it('includes the codes the storefront raises itself', () => {
    expect(codes).toEqual(expect.arrayContaining(['PAYMENT_FAILED', 'INVALID_DOCUMENT_TYPE']));
  });

  it('reads ternaries, ErrorCode references and code fields', () => {
    const found = codesIn(
      `throw new AppError(x ? 'A_ONE' : 'B_TWO', 'm'); new AppError(ErrorCode.CONFLICT, 'x'); new AppError(DomainErrorCode.SHARES_EXCEED_100, 'x'); return { code: 'C_THREE', message: '' }; badInput('x');`,
    );
    expect([...found].sort()).toEqual(['A_ONE', 'BAD_USER_INPUT', 'B_TWO', 'CONFLICT', 'C_THREE', 'SHARES_EXCEED_100']);
  });

  for (const locale of LOCALES) {
    it(`${locale} translates every one of them (in the errors namespace)`, () => {
      const dict = dictionaries[locale].errors as Record<string, string>;
      const missing = codes.filter((c) => !Object.hasOwn(dict, `error.${c}`));
      expect(missing).toEqual([]);
    });
  }

  it('the Chinese texts contain Chinese, not server English', () => {
    const zh = dictionaries['zh-CN'].errors as Record<string, string>;
    const english = codes.filter((c) => zh[`error.${c}`] !== undefined && !/[\u4e00-\u9fff]/.test(zh[`error.${c}`]));
    expect(english).toEqual([]);
  });
});
