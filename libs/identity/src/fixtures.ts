import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { OrganizationKind, Role, ROLE_ORGANIZATION_KIND, TokenService } from '@bangfu/core';
import { hashPassword } from './auth.service';
import { withCheckChar } from './credit-code';
import { AppUser, Membership, Organization } from './identity.entities';

/** Test and seed helpers that write identity rows directly (no permission checks). */
export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | null = null;

export function randomCreditCode(regionPrefix6 = '520621'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const tail = Array.from(randomBytes(9), (b) => alphabet[b % alphabet.length]).join('');
  return withCheckChar(`91${regionPrefix6}${tail}`);
}

export async function createOrg(
  ds: DataSource,
  input: {
    kind: OrganizationKind;
    name?: string;
    regionCode?: string | null;
    parentId?: string | null;
    creditCode?: string | null;
  },
): Promise<Organization> {
  const repo = ds.getRepository(Organization);
  const regionCode = input.regionCode === undefined ? '520621000000' : input.regionCode;
  return repo.save(
    repo.create({
      kind: input.kind,
      name: input.name ?? `${input.kind} ${randomBytes(3).toString('hex')}`,
      regionCode,
      parentId: input.parentId ?? null,
      creditCode:
        input.creditCode === undefined
          ? input.kind === OrganizationKind.PLATFORM
            ? null
            : randomCreditCode(regionCode?.slice(0, 6))
          : input.creditCode,
    }),
  );
}

/** A user holding one role; creates a fitting organisation when none is given. */
export async function createUserWithRole(
  ds: DataSource,
  role: Role,
  options: {
    organizationId?: string;
    regionPrefix?: string;
    email?: string;
    password?: string;
    displayName?: string;
  } = {},
): Promise<{ user: AppUser; organizationId: string | null; email: string; password: string }> {
  const kind = ROLE_ORGANIZATION_KIND[role];
  const organizationId = kind === null ? null : (options.organizationId ?? (await createOrg(ds, { kind })).id);
  const email = options.email ?? `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@test.bangfu`;
  const password = options.password ?? TEST_PASSWORD;
  const hash = options.password ? await hashPassword(password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const user = await ds
    .getRepository(AppUser)
    .save({ email, displayName: options.displayName ?? role, passwordHash: hash });
  await ds
    .getRepository(Membership)
    .insert({ userId: user.id, role, organizationId, regionPrefix: options.regionPrefix ?? null });
  return { user, organizationId, email, password };
}

export interface Actor {
  token: string;
  userId: string;
  organizationId: string | null;
}

/**
 * A user with one role (createUserWithRole) and a token signed directly by the running app, so specs
 * skip the login round trip and the password hashing of one login per actor.
 */
export async function signedActor(
  server: { app: INestApplicationContext },
  ds: DataSource,
  role: Role,
  options: { organizationId?: string; regionPrefix?: string } = {},
): Promise<Actor> {
  const u = await createUserWithRole(ds, role, options);
  const { token } = await server.app.get(TokenService).sign(u.user.id);
  return { token, userId: u.user.id, organizationId: u.organizationId };
}
