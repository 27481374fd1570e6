import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { HouseholdStatus, LinkageType, SupplierKind, SupplierStatus } from './supplier.entities';

@ObjectType('SupplierHistoryEntry', { description: 'One admission move: who, when, why' })
export class SupplierHistoryEntry {
  @Field(() => SupplierStatus, { nullable: true }) fromStatus: SupplierStatus | null;
  @Field(() => SupplierStatus) toStatus: SupplierStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => Date) createdAt: Date;
}

/** The public face of a supplier: its organisation joined with its admission profile. */
@ObjectType('Supplier', { description: '供应商 — an organisation admitted (or applying) to sell on the platform' })
export class SupplierView {
  @Field(() => ID, { description: 'The organisation id' }) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码' }) creditCode: string | null;
  @Field(() => SupplierKind) kind: SupplierKind;
  @Field(() => SupplierStatus) status: SupplierStatus;
  @Field(() => String) countyCode: string;
  @Field(() => String, { description: '利益联结机制' }) linkageMechanism: string;
  @Field(() => [String], { description: 'Counties whose produce a trading agent sells' }) sourceCountyCodes: string[];
  @Field(() => Date) appliedAt: Date;
  @Field(() => Date) updatedAt: Date;
  /** Whether the caller may see the admission history (staff, coordinators/auditors in scope, admins). */
  privileged: boolean;
}

@InputType()
export class ApplyAsSupplierInput {
  @Field(() => String) name: string;
  @Field(() => String, { description: '统一社会信用代码' }) creditCode: string;
  @Field(() => SupplierKind) kind: SupplierKind;
  @Field(() => String, { description: 'Registered county (level-3 division code)' }) countyCode: string;
  @Field(() => String, { description: '利益联结机制: how the supplier shares income with households' })
  linkageMechanism: string;
  @Field(() => [String], { nullable: true, description: 'Trading agents only: counties whose produce they sell' })
  sourceCountyCodes?: string[] | null;
}

/** An admission move on a supplier (recommend, approve, reinstate) with an optional comment for its history. */
@ArgsType()
export class SupplierCommentArgs {
  @Field(() => ID) supplierId: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

/** An admission move against a supplier (reject, suspend, revoke): the reason is required and kept in its history. */
@ArgsType()
export class SupplierReasonArgs {
  @Field(() => ID) supplierId: string;
  @Field(() => String) reason: string;
}

@InputType()
export class SupplierFilter {
  @Field(() => SupplierStatus, { nullable: true }) status?: SupplierStatus | null;
  @Field(() => String, { nullable: true, description: 'Region code or prefix; matches the registered county' })
  regionCode?: string | null;
  @Field(() => SupplierKind, { nullable: true }) kind?: SupplierKind | null;
}

@InputType()
export class CreateHouseholdInput {
  @Field(() => String, { description: 'Village (level-5 division code)' }) villageCode: string;
  @Field(() => String) headName: string;
  @Field(() => Int) size: number;
  @Field(() => HouseholdStatus) status: HouseholdStatus;
  @Field(() => String, {
    nullable: true,
    description: 'ID-card number; only its keyed hash is stored, to find duplicates',
  })
  idNumber?: string | null;
  @Field(() => ID, { nullable: true, description: 'The supplier registering it, when the caller works for several' })
  supplierId?: string | null;
}

@InputType()
export class HouseholdFilter {
  @Field(() => String, { nullable: true, description: 'Exact village code' }) villageCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Region code or prefix (subtree)' }) regionCode?: string | null;
  @Field(() => HouseholdStatus, { nullable: true }) status?: HouseholdStatus | null;
  @Field(() => ID, { nullable: true, description: 'Households linked to or registered by this supplier' }) supplierId?:
    string | null;
}

@InputType()
export class CreateLinkageInput {
  @Field(() => ID) supplierId: string;
  @Field(() => ID, { nullable: true, description: 'Either a household …' }) householdId?: string | null;
  @Field(() => String, { nullable: true, description: '… or a village collective (level-5 code)' }) villageCode?:
    string | null;
  @Field(() => LinkageType) type: LinkageType;
  @Field(() => String, { nullable: true }) terms?: string | null;
  @Field(() => Int, { nullable: true, description: 'Basis points, 0–10000' }) shareBasisPoints?: number | null;
  @Field(() => String, { description: 'YYYY-MM-DD' }) validFrom: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' }) validTo?: string | null;
}
