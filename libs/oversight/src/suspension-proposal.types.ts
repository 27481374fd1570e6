import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@bangfu/core';
import { SuspensionProposalSource, SuspensionProposalStatus } from './suspension-proposal.entities';

registerEnumType(SuspensionProposalSource, {
  name: 'SuspensionProposalSource',
  description: 'What proposed the suspension',
});
registerEnumType(SuspensionProposalStatus, { name: 'SuspensionProposalStatus' });

export enum SuspensionDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}
registerEnumType(SuspensionDecision, {
  name: 'SuspensionDecision',
  description: 'ACCEPT suspends the supplier (APPROVED → SUSPENDED); REJECT keeps it',
});

@ObjectType('SupplierSuspensionProposal', {
  description: 'A proposal to suspend a supplier (动态退出), decided by the platform admin',
})
class SupplierSuspensionProposal {
  @Field(() => ID) id: string;
  @Field(() => ID) supplierId: string;
  @Field(() => String) supplierName: string;
  @Field(() => String, { description: 'The supplier’s admission status now' }) supplierStatus: string;
  @Field(() => SuspensionProposalSource) source: SuspensionProposalSource;
  @Field(() => String, {
    description: 'What proposed it: an anomaly finding id, a complaint id, … ("" when nothing in particular)',
  })
  sourceRef: string;
  @Field(() => String) reason: string;
  @Field(() => SuspensionProposalStatus) status: SuspensionProposalStatus;
  @Field(() => Date) proposedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
}

// The class keeps the GraphQL name (Paginated names the connection after it); the entity owns the TS name.
export { SupplierSuspensionProposal as SupplierSuspensionProposalView };
export const SupplierSuspensionProposalConnection = Paginated(SupplierSuspensionProposal);
