export * from './oversight.module';
export * from './suspension-proposal.entities';
export * from './suspension-proposal.service';
export * from './suspension-proposal.types';
