// Agency procurement (libs/procurement): reserved-share filing (预留份额), purchase requests and
// approvals, completion (一个口径). Amounts are fen, ratios basis points (1000 = 10%).
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type {
  CanteenMode,
  FilingFieldsFragment,
  PurchaseRequestFieldsFragment,
  PurchaseTerms,
} from './generated/graphql';

export type FilingData = FilingFieldsFragment;
export type ReservedShareData = NonNullable<ReservedShareQueryData['reservedShare']>;
export type UnitCompletionData = SubordinateCompletionData['subordinateCompletion'][number];
export type ExemptionData = ExemptionsData['reservedShareExemptions'][number];
export type BasketPreviewData = PreviewBasketData['previewBasket'];
export type PurchaseRequestData = PurchaseRequestFieldsFragment;
export type SubmitPurchaseRequestData = ResultOf<typeof SUBMIT_PURCHASE_REQUEST>;
export type UnitMemberData = UnitMembersData['unitMembers'][number];
export type ProcurementPolicyData = ResultOf<typeof PROCUREMENT_POLICY>['procurementPolicy'];

export const CANTEEN_MODES = ['OWN', 'SHARED', 'OUTSOURCED', 'NONE'] as const satisfies readonly CanteenMode[];
export const PURCHASE_TERMS = ['PREPAY', 'ON_DELIVERY'] as const satisfies readonly PurchaseTerms[];
export const FILING_FIELDS = graphql(`
  fragment FilingFields on ReservedShareFiling {
    id
    orgId
    year
    canteenMode
    canteenBudget
    ratioBps
    minimumBps
    reservedAmount
    catererName
    coveredOrgIds
    deadline
    late
    version
    decreaseReason
    amendments {
      version
      kind
      reason
      createdAt
    }
  }
`);

export const RESERVED_SHARE = graphql(`
  query ReservedShare($orgId: ID!, $year: Int!) {
    reservedShare(orgId: $orgId, year: $year) {
      orgId
      year
      minimumBps
      reservedAmount
      countedAmount
      pendingAmount
      uncertifiedAmount
      tradeUnionAmount
      completionBasisPoints
      completionPercent
      monthly {
        month
        countedAmount
      }
      filing {
        ...FilingFields
      }
    }
  }
`);
export type ReservedShareQueryData = ResultOf<typeof RESERVED_SHARE>;

/** A unit's place in a completion ranking: its superior's subordinates, or a region's units (statistics). */
export const UNIT_COMPLETION_FIELDS = graphql(`
  fragment UnitCompletionFields on UnitCompletion {
    rank
    orgId
    name
    reservedAmount
    countedAmount
    pendingAmount
    completionBasisPoints
    completionPercent
  }
`);

export const SUBORDINATE_COMPLETION = graphql(`
  query SubordinateCompletion($orgId: ID!, $year: Int!) {
    subordinateCompletion(orgId: $orgId, year: $year) {
      ...UnitCompletionFields
      canteenMode
    }
  }
`);
export type SubordinateCompletionData = ResultOf<typeof SUBORDINATE_COMPLETION>;

export const FILE_RESERVED_SHARE = graphql(`
  mutation FileReservedShare($input: FileReservedShareInput!) {
    fileReservedShare(input: $input) {
      ...FilingFields
    }
  }
`);

export const AMEND_RESERVED_SHARE = graphql(`
  mutation AmendReservedShare($input: AmendReservedShareInput!) {
    amendReservedShare(input: $input) {
      ...FilingFields
    }
  }
`);

export const REQUEST_EXEMPTION = graphql(`
  mutation RequestExemption($input: RequestExemptionInput!) {
    requestExemption(input: $input) {
      id
      status
      ratioBps
      minimumBps
    }
  }
`);

export const EXEMPTIONS = graphql(`
  query Exemptions($filter: ExemptionFilter) {
    reservedShareExemptions(filter: $filter) {
      id
      year
      ratioBps
      minimumBps
      status
      reason
      decisionComment
    }
  }
`);
export type ExemptionsData = ResultOf<typeof EXEMPTIONS>;

export const PREVIEW_BASKET = graphql(`
  query PreviewBasket($input: BasketInput!) {
    previewBasket(input: $input) {
      totalAmount
      spendingLimit
      withinLimit
      approvalRequired
    }
  }
`);
export type PreviewBasketData = ResultOf<typeof PREVIEW_BASKET>;

export const REQUEST_FIELDS = graphql(`
  fragment PurchaseRequestFields on PurchaseRequest {
    id
    requestNo
    orgId
    purchaserUserId
    purchaserName
    orderId
    orderNo
    orderStatus
    status
    terms
    justification
    totalAmount
    spendingLimit
    autoApproved
    splitSuspected
    poNumber
    poUrl
    decisionComment
    createdAt
    lines {
      variantId
      productTitle
      spec
      unit
      unitPrice
      quantity
      lineTotal
    }
  }
`);

export const PURCHASE_REQUESTS = graphql(`
  query PurchaseRequests($filter: PurchaseRequestFilter, $first: Int, $after: String) {
    purchaseRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PurchaseRequestFields
        }
      }
    }
  }
`);
export type PurchaseRequestsData = ResultOf<typeof PURCHASE_REQUESTS>;

export const SUBMIT_PURCHASE_REQUEST = graphql(`
  mutation SubmitPurchaseRequest($input: SubmitPurchaseRequestInput!) {
    submitPurchaseRequest(input: $input) {
      __typename
      ... on PurchaseRequest {
        ...PurchaseRequestFields
      }
      ...InsufficientStock
      ...ProductUnavailable
      ...CertificationInvalid
      ...InvalidOrderInput
    }
  }
`);
export const APPROVE_PURCHASE_REQUEST = graphql(`
  mutation ApprovePurchaseRequest($id: ID!, $comment: String) {
    approvePurchaseRequest(id: $id, comment: $comment) {
      ...PurchaseRequestFields
    }
  }
`);

export const REJECT_PURCHASE_REQUEST = graphql(`
  mutation RejectPurchaseRequest($id: ID!, $reason: String!) {
    rejectPurchaseRequest(id: $id, reason: $reason) {
      ...PurchaseRequestFields
    }
  }
`);

export const UNIT_MEMBERS = graphql(`
  query UnitMembers($orgId: ID!) {
    unitMembers(orgId: $orgId) {
      userId
      displayName
      phone
      roles
      spendingLimit
      approvalLimit
    }
  }
`);
export type UnitMembersData = ResultOf<typeof UNIT_MEMBERS>;

export const SET_SPENDING_LIMIT = graphql(`
  mutation SetSpendingLimit($userId: ID!, $amount: Money!, $orgId: ID) {
    setSpendingLimit(userId: $userId, amount: $amount, orgId: $orgId) {
      userId
      kind
      amount
    }
  }
`);
export const SET_APPROVAL_LIMIT = graphql(`
  mutation SetApprovalLimit($userId: ID!, $amount: Money!, $orgId: ID) {
    setApprovalLimit(userId: $userId, amount: $amount, orgId: $orgId) {
      userId
      kind
      amount
    }
  }
`);

export const PROCUREMENT_POLICY = graphql(`
  query ProcurementPolicy($orgId: ID!) {
    procurementPolicy(orgId: $orgId) {
      orgId
      skipApprovalBelowLimit
      splitWindowMinutes
    }
  }
`);
export const SET_PROCUREMENT_POLICY = graphql(`
  mutation SetProcurementPolicy($orgId: ID!, $input: ProcurementPolicyInput!) {
    setProcurementPolicy(orgId: $orgId, input: $input) {
      orgId
      skipApprovalBelowLimit
      splitWindowMinutes
    }
  }
`);
