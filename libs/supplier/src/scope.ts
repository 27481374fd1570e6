import { type Principal, Role } from '@bangfu/core';

/** Roles that act for a supplier organisation (FARMER members do not). */
export const SUPPLIER_STAFF_ROLES = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF];

export function staffSupplierIds(p: Principal): string[] {
  return p.organizationIds(...SUPPLIER_STAFF_ROLES);
}

export function covers(prefixes: string[], code: string): boolean {
  return prefixes.some((prefix) => code.startsWith(prefix));
}

/** LIKE ANY patterns for a set of region prefixes. */
export function likeAny(prefixes: string[]): string[] {
  return prefixes.map((prefix) => `${prefix}%`);
}

/** Today's business date (Asia/Shanghai) in SQL, for validity windows. */
export const SQL_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
