import { defineStateMachine, Role } from '@bangfu/core';
import { CertificationStatus, CertificationStatus as S } from './certification.entities';

export enum CertificationAction {
  SUBMIT = 'SUBMIT',
  VERIFY = 'VERIFY',
  REJECT = 'REJECT',
  CERTIFY = 'CERTIFY',
  REVOKE = 'REVOKE',
  EXPIRE = 'EXPIRE',
}

/** The expiry job acts as the system, not as a user. */
export const SYSTEM = 'SYSTEM' as const;
export type WorkflowActor = Role | typeof SYSTEM;

/** Checks a move needs beyond role and state; implemented by CertificationService. */
export type CertificationGuard =
  | 'supplierApproved'
  | 'originInExPovertyCounty'
  | 'linkageInForce'
  | 'certificateValid'
  | 'validityEnded'
  | 'reasonGiven';

export interface CertificationTransition {
  action: CertificationAction;
  /** null: the move that creates the application. */
  from: S | null;
  to: S;
  /** Roles as held IN SCOPE of the product: its supplier's staff, a coordinator whose region covers its origin, any platform admin. */
  actors: readonly WorkflowActor[];
  guards: readonly CertificationGuard[];
}

const SUPPLIER = [Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF] as const;

/** 帮扶产品认定 workflow: every allowed move, who may make it and what must hold. Anything absent is refused. */
export const CERTIFICATION_TRANSITIONS: readonly CertificationTransition[] = [
  {
    action: CertificationAction.SUBMIT,
    from: null,
    to: S.PENDING,
    actors: SUPPLIER,
    guards: ['supplierApproved', 'originInExPovertyCounty'],
  },
  {
    action: CertificationAction.VERIFY,
    from: S.PENDING,
    to: S.VERIFIED,
    actors: [Role.COORDINATOR],
    guards: ['originInExPovertyCounty', 'linkageInForce'],
  },
  {
    action: CertificationAction.REJECT,
    from: S.PENDING,
    to: S.REJECTED,
    actors: [Role.COORDINATOR, Role.PLATFORM_ADMIN],
    guards: ['reasonGiven'],
  },
  {
    action: CertificationAction.REJECT,
    from: S.VERIFIED,
    to: S.REJECTED,
    actors: [Role.PLATFORM_ADMIN],
    guards: ['reasonGiven'],
  },
  {
    action: CertificationAction.CERTIFY,
    from: S.VERIFIED,
    to: S.CERTIFIED,
    actors: [Role.PLATFORM_ADMIN],
    guards: ['certificateValid'],
  },
  {
    action: CertificationAction.REVOKE,
    from: S.CERTIFIED,
    to: S.REVOKED,
    actors: [Role.PLATFORM_ADMIN, Role.COORDINATOR],
    guards: ['reasonGiven'],
  },
  { action: CertificationAction.EXPIRE, from: S.CERTIFIED, to: S.EXPIRED, actors: [SYSTEM], guards: ['validityEnded'] },
];

/** The workflow checked and documented by the core state-machine helper (named guards run in CertificationService). */
export const CERTIFICATION_MACHINE = defineStateMachine<CertificationStatus, never, CertificationTransition>({
  name: 'Certification',
  states: Object.values(CertificationStatus),
  transitions: CERTIFICATION_TRANSITIONS,
  message: (from) => `A certification that is ${from ?? 'not yet submitted'} cannot make this move`,
  columns: [
    { header: 'Action', cell: (t) => t.action },
    { header: 'Actors (in scope)', cell: (t) => t.actors.join(', ') },
    { header: 'Guards', cell: (t) => t.guards.join(', ') },
  ],
  label: (t) => t.action,
});

/** What README.md's States section is generated from (`npm run docs:states`). */
export const CERTIFICATION_STATE_MACHINES = [CERTIFICATION_MACHINE];

export function transitionsFor(action: CertificationAction): CertificationTransition[] {
  return CERTIFICATION_TRANSITIONS.filter((t) => t.action === action);
}
