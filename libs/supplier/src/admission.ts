import { defineStateMachine, Role } from '@bangfu/core';
import { SupplierKind, SupplierStatus } from './supplier.entities';

export enum AdmissionAction {
  RECOMMEND = 'RECOMMEND',
  REJECT = 'REJECT',
  APPROVE = 'APPROVE',
  SUSPEND = 'SUSPEND',
  REINSTATE = 'REINSTATE',
  REVOKE = 'REVOKE',
}

/**
 * Who may apply as a supplier: a retail customer (every self-registered account), a user without
 * any role yet, or someone already running a supplier (a trading agent admitting another firm).
 * Officials — purchasers, approvers, coordinators, auditors, platform staff — may not open a supplier
 * they could then buy from, recommend, audit or approve themselves; nor may a supplier's staff or a
 * farmer turn their membership into admin rights over a new organisation.
 */
export const MAY_APPLY_AS_SUPPLIER: ReadonlySet<Role> = new Set([Role.CUSTOMER, Role.SUPPLIER_ADMIN]);

/**
 * The caller's roles that bar this application. A FARMER may apply for a FAMILY_FARM only (issue 14):
 * the household sells its own produce directly, from its own login; a farmer's membership never
 * becomes admin rights over a cooperative, enterprise or trading agent.
 */
export function rolesBarringApplication(roles: readonly Role[], kind: SupplierKind): Role[] {
  return roles.filter(
    (r) => !MAY_APPLY_AS_SUPPLIER.has(r) && !(r === Role.FARMER && kind === SupplierKind.FAMILY_FARM),
  );
}

export interface AdmissionTransition {
  action: AdmissionAction;
  from: SupplierStatus;
  to: SupplierStatus;
  /** Roles allowed to make this move. */
  roles: Role[];
  /** Coordinators must hold a region prefix that covers the supplier's registered county. */
  coordinatorScoped: boolean;
  /** The move lands in a state that only eligible (ex-poverty) suppliers may hold. */
  requiresEligibility: boolean;
  reasonRequired: boolean;
}

const S = SupplierStatus;
const A = AdmissionAction;
const t = (
  action: AdmissionAction,
  from: SupplierStatus,
  to: SupplierStatus,
  roles: Role[],
  extra: Partial<AdmissionTransition> = {},
): AdmissionTransition => ({
  action,
  from,
  to,
  roles,
  coordinatorScoped: roles.includes(Role.COORDINATOR),
  requiresEligibility: to === S.RECOMMENDED || to === S.APPROVED,
  reasonRequired: to === S.REJECTED || to === S.SUSPENDED || to === S.REVOKED,
  ...extra,
});

/** 供应商准入: every allowed move, who may make it and what it needs. Anything not listed is INVALID_TRANSITION. */
export const ADMISSION_TRANSITIONS: readonly AdmissionTransition[] = [
  t(A.RECOMMEND, S.APPLIED, S.RECOMMENDED, [Role.COORDINATOR]),
  t(A.REJECT, S.APPLIED, S.REJECTED, [Role.COORDINATOR]),
  t(A.APPROVE, S.RECOMMENDED, S.APPROVED, [Role.PLATFORM_ADMIN]),
  t(A.REJECT, S.RECOMMENDED, S.REJECTED, [Role.PLATFORM_ADMIN]),
  t(A.SUSPEND, S.APPROVED, S.SUSPENDED, [Role.PLATFORM_ADMIN]),
  t(A.REINSTATE, S.SUSPENDED, S.APPROVED, [Role.PLATFORM_ADMIN]),
  t(A.REVOKE, S.APPROVED, S.REVOKED, [Role.PLATFORM_ADMIN]),
  t(A.REVOKE, S.SUSPENDED, S.REVOKED, [Role.PLATFORM_ADMIN]),
];

const yes = (flag: boolean) => (flag ? 'yes' : '');

/** The admission table checked and documented by the core state-machine helper; a supplier applies into APPLIED. */
export const ADMISSION_MACHINE = defineStateMachine<SupplierStatus, never, AdmissionTransition>({
  name: 'SupplierAdmission',
  states: Object.values(SupplierStatus),
  initial: [S.APPLIED],
  transitions: ADMISSION_TRANSITIONS,
  columns: [
    { header: 'Action', cell: (x) => x.action },
    { header: 'Roles', cell: (x) => x.roles.join(', ') },
    { header: 'Coordinator in region', cell: (x) => yes(x.coordinatorScoped) },
    { header: 'Ex-poverty county', cell: (x) => yes(x.requiresEligibility) },
    { header: 'Reason', cell: (x) => yes(x.reasonRequired) },
  ],
  label: (x) => x.action,
});

/** What README.md's States section is generated from (`npm run docs:states`). */
export const SUPPLIER_STATE_MACHINES = [ADMISSION_MACHINE];

/** Roles that may attempt an action at all (from any state). */
export function rolesFor(action: AdmissionAction): Role[] {
  return [...new Set(ADMISSION_TRANSITIONS.filter((x) => x.action === action).flatMap((x) => x.roles))];
}

/** Notification text per target status (zh-CN first, the UI may translate by kind). */
export const ADMISSION_NOTICE: Record<SupplierStatus, { kind: string; title: string }> = {
  [S.APPLIED]: { kind: 'SUPPLIER_APPLIED', title: '供应商准入申请已提交' },
  [S.RECOMMENDED]: { kind: 'SUPPLIER_RECOMMENDED', title: '已获县级协调机构推荐' },
  [S.APPROVED]: { kind: 'SUPPLIER_APPROVED', title: '供应商准入已通过' },
  [S.REJECTED]: { kind: 'SUPPLIER_REJECTED', title: '供应商准入申请被驳回' },
  [S.SUSPENDED]: { kind: 'SUPPLIER_SUSPENDED', title: '供应商资格已暂停' },
  [S.REVOKED]: { kind: 'SUPPLIER_REVOKED', title: '供应商资格已撤销' },
};
