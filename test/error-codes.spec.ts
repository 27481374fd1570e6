// Error codes are enums: each domain declares its codes in libs/<domain>/src/<domain>.errors.ts
// (defineErrorCodes), they form GraphQL's `ErrorCode` enum, and the storefront's translations are
// checked against that enum in schema.graphql. A code written inline at a throw site would bypass all of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES, ErrorCode } from '@bangfu/core';
import '@bangfu/platform'; // loads every domain, so every domain's codes are registered

const LIBS = resolve(__dirname, '../libs');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(spec|d)\.ts$/.test(name) && !/test-(helpers|fixtures)/.test(name) ? [path] : [];
  });
}

/** Throw sites and union-result builders whose code argument is a string literal. */
export function inlineCodes(text: string): string[] {
  const found: string[] = [];
  const site = /(?:new\s+(?:Http)?AppError|counterRefusal|\binvalid|\b(?:core)?[gG]uard(?:<[^>]*>)?)\(\s*([^,]*),/g;
  for (const m of text.matchAll(site)) for (const lit of m[1].matchAll(/'([A-Z][A-Z0-9_]+)'/g)) found.push(lit[1]);
  for (const m of text.matchAll(/@Field\([^)]*\)\s+code\s*=\s*'([A-Z][A-Z0-9_]+)'/g)) found.push(m[1]);
  return found;
}

describe('error codes', () => {
  it('the scan finds inline codes (it can fail)', () => {
    expect(
      inlineCodes(`throw new AppError('FOO_BAR', 'x'); new AppError(a ? 'A' : 'B_C', 'm'); invalid('NO_LINES', 'x')`),
    ).toEqual(['FOO_BAR', 'B_C', 'NO_LINES']);
    expect(inlineCodes(`throw new AppError(OrderingErrorCode.ORDER_NOT_FOUND, 'x')`)).toEqual([]);
  });

  it('no throw site writes its code inline: every code comes from a domain enum', () => {
    const inline = sources(LIBS).flatMap((file) =>
      inlineCodes(readFileSync(file, 'utf8')).map((code) => `${file.slice(LIBS.length + 1)}: '${code}'`),
    );
    expect(inline).toEqual([]);
  });

  it('the ErrorCode enum holds the core codes and every domain’s', () => {
    for (const code of Object.values(ErrorCode)) expect(ALL_ERROR_CODES[code]).toBe(code);
    expect(Object.keys(ALL_ERROR_CODES).length).toBeGreaterThan(150);
    for (const code of ['STAFF_UNIT_REQUIRED', 'OFFER_NOT_OPEN', 'REPORT_TOO_OLD', 'NOT_A_PURCHASER']) {
      expect(ALL_ERROR_CODES).toHaveProperty(code, code);
    }
  });
});
