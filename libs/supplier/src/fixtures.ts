import type { DataSource } from 'typeorm';
import { OrganizationKind, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import {
  Household,
  HouseholdStatus,
  Linkage,
  LinkageType,
  SupplierKind,
  SupplierProfile,
  SupplierStatus,
} from './supplier.entities';

/** Test and seed helpers that write supplier-domain rows directly (no permission checks, no history). */
export async function createSupplierFixture(
  ds: DataSource,
  input: {
    status?: SupplierStatus;
    countyCode?: string;
    kind?: SupplierKind;
    sourceCountyCodes?: string[];
    name?: string;
    linkageMechanism?: string;
  } = {},
): Promise<{ supplierId: string; admin: { email: string; password: string; userId: string } }> {
  const countyCode = input.countyCode ?? '520621000000';
  const org = await createOrg(ds, { kind: OrganizationKind.SUPPLIER, regionCode: countyCode, name: input.name });
  await ds.getRepository(SupplierProfile).insert({
    organizationId: org.id,
    kind: input.kind ?? SupplierKind.COOPERATIVE,
    countyCode,
    linkageMechanism: input.linkageMechanism ?? '订单收购，保底价收购农户产品',
    sourceCountyCodes: input.sourceCountyCodes ?? [],
    status: input.status ?? SupplierStatus.APPROVED,
  });
  const admin = await createUserWithRole(ds, Role.SUPPLIER_ADMIN, { organizationId: org.id });
  return { supplierId: org.id, admin: { email: admin.email, password: admin.password, userId: admin.user.id } };
}

export async function createHouseholdFixture(
  ds: DataSource,
  input: {
    villageCode: string;
    headName?: string;
    size?: number;
    status?: HouseholdStatus;
    createdByOrgId?: string | null;
    userId?: string | null;
  },
): Promise<Household> {
  const repo = ds.getRepository(Household);
  return repo.save(
    repo.create({
      villageCode: input.villageCode,
      headName: input.headName ?? '田大姐',
      size: input.size ?? 4,
      status: input.status ?? HouseholdStatus.EX_POVERTY,
      createdByOrgId: input.createdByOrgId ?? null,
      userId: input.userId ?? null,
    }),
  );
}

export async function createLinkageFixture(
  ds: DataSource,
  input: {
    supplierId: string;
    householdId?: string | null;
    villageCode?: string | null;
    type?: LinkageType;
    validFrom?: string;
    validTo?: string | null;
    shareBasisPoints?: number | null;
  },
): Promise<Linkage> {
  const repo = ds.getRepository(Linkage);
  return repo.save(
    repo.create({
      supplierId: input.supplierId,
      householdId: input.householdId ?? null,
      villageCode: input.villageCode ?? null,
      type: input.type ?? LinkageType.PURCHASE_CONTRACT,
      terms: '',
      shareBasisPoints: input.shareBasisPoints ?? null,
      validFrom: input.validFrom ?? '2020-01-01',
      validTo: input.validTo ?? null,
    }),
  );
}
