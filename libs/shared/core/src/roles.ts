/** Roles from DESIGN.md. A membership gives a user one role in one organisation. */
export enum Role {
  PURCHASER = 'PURCHASER',
  APPROVER = 'APPROVER',
  AGENCY_ADMIN = 'AGENCY_ADMIN',
  SUPPLIER_ADMIN = 'SUPPLIER_ADMIN',
  SUPPLIER_STAFF = 'SUPPLIER_STAFF',
  FARMER = 'FARMER',
  COORDINATOR = 'COORDINATOR',
  AUDITOR = 'AUDITOR',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  CUSTOMER = 'CUSTOMER',
}

export enum OrganizationKind {
  AGENCY = 'AGENCY',
  SUPPLIER = 'SUPPLIER',
  COORDINATION_OFFICE = 'COORDINATION_OFFICE',
  PLATFORM = 'PLATFORM',
}

/** Which organisation kinds a role may be held in: a rule table, checked when memberships are granted. */
export const ROLE_ORGANIZATION_KIND: Record<Role, OrganizationKind | null> = {
  [Role.PURCHASER]: OrganizationKind.AGENCY,
  [Role.APPROVER]: OrganizationKind.AGENCY,
  [Role.AGENCY_ADMIN]: OrganizationKind.AGENCY,
  [Role.SUPPLIER_ADMIN]: OrganizationKind.SUPPLIER,
  [Role.SUPPLIER_STAFF]: OrganizationKind.SUPPLIER,
  [Role.FARMER]: OrganizationKind.SUPPLIER,
  [Role.COORDINATOR]: OrganizationKind.COORDINATION_OFFICE,
  [Role.AUDITOR]: OrganizationKind.COORDINATION_OFFICE,
  [Role.PLATFORM_ADMIN]: OrganizationKind.PLATFORM,
  [Role.CUSTOMER]: null,
};

/** Roles whose data access is limited to a region code prefix. */
export const REGION_SCOPED_ROLES: ReadonlySet<Role> = new Set([Role.COORDINATOR, Role.AUDITOR]);

/**
 * Everyone who may have a stake in a trade (order, complaint): buyers, the approving side, suppliers, and the
 * region's coordinators and auditors and the platform — every role but FARMER. This only opens the endpoint:
 * which orders each one sees is decided by the scope checks and SQL filters behind it.
 */
export const TRADE_READERS: readonly Role[] = [
  Role.CUSTOMER,
  Role.PURCHASER,
  Role.APPROVER,
  Role.AGENCY_ADMIN,
  Role.SUPPLIER_ADMIN,
  Role.SUPPLIER_STAFF,
  Role.COORDINATOR,
  Role.AUDITOR,
  Role.PLATFORM_ADMIN,
];
