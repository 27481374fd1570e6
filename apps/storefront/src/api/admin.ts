// Platform admin console (平台管理): operations the existing modules do not already define.
// Supplier lists, certification lists and orders reuse api/portal.ts and api/ordering.ts.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type { ChannelFieldsFragment, PayoutBatchFieldsFragment } from './generated/graphql';
export type { CertifyProductInput as CertifyInput } from './generated/graphql';

export type AdminUser = UsersData['users'][number];
export type AdminMembership = AdminUser['memberships'][number];
export type AdminOrganization = OrganizationsData['organizations'][number];
export type RefundRecord = ResultOf<typeof ORDER_REFUNDS>['orderRefunds'][number];
export type FlaggedPayment = FlaggedPaymentsData['flaggedPayments'][number];
export type PayoutBatchRecord = PayoutBatchFieldsFragment;
export type AdminChannel = ChannelFieldsFragment;
export type ChannelPayload = ResultOf<typeof CREATE_CHANNEL>['createChannel'];
export type ProductPickData = ResultOf<typeof PRODUCT_PICK>;
export type RegionFlags = NonNullable<ResultOf<typeof REGION_WITH_FLAGS>['region']>;
export type JurisdictionMinimum = JurisdictionMinimumsData['jurisdictionMinimums'][number];
export type FailedJob = FailedJobsData['failedJobs'][number];
export type FailedJobsData = ResultOf<typeof FAILED_JOBS>;

export const SUPPLIER_ADMISSION_MOVES = {
  approve: graphql(`
    mutation ApproveSupplier($supplierId: ID!, $comment: String) {
      approveSupplier(supplierId: $supplierId, comment: $comment) {
        id
        status
      }
    }
  `),
  reject: graphql(`
    mutation RejectSupplierAdmin($supplierId: ID!, $reason: String!) {
      rejectSupplier(supplierId: $supplierId, reason: $reason) {
        id
        status
      }
    }
  `),
  suspend: graphql(`
    mutation SuspendSupplier($supplierId: ID!, $reason: String!) {
      suspendSupplier(supplierId: $supplierId, reason: $reason) {
        id
        status
      }
    }
  `),
  reinstate: graphql(`
    mutation ReinstateSupplier($supplierId: ID!, $comment: String) {
      reinstateSupplier(supplierId: $supplierId, comment: $comment) {
        id
        status
      }
    }
  `),
  revoke: graphql(`
    mutation RevokeSupplier($supplierId: ID!, $reason: String!) {
      revokeSupplier(supplierId: $supplierId, reason: $reason) {
        id
        status
      }
    }
  `),
} as const;

export const CERTIFY_PRODUCT = graphql(`
  mutation CertifyProduct($id: ID!, $input: CertifyProductInput!) {
    certifyProduct(id: $id, input: $input) {
      id
      status
      certificateNo
      validFrom
      validTo
    }
  }
`);

export const REVOKE_CERTIFICATION = graphql(`
  mutation RevokeCertification($id: ID!, $reason: String!) {
    revokeCertification(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

// ── users and organisations ─────────────────────────────────────────────────────

export const USERS = graphql(`
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
`);
export type UsersData = ResultOf<typeof USERS>;

/** An organisation as the admin console lists and creates it. */
export const ORGANIZATION_FIELDS = graphql(`
  fragment OrganizationFields on Organization {
    id
    name
    kind
    status
    creditCode
    regionCode
    parentId
  }
`);

export const ORGANIZATIONS = graphql(`
  query AdminOrganizations($kind: OrganizationKind) {
    organizations(kind: $kind) {
      ...OrganizationFields
    }
  }
`);
export type OrganizationsData = ResultOf<typeof ORGANIZATIONS>;

export const CREATE_ORGANIZATION = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...OrganizationFields
    }
  }
`);

export const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

export const GRANT_MEMBERSHIP = graphql(`
  mutation GrantMembership($input: GrantMembershipInput!) {
    grantMembership(input: $input) {
      id
    }
  }
`);

export const REVOKE_MEMBERSHIP = graphql(`
  mutation RevokeMembership($id: ID!) {
    revokeMembership(id: $id)
  }
`);

// ── money ───────────────────────────────────────────────────────────────────────

/** A refund as the admin console lists it. */
export const REFUND_FIELDS = graphql(`
  fragment RefundFields on PaymentRefund {
    id
    orderId
    amount
    status
    origin
    reason
    failure
    createdAt
  }
`);

export const ORDER_REFUNDS = graphql(`
  query AdminOrderRefunds($orderId: ID!) {
    orderRefunds(orderId: $orderId) {
      ...RefundFields
    }
  }
`);

export const REFUND_ORDER = graphql(`
  mutation AdminRefundOrder($orderId: ID!, $amount: Money, $reason: String) {
    refundOrder(orderId: $orderId, amount: $amount, reason: $reason) {
      ...RefundFields
    }
  }
`);

export const RECENT_REFUNDS = graphql(`
  query RecentRefunds($status: RefundStatus, $first: Int) {
    refunds(status: $status, first: $first) {
      ...RefundFields
    }
  }
`);
export type RecentRefundsData = ResultOf<typeof RECENT_REFUNDS>;

export const FLAGGED_PAYMENTS = graphql(`
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
`);
export type FlaggedPaymentsData = ResultOf<typeof FLAGGED_PAYMENTS>;

export const REFUND_UNMATCHED = graphql(`
  mutation RefundUnmatchedPayment($paymentId: ID!) {
    refundUnmatchedPayment(paymentId: $paymentId) {
      id
      status
    }
  }
`);

export const PAYOUT_BATCH_FIELDS = graphql(`
  fragment PayoutBatchFields on PayoutBatch {
    id
    status
    totalAmount
    createdAt
    completedAt
    csvUrl
    skippedSupplierIds
    payouts {
      id
    }
  }
`);

export const PAYOUT_BATCHES = graphql(`
  query PayoutBatches($first: Int) {
    payoutBatches(first: $first) {
      ...PayoutBatchFields
    }
  }
`);
export type PayoutBatchesData = ResultOf<typeof PAYOUT_BATCHES>;

export const CREATE_PAYOUT_BATCH = graphql(`
  mutation CreatePayoutBatch {
    createPayoutBatch {
      ...PayoutBatchFields
    }
  }
`);

export const RETRY_PAYOUT_BATCH = graphql(`
  mutation RetryPayoutBatch($batchId: ID!) {
    retryPayoutBatch(batchId: $batchId) {
      ...PayoutBatchFields
    }
  }
`);

// ── channels and counters ───────────────────────────────────────────────────────

export const CHANNEL_FIELDS = graphql(`
  fragment ChannelFields on Channel {
    id
    name
    kind
    status
    online
    assistanceOnly
    address
    deviceId
    productCount
    region {
      code
      name
    }
  }
`);

export const ADMIN_CHANNELS = graphql(`
  query AdminChannels {
    channels(includeDisabled: true) {
      ...ChannelFields
    }
  }
`);
export type AdminChannelsData = ResultOf<typeof ADMIN_CHANNELS>;

export const CREATE_CHANNEL = graphql(`
  mutation CreateChannel($input: CreateChannelInput!) {
    createChannel(input: $input) {
      deviceSecret
      channel {
        ...ChannelFields
      }
    }
  }
`);

export const ROTATE_COUNTER_SECRET = graphql(`
  mutation RotateCounterSecret($channelId: ID!) {
    rotateCounterSecret(channelId: $channelId) {
      deviceSecret
      channel {
        ...ChannelFields
      }
    }
  }
`);
export const SET_CHANNEL_ENABLED = {
  enable: graphql(`
    mutation EnableChannel($channelId: ID!) {
      enableChannel(channelId: $channelId) {
        ...ChannelFields
      }
    }
  `),
  disable: graphql(`
    mutation DisableChannel($channelId: ID!) {
      disableChannel(channelId: $channelId) {
        ...ChannelFields
      }
    }
  `),
} as const;

export const PLACE_PRODUCT_IN_CHANNEL = graphql(`
  mutation PlaceProductInChannel($channelId: ID!, $productId: ID!) {
    placeProductInChannel(channelId: $channelId, productId: $productId) {
      ...ChannelFields
    }
  }
`);

export const PRODUCT_PICK = graphql(`
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
`);
// ── regions and jurisdictions ───────────────────────────────────────────────────

export const REGION_WITH_FLAGS = graphql(`
  query RegionFlags($code: String!) {
    region(code: $code) {
      ...RegionFields
    }
  }
`);

export const SET_REGION_FLAGS = graphql(`
  mutation SetRegionFlags($code: String!, $exPovertyCounty: Boolean, $keyAssistanceCounty: Boolean) {
    setRegionFlags(code: $code, exPovertyCounty: $exPovertyCounty, keyAssistanceCounty: $keyAssistanceCounty) {
      ...RegionFields
    }
  }
`);

export const JURISDICTION_MINIMUMS = graphql(`
  query JurisdictionMinimums {
    jurisdictionMinimums {
      regionPrefix
      ratioBps
      updatedAt
    }
  }
`);
export type JurisdictionMinimumsData = ResultOf<typeof JURISDICTION_MINIMUMS>;

export const SET_JURISDICTION_MINIMUM = graphql(`
  mutation SetJurisdictionMinimum($regionCode: String!, $ratioBps: Int!) {
    setJurisdictionMinimum(regionCode: $regionCode, ratioBps: $ratioBps) {
      regionPrefix
      ratioBps
      updatedAt
    }
  }
`);

// ── failed jobs (dead-letter list) ──────────────────────────────────────────────

export const FAILED_JOBS = graphql(`
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
`);
export const RETRY_FAILED_JOB = graphql(`
  mutation RetryFailedJob($id: ID!, $queue: String!) {
    retryFailedJob(id: $id, queue: $queue)
  }
`);
export const DISCARD_FAILED_JOB = graphql(`
  mutation DiscardFailedJob($id: ID!, $queue: String!) {
    discardFailedJob(id: $id, queue: $queue)
  }
`);
