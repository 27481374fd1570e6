import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { HouseholdStatus, LinkageType } from '@bangfu/supplier';
import { agency, type Buyer, channel, customer, household, link, supplier, villages } from './test-helpers';

/**
 * Spec support for the property specs (attribution.property.spec.ts, batch.spec.ts): the world their
 * random orders are drawn in, and random rules. Not exported from the lib.
 */

export type RuleSpec =
  | { kind: 'CONTRACT_PURCHASE'; perUnitPayout: number }
  | { kind: 'REVENUE_SHARE'; h: number; v: number; c: number }
  | { kind: 'WAGE' | 'DIVIDEND'; poolBp: number };

export const ruleArb: fc.Arbitrary<RuleSpec> = fc.oneof(
  fc.record({ kind: fc.constant('CONTRACT_PURCHASE' as const), perUnitPayout: fc.integer({ min: 1, max: 30_000 }) }),
  fc
    .record({
      kind: fc.constant('REVENUE_SHARE' as const),
      h: fc.integer({ min: 0, max: 10_000 }),
      v: fc.integer({ min: 0, max: 5_000 }),
      c: fc.integer({ min: 0, max: 5_000 }),
    })
    .filter((r) => r.h + r.v + r.c > 0 && r.h + r.v + r.c <= 10_000),
  fc.record({
    kind: fc.constantFrom('WAGE' as const, 'DIVIDEND' as const),
    poolBp: fc.integer({ min: 1, max: 10_000 }),
  }),
);

export interface PropertyWorld {
  coop: { supplierId: string };
  village: string;
  /** Five households of the village: EX_POVERTY, MONITORED, ORDINARY, EX_POVERTY, ORDINARY. */
  households: string[];
  hall: string;
  buyers: { agency: Buyer; customer: Buyer };
}

/**
 * A cooperative in 江口县 linked to a village collective and five of its households, with WAGE
 * (two households and the village) and DIVIDEND (two households) pools, a hall and two buyers.
 */
export async function propertyWorld(ds: DataSource): Promise<PropertyWorld> {
  const [village] = await villages(ds, '520621', 1);
  const coop = await supplier(ds);
  const households: string[] = [];
  for (const status of [
    HouseholdStatus.EX_POVERTY,
    HouseholdStatus.MONITORED,
    HouseholdStatus.ORDINARY,
    HouseholdStatus.EX_POVERTY,
    HouseholdStatus.ORDINARY,
  ])
    households.push(await household(ds, village, status));
  await link(ds, coop.supplierId, { villageCode: village });
  await link(ds, coop.supplierId, { householdId: households[0] }, LinkageType.WAGE, 3000);
  await link(ds, coop.supplierId, { householdId: households[1] }, LinkageType.WAGE, 4500);
  await link(ds, coop.supplierId, { villageCode: village }, LinkageType.WAGE, 2000);
  await link(ds, coop.supplierId, { householdId: households[2] }, LinkageType.DIVIDEND, 6000);
  await link(ds, coop.supplierId, { householdId: households[3] }, LinkageType.DIVIDEND, 4000);
  return {
    coop,
    village,
    households,
    hall: await channel(ds),
    buyers: { agency: await agency(ds), customer: await customer(ds) },
  };
}

/** A RuleSpec as the `rule` helper's parameters (the village collective and cooperative of `world`). */
export function ruleParams(r: RuleSpec, world: PropertyWorld) {
  return r.kind === 'CONTRACT_PURCHASE'
    ? { perUnitPayout: r.perUnitPayout }
    : r.kind === 'REVENUE_SHARE'
      ? {
          householdsBp: r.h,
          villageCollectiveBp: r.v,
          villageCode: r.v ? world.village : null,
          cooperativeBp: r.c,
          cooperativeOrgId: r.c ? world.coop.supplierId : null,
        }
      : { poolBp: r.poolBp };
}
