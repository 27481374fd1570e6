// Platform admin console (平台管理): operations the existing modules do not already define.
// Supplier lists, certification lists and orders reuse api/portal.ts and api/ordering.ts.

export const SUPPLIER_ADMISSION_MOVES = {
  approve: /* GraphQL */ `
    mutation ApproveSupplier($supplierId: ID!, $comment: String) {
      approveSupplier(supplierId: $supplierId, comment: $comment) {
        id
        status
      }
    }
  `,
  reject: /* GraphQL */ `
    mutation RejectSupplierAdmin($supplierId: ID!, $reason: String!) {
      rejectSupplier(supplierId: $supplierId, reason: $reason) {
        id
        status
      }
    }
  `,
  suspend: /* GraphQL */ `
    mutation SuspendSupplier($supplierId: ID!, $reason: String!) {
      suspendSupplier(supplierId: $supplierId, reason: $reason) {
        id
        status
      }
    }
  `,
  reinstate: /* GraphQL */ `
    mutation ReinstateSupplier($supplierId: ID!, $comment: String) {
      reinstateSupplier(supplierId: $supplierId, comment: $comment) {
        id
        status
      }
    }
  `,
  revoke: /* GraphQL */ `
    mutation RevokeSupplier($supplierId: ID!, $reason: String!) {
      revokeSupplier(supplierId: $supplierId, reason: $reason) {
        id
        status
      }
    }
  `,
} as const;

export interface CertifyInput {
  certificateNo: string;
  issuer: string;
  batch: string;
  validFrom: string;
  validTo: string;
}

export const CERTIFY_PRODUCT = /* GraphQL */ `
  mutation CertifyProduct($id: ID!, $input: CertifyProductInput!) {
    certifyProduct(id: $id, input: $input) {
      id
      status
      certificateNo
      validFrom
      validTo
    }
  }
`;

export const REVOKE_CERTIFICATION = /* GraphQL */ `
  mutation RevokeCertification($id: ID!, $reason: String!) {
    revokeCertification(id: $id, reason: $reason) {
      id
      status
    }
  }
`;

// ── users and organisations ─────────────────────────────────────────────────────

export interface AdminMembership {
  id: string;
  role: string;
  regionPrefix: string | null;
  organization: { id: string; name: string; kind: string } | null;
}

export interface AdminUser {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  status: string;
  createdAt: string;
  memberships: AdminMembership[];
}

export const USERS = /* GraphQL */ `
  query AdminUsers($search: String, $role: Role, $organizationId: ID, $first: Int) {
    users(search: $search, role: $role, organizationId: $organizationId, first: $first) {
      id
      displayName
      email
      phone
      status
      createdAt
      memberships {
        id
        role
        regionPrefix
        organization {
          id
          name
          kind
        }
      }
    }
  }
`;
export type UsersData = { users: AdminUser[] };

export interface AdminOrganization {
  id: string;
  name: string;
  kind: string;
  status: string;
  creditCode: string | null;
  regionCode: string | null;
  parentId: string | null;
}

export const ORGANIZATIONS = /* GraphQL */ `
  query AdminOrganizations($kind: OrganizationKind) {
    organizations(kind: $kind) {
      id
      name
      kind
      status
      creditCode
      regionCode
      parentId
    }
  }
`;
export type OrganizationsData = { organizations: AdminOrganization[] };

export const CREATE_ORGANIZATION = /* GraphQL */ `
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      kind
      status
      creditCode
      regionCode
      parentId
    }
  }
`;

export const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`;

export const GRANT_MEMBERSHIP = /* GraphQL */ `
  mutation GrantMembership($input: GrantMembershipInput!) {
    grantMembership(input: $input) {
      id
    }
  }
`;

export const REVOKE_MEMBERSHIP = /* GraphQL */ `
  mutation RevokeMembership($id: ID!) {
    revokeMembership(id: $id)
  }
`;

// ── money ───────────────────────────────────────────────────────────────────────

export interface RefundRecord {
  id: string;
  orderId: string;
  amount: number;
  status: string;
  origin: string;
  reason: string | null;
  failure: string | null;
  createdAt: string;
}

export const ORDER_REFUNDS = /* GraphQL */ `
  query AdminOrderRefunds($orderId: ID!) {
    orderRefunds(orderId: $orderId) {
      id
      orderId
      amount
      status
      origin
      reason
      failure
      createdAt
    }
  }
`;

export const REFUND_ORDER = /* GraphQL */ `
  mutation AdminRefundOrder($orderId: ID!, $amount: Money, $reason: String) {
    refundOrder(orderId: $orderId, amount: $amount, reason: $reason) {
      id
      orderId
      amount
      status
      origin
      reason
      failure
      createdAt
    }
  }
`;

export const RECENT_REFUNDS = /* GraphQL */ `
  query RecentRefunds($status: RefundStatus, $first: Int) {
    refunds(status: $status, first: $first) {
      id
      orderId
      amount
      status
      origin
      reason
      failure
      createdAt
    }
  }
`;
export type RecentRefundsData = { refunds: RefundRecord[] };

export interface FlaggedPayment {
  id: string;
  orderId: string;
  amount: number;
  method: string;
  status: string;
  flag: string | null;
  flagReason: string | null;
  createdAt: string;
}

export const FLAGGED_PAYMENTS = /* GraphQL */ `
  query FlaggedPayments {
    flaggedPayments {
      id
      orderId
      amount
      method
      status
      flag
      flagReason
      createdAt
    }
  }
`;
export type FlaggedPaymentsData = { flaggedPayments: FlaggedPayment[] };

export const REFUND_UNMATCHED = /* GraphQL */ `
  mutation RefundUnmatchedPayment($paymentId: ID!) {
    refundUnmatchedPayment(paymentId: $paymentId) {
      id
      status
    }
  }
`;

export interface PayoutBatchRecord {
  id: string;
  status: string;
  totalAmount: number;
  createdAt: string;
  completedAt: string | null;
  csvUrl: string;
  skippedSupplierIds: string[];
  payouts: Array<{ id: string }>;
}

const PAYOUT_BATCH_FIELDS = 'id status totalAmount createdAt completedAt csvUrl skippedSupplierIds payouts { id }';

export const PAYOUT_BATCHES = /* GraphQL */ `
  query PayoutBatches($first: Int) {
    payoutBatches(first: $first) { ${PAYOUT_BATCH_FIELDS} }
  }
`;
export type PayoutBatchesData = { payoutBatches: PayoutBatchRecord[] };

export const CREATE_PAYOUT_BATCH = /* GraphQL */ `
  mutation CreatePayoutBatch { createPayoutBatch { ${PAYOUT_BATCH_FIELDS} } }
`;

export const RETRY_PAYOUT_BATCH = /* GraphQL */ `
  mutation RetryPayoutBatch($batchId: ID!) { retryPayoutBatch(batchId: $batchId) { ${PAYOUT_BATCH_FIELDS} } }
`;

// ── channels and counters ───────────────────────────────────────────────────────

export interface AdminChannel {
  id: string;
  name: string;
  kind: string;
  status: string;
  online: boolean;
  assistanceOnly: boolean;
  address: string;
  deviceId: string | null;
  productCount: number;
  region: { code: string; name: string } | null;
}

const CHANNEL_FIELDS = 'id name kind status online assistanceOnly address deviceId productCount region { code name }';

export const ADMIN_CHANNELS = /* GraphQL */ `
  query AdminChannels { channels(includeDisabled: true) { ${CHANNEL_FIELDS} } }
`;
export type AdminChannelsData = { channels: AdminChannel[] };

export const CREATE_CHANNEL = /* GraphQL */ `
  mutation CreateChannel($input: CreateChannelInput!) {
    createChannel(input: $input) { deviceSecret channel { ${CHANNEL_FIELDS} } }
  }
`;

export const ROTATE_COUNTER_SECRET = /* GraphQL */ `
  mutation RotateCounterSecret($channelId: ID!) {
    rotateCounterSecret(channelId: $channelId) { deviceSecret channel { ${CHANNEL_FIELDS} } }
  }
`;
export type ChannelPayload = { deviceSecret: string | null; channel: AdminChannel };

export const SET_CHANNEL_ENABLED = {
  enable: /* GraphQL */ `mutation EnableChannel($channelId: ID!) { enableChannel(channelId: $channelId) { ${CHANNEL_FIELDS} } }`,
  disable: /* GraphQL */ `mutation DisableChannel($channelId: ID!) { disableChannel(channelId: $channelId) { ${CHANNEL_FIELDS} } }`,
} as const;

export const PLACE_PRODUCT_IN_CHANNEL = /* GraphQL */ `
  mutation PlaceProductInChannel($channelId: ID!, $productId: ID!) {
    placeProductInChannel(channelId: $channelId, productId: $productId) { ${CHANNEL_FIELDS} }
  }
`;

export const PRODUCT_PICK = /* GraphQL */ `
  query AdminProductPick($search: String) {
    products(filter: { search: $search }, first: 10) {
      edges {
        node {
          id
          title
          supplier {
            name
          }
        }
      }
    }
  }
`;
export type ProductPickData = {
  products: { edges: Array<{ node: { id: string; title: string; supplier: { name: string } | null } }> };
};

// ── regions and jurisdictions ───────────────────────────────────────────────────

export interface RegionFlags {
  code: string;
  name: string;
  level: number;
  exPovertyCounty: boolean;
  keyAssistanceCounty: boolean;
}

export const REGION_WITH_FLAGS = /* GraphQL */ `
  query RegionFlags($code: String!) {
    region(code: $code) {
      code
      name
      level
      exPovertyCounty
      keyAssistanceCounty
    }
  }
`;

export const SET_REGION_FLAGS = /* GraphQL */ `
  mutation SetRegionFlags($code: String!, $exPovertyCounty: Boolean, $keyAssistanceCounty: Boolean) {
    setRegionFlags(code: $code, exPovertyCounty: $exPovertyCounty, keyAssistanceCounty: $keyAssistanceCounty) {
      code
      name
      level
      exPovertyCounty
      keyAssistanceCounty
    }
  }
`;

export interface JurisdictionMinimum {
  regionPrefix: string;
  ratioBps: number;
  updatedAt: string;
}

export const JURISDICTION_MINIMUMS = /* GraphQL */ `
  query JurisdictionMinimums {
    jurisdictionMinimums {
      regionPrefix
      ratioBps
      updatedAt
    }
  }
`;
export type JurisdictionMinimumsData = { jurisdictionMinimums: JurisdictionMinimum[] };

export const SET_JURISDICTION_MINIMUM = /* GraphQL */ `
  mutation SetJurisdictionMinimum($regionCode: String!, $ratioBps: Int!) {
    setJurisdictionMinimum(regionCode: $regionCode, ratioBps: $ratioBps) {
      regionPrefix
      ratioBps
      updatedAt
    }
  }
`;

// ── failed jobs (dead-letter list) ──────────────────────────────────────────────

export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  data: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
  timestamp: string;
}

export const FAILED_JOBS = /* GraphQL */ `
  query FailedJobs($queue: String) {
    jobQueues {
      name
      failed
    }
    failedJobs(first: 100, queue: $queue) {
      id
      queue
      name
      data
      failedReason
      attemptsMade
      failedAt
      timestamp
    }
  }
`;
export type FailedJobsData = { jobQueues: Array<{ name: string; failed: number }>; failedJobs: FailedJob[] };

export const RETRY_FAILED_JOB = /* GraphQL */ `
  mutation RetryFailedJob($id: ID!, $queue: String!) {
    retryFailedJob(id: $id, queue: $queue)
  }
`;
export const DISCARD_FAILED_JOB = /* GraphQL */ `
  mutation DiscardFailedJob($id: ID!, $queue: String!) {
    discardFailedJob(id: $id, queue: $queue)
  }
`;
