import { Module } from '@nestjs/common';
import { SupplierModule } from '@bangfu/supplier';
import { SupplierSuspensionProposal } from './suspension-proposal.entities';
import { SupplierSuspensionProposalResolver } from './suspension-proposal.resolver';
import { SupplierSuspensionProposalService } from './suspension-proposal.service';

export const OVERSIGHT_ENTITIES = [SupplierSuspensionProposal];

/** Oversight: anomaly findings that auditors review, and supplier suspension proposals for the platform admin. */
@Module({
  imports: [SupplierModule],
  providers: [SupplierSuspensionProposalService, SupplierSuspensionProposalResolver],
  exports: [SupplierSuspensionProposalService],
})
export class OversightModule {}
