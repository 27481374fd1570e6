// Agency procurement (libs/procurement): reserved-share filing (预留份额), purchase requests and
// approvals, completion (一个口径). Amounts are fen, ratios basis points (1000 = 10%).
import type { ConnectionPage } from '../lib/use-connection';

export const CANTEEN_MODES = ['OWN', 'SHARED', 'OUTSOURCED', 'NONE'] as const;
export const PURCHASE_TERMS = ['PREPAY', 'ON_DELIVERY'] as const;
export interface FilingData {
  id: string;
  orgId: string;
  year: number;
  canteenMode: string;
  canteenBudget: number;
  ratioBps: number;
  minimumBps: number;
  reservedAmount: number;
  catererName: string | null;
  coveredOrgIds: string[];
  deadline: string;
  late: boolean;
  version: number;
  decreaseReason: string | null;
  amendments: Array<{ version: number; kind: string; reason: string | null; createdAt: string }>;
}

export interface ReservedShareData {
  orgId: string;
  year: number;
  minimumBps: number;
  reservedAmount: number;
  countedAmount: number;
  pendingAmount: number;
  uncertifiedAmount: number;
  tradeUnionAmount: number;
  completionBasisPoints: number | null;
  completionPercent: number | null;
  monthly: Array<{ month: number; countedAmount: number }>;
  filing: FilingData | null;
}

const FILING_FIELDS = /* GraphQL */ `
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
`;

export const RESERVED_SHARE = /* GraphQL */ `
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
  ${FILING_FIELDS}
`;
export type ReservedShareQueryData = { reservedShare: ReservedShareData };

export interface UnitCompletionData {
  rank: number;
  orgId: string;
  name: string;
  canteenMode: string | null;
  reservedAmount: number;
  countedAmount: number;
  pendingAmount: number;
  completionBasisPoints: number | null;
  completionPercent: number | null;
}

export const SUBORDINATE_COMPLETION = /* GraphQL */ `
  query SubordinateCompletion($orgId: ID!, $year: Int!) {
    subordinateCompletion(orgId: $orgId, year: $year) {
      rank
      orgId
      name
      canteenMode
      reservedAmount
      countedAmount
      pendingAmount
      completionBasisPoints
      completionPercent
    }
  }
`;
export type SubordinateCompletionData = { subordinateCompletion: UnitCompletionData[] };

export const FILE_RESERVED_SHARE = /* GraphQL */ `
  mutation FileReservedShare($input: FileReservedShareInput!) {
    fileReservedShare(input: $input) {
      ...FilingFields
    }
  }
  ${FILING_FIELDS}
`;

export const AMEND_RESERVED_SHARE = /* GraphQL */ `
  mutation AmendReservedShare($input: AmendReservedShareInput!) {
    amendReservedShare(input: $input) {
      ...FilingFields
    }
  }
  ${FILING_FIELDS}
`;

export const REQUEST_EXEMPTION = /* GraphQL */ `
  mutation RequestExemption($input: RequestExemptionInput!) {
    requestExemption(input: $input) {
      id
      status
      ratioBps
      minimumBps
    }
  }
`;

export interface ExemptionData {
  id: string;
  year: number;
  ratioBps: number;
  minimumBps: number;
  status: string;
  reason: string;
  decisionComment: string | null;
}
export const EXEMPTIONS = /* GraphQL */ `
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
`;
export type ExemptionsData = { reservedShareExemptions: ExemptionData[] };

export interface BasketPreviewData {
  totalAmount: number;
  spendingLimit: number;
  withinLimit: boolean;
  approvalRequired: boolean;
}
export const PREVIEW_BASKET = /* GraphQL */ `
  query PreviewBasket($input: BasketInput!) {
    previewBasket(input: $input) {
      totalAmount
      spendingLimit
      withinLimit
      approvalRequired
    }
  }
`;
export type PreviewBasketData = { previewBasket: BasketPreviewData };

export interface PurchaseRequestData {
  id: string;
  requestNo: string;
  orgId: string;
  purchaserUserId: string;
  /** Who asked (display name). */
  purchaserName: string;
  orderId: string;
  orderNo: string;
  orderStatus: string;
  status: string;
  terms: string;
  justification: string;
  totalAmount: number;
  spendingLimit: number;
  autoApproved: boolean;
  splitSuspected: boolean;
  poNumber: string | null;
  poUrl: string | null;
  decisionComment: string | null;
  createdAt: string;
  lines: Array<{
    variantId: string;
    productTitle: string;
    spec: string;
    unit: string;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
  }>;
}

const REQUEST_FIELDS = /* GraphQL */ `
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
`;

export const PURCHASE_REQUESTS = /* GraphQL */ `
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
  ${REQUEST_FIELDS}
`;
export type PurchaseRequestsData = { purchaseRequests: ConnectionPage<PurchaseRequestData> };

export const SUBMIT_PURCHASE_REQUEST = /* GraphQL */ `
  mutation SubmitPurchaseRequest($input: SubmitPurchaseRequestInput!) {
    submitPurchaseRequest(input: $input) {
      __typename
      ... on PurchaseRequest {
        ...PurchaseRequestFields
      }
      ... on InsufficientStockError {
        code
        message
        variantId
        requested
        available
      }
      ... on ProductUnavailableError {
        code
        message
        variantId
        reason
      }
      ... on CertificationInvalidError {
        code
        message
        variantId
        productId
        certificationStatus
      }
      ... on InvalidOrderInputError {
        code
        message
        field
      }
    }
  }
  ${REQUEST_FIELDS}
`;
export type SubmitPurchaseRequestData = {
  submitPurchaseRequest:
    | ({ __typename: 'PurchaseRequest' } & PurchaseRequestData)
    | { __typename: string; code: string; message: string; variantId?: string };
};

export const APPROVE_PURCHASE_REQUEST = /* GraphQL */ `
  mutation ApprovePurchaseRequest($id: ID!, $comment: String) {
    approvePurchaseRequest(id: $id, comment: $comment) {
      ...PurchaseRequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export const REJECT_PURCHASE_REQUEST = /* GraphQL */ `
  mutation RejectPurchaseRequest($id: ID!, $reason: String!) {
    rejectPurchaseRequest(id: $id, reason: $reason) {
      ...PurchaseRequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export interface UnitMemberData {
  userId: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  spendingLimit: number | null;
  approvalLimit: number | null;
}
export const UNIT_MEMBERS = /* GraphQL */ `
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
`;
export type UnitMembersData = { unitMembers: UnitMemberData[] };

export const SET_SPENDING_LIMIT = /* GraphQL */ `
  mutation SetSpendingLimit($userId: ID!, $amount: Money!, $orgId: ID) {
    setSpendingLimit(userId: $userId, amount: $amount, orgId: $orgId) {
      userId
      kind
      amount
    }
  }
`;
export const SET_APPROVAL_LIMIT = /* GraphQL */ `
  mutation SetApprovalLimit($userId: ID!, $amount: Money!, $orgId: ID) {
    setApprovalLimit(userId: $userId, amount: $amount, orgId: $orgId) {
      userId
      kind
      amount
    }
  }
`;

export interface ProcurementPolicyData {
  orgId: string;
  skipApprovalBelowLimit: boolean;
  splitWindowMinutes: number;
}
export const PROCUREMENT_POLICY = /* GraphQL */ `
  query ProcurementPolicy($orgId: ID!) {
    procurementPolicy(orgId: $orgId) {
      orgId
      skipApprovalBelowLimit
      splitWindowMinutes
    }
  }
`;
export const SET_PROCUREMENT_POLICY = /* GraphQL */ `
  mutation SetProcurementPolicy($orgId: ID!, $input: ProcurementPolicyInput!) {
    setProcurementPolicy(orgId: $orgId, input: $input) {
      orgId
      skipApprovalBelowLimit
      splitWindowMinutes
    }
  }
`;
