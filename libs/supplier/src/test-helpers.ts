import { DataSource } from 'typeorm';
import { Role } from '@bangfu/core';
import { createUserWithRole } from '@bangfu/identity';
import { contextFor, count, startWithDataSource, type TestServer } from '@bangfu/testing';
import { SupplierModule } from './supplier.module';

export { contextFor, count };

/** Spec support (not exported from the lib): one real server per spec file. */
export function startSupplierServer() {
  return startWithDataSource({ imports: [SupplierModule] });
}

export interface Actor {
  token: string;
  userId: string;
  organizationId: string | null;
  email: string;
  password: string;
}

/** A signed-in user holding one role (optionally in a given organisation / region prefix). */
export async function actor(
  server: TestServer,
  ds: DataSource,
  role: Role,
  options: { organizationId?: string; regionPrefix?: string; displayName?: string } = {},
): Promise<Actor> {
  const u = await createUserWithRole(ds, role, options);
  return {
    token: await server.login(u.email, u.password),
    userId: u.user.id,
    organizationId: u.organizationId,
    email: u.email,
    password: u.password,
  };
}

/** A service-level context for one membership, for calling exported services directly. */
export async function villages(ds: DataSource, countyPrefix: string, n = 3): Promise<string[]> {
  const rows: Array<{ code: string }> = await ds.query(
    `SELECT code FROM region WHERE code LIKE $1 AND level = 5 ORDER BY code LIMIT $2`,
    [`${countyPrefix}%`, n],
  );
  if (rows.length < n) throw new Error(`test template lacks villages under ${countyPrefix}`);
  return rows.map((r) => r.code);
}
