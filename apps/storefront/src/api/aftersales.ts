// After-sales (售后): ratings, complaints (photos over REST), scorecards and suspension proposals.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';
import { RequestError } from '../lib/graphql';
import { postFile, restFetch } from './rest';

import type { ComplaintFieldsFragment, ComplaintKind } from './generated/graphql';
export type { ComplaintKind, ComplaintRemedy, ComplaintStatus } from './generated/graphql';

export type ComplaintData = ComplaintFieldsFragment;
export type ComplaintPhotoData = ComplaintData['photos'][number];
export type ComplaintsData = ResultOf<typeof COMPLAINTS>;
export type OrderAftersalesData = ResultOf<typeof ORDER_AFTERSALES>;
export type RatingData = OrderAftersalesData['orderRatings'][number];
export type ScorecardData = ResultOf<typeof SUPPLIER_SCORECARD>;
export type SuspensionProposalsData = ResultOf<typeof SUSPENSION_PROPOSALS>;
export type SuspensionProposalData = SuspensionProposalsData['supplierSuspensionProposals']['edges'][number]['node'];

export const COMPLAINT_KINDS = [
  'QUALITY',
  'QUANTITY',
  'PRICE',
  'FALSE_ORIGIN',
  'DELIVERY',
] as const satisfies readonly ComplaintKind[];

export const COMPLAINT_FIELDS = graphql(`
  fragment ComplaintFields on Complaint {
    id
    orderId
    orderNo
    supplierOrderId
    supplierId
    supplierName
    regionCode
    kind
    description
    status
    supplierAnswer
    answeredAt
    remedy
    refundAmount
    refundableAmount
    decisionReason
    decidedAt
    createdAt
    canDecide
    photos {
      id
      url
      contentType
      sizeBytes
    }
  }
`);

export const COMPLAINTS = graphql(`
  query Complaints($filter: ComplaintFilterInput, $first: Int, $after: String) {
    complaints(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ComplaintFields
        }
      }
    }
  }
`);
/** A buyer's rating of one supplier's part of an order. */
export const RATING_FIELDS = graphql(`
  fragment RatingFields on SupplierRating {
    id
    supplierOrderId
    score
    comment
    createdAt
  }
`);

export const ORDER_AFTERSALES = graphql(`
  query OrderAftersales($orderId: ID!) {
    orderRatings(orderId: $orderId) {
      ...RatingFields
    }
    complaints(filter: { orderId: $orderId }, first: 100) {
      edges {
        node {
          ...ComplaintFields
        }
      }
    }
  }
`);
export const RATE_SUPPLIER_ORDER = graphql(`
  mutation RateSupplierOrder($supplierOrderId: ID!, $score: Int!, $comment: String) {
    rateSupplierOrder(supplierOrderId: $supplierOrderId, score: $score, comment: $comment) {
      ...RatingFields
    }
  }
`);
export const OPEN_COMPLAINT = graphql(`
  mutation OpenComplaint($input: OpenComplaintInput!) {
    openComplaint(input: $input) {
      ...ComplaintFields
    }
  }
`);
export const ANSWER_COMPLAINT = graphql(`
  mutation AnswerComplaint($id: ID!, $answer: String!) {
    answerComplaint(id: $id, answer: $answer) {
      ...ComplaintFields
    }
  }
`);
export const DECIDE_COMPLAINT = graphql(`
  mutation DecideComplaint($id: ID!, $input: DecideComplaintInput!) {
    decideComplaint(id: $id, input: $input) {
      ...ComplaintFields
    }
  }
`);

export const SUPPLIER_SCORECARD = graphql(`
  query SupplierScorecard($supplierId: ID!) {
    supplierScorecard(supplierId: $supplierId) {
      ratingAverage
      ratingCount
      deliveredOrders
      complaintCount
      openComplaints
      complaintRateBps
      upheldComplaints
      upheldRecent
      upheldWindowDays
      shippedOrders
      onTimeShipped
      onTimeShippingBps
      onTimeShippingHours
      warnings {
        id
        ruleCode
        level
        reason
        createdAt
      }
    }
  }
`);

export const SUSPENSION_PROPOSALS = graphql(`
  query SuspensionProposals($status: SuspensionProposalStatus) {
    supplierSuspensionProposals(status: $status, first: 100) {
      edges {
        node {
          id
          supplierId
          supplierName
          supplierStatus
          source
          reason
          status
          proposedAt
          decidedAt
          decisionReason
        }
      }
    }
  }
`);
export const DECIDE_SUSPENSION_PROPOSAL = graphql(`
  mutation DecideSuspensionProposal($id: ID!, $decision: SuspensionDecision!, $reason: String!) {
    decideSupplierSuspensionProposal(id: $id, decision: $decision, reason: $reason) {
      id
      status
      supplierStatus
      decidedAt
      decisionReason
    }
  }
`);

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What is wrong with a photo before it is sent (the server checks again, by signature). */
export function checkPhotoFile(file: { type: string; size: number }): 'type' | 'size' | 'empty' | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
}

export async function uploadComplaintPhoto(complaintId: string, file: File): Promise<ComplaintPhotoData> {
  const problem = checkPhotoFile(file);
  if (problem === 'size') throw new RequestError('IMAGE_TOO_LARGE', `${file.size} > ${MAX_PHOTO_BYTES}`);
  if (problem) throw new RequestError('INVALID_IMAGE_TYPE', file.type || 'empty');
  return postFile<ComplaintPhotoData>(`/files/complaints/${encodeURIComponent(complaintId)}/photos`, file, {
    named: false,
  });
}

/** A photo as a blob URL (the route wants the bearer token, which an <img src> cannot send). */
export async function complaintPhotoBlobUrl(url: string): Promise<string> {
  const res = await restFetch(url);
  return URL.createObjectURL(await res.blob());
}
