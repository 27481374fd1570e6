// Anomaly findings (libs/oversight): what the rules detected, for auditors to confirm or dismiss.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type {
  AnomalyFindingFieldsFragment,
  AnomalyFindingFilter,
  AnomalyKind,
  AnomalyStatus,
  AnomalySubjectType,
} from './generated/graphql';

export type FindingKind = AnomalyKind;
export type FindingStatus = AnomalyStatus;
export type FindingSubject = AnomalySubjectType;
export type FindingFilterInput = AnomalyFindingFilter;
export type FindingData = AnomalyFindingFieldsFragment;
export type FindingFigure = FindingData['evidence']['figures'][number];
export type AnomalyFindingsData = ResultOf<typeof ANOMALY_FINDINGS>;
export type AnomalyFindingData = ResultOf<typeof ANOMALY_FINDING>;
export type EvidenceOrder = AnomalyFindingData['anomalyFinding']['evidenceOrders'][number];
export type ReviewAnomalyFindingData = ResultOf<typeof REVIEW_ANOMALY_FINDING>;
export const FINDING_KINDS = [
  'PRICE_ABOVE_REFERENCE',
  'SELF_DEALING',
  'CIRCULAR_TRADE',
  'ORDER_BURST',
  'DEADLINE_SPIKE',
  'SPLIT_BASKET',
  'UNCERTIFIED_UNDER_LABEL',
  'ATTRIBUTION_GAP',
  'INCOME_DISPUTE',
] as const satisfies readonly FindingKind[];
export const FINDING_STATUSES = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const satisfies readonly FindingStatus[];
export const FINDING_SUBJECTS = [
  'SUPPLIER',
  'BUYER_UNIT',
  'PRODUCT',
  'ORDER',
  'COUNTER',
] as const satisfies readonly FindingSubject[];

export const FIELDS = graphql(`
  fragment AnomalyFindingFields on AnomalyFinding {
    id
    kind
    severity
    status
    subjectType
    subjectId
    subjectLabel
    supplierId
    regionCode
    summary
    detectedVia
    detectedAt
    reviewedAt
    reviewerName
    reviewReason
    excludedFromStatistics
    suspensionProposalId
    evidence {
      figures {
        name
        value
        unit
        text
      }
      orderIds
    }
  }
`);

export const ANOMALY_FINDINGS = graphql(`
  query AnomalyFindings($filter: AnomalyFindingFilter, $first: Int, $after: String) {
    anomalyFindings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AnomalyFindingFields
        }
      }
    }
  }
`);
/** The finding's page: the list's fields and the orders that raised it. */
export const ANOMALY_FINDING_DETAIL = graphql(`
  fragment AnomalyFindingDetail on AnomalyFinding {
    ...AnomalyFindingFields
    evidenceOrders {
      id
      orderNo
      status
      totalAmount
      createdAt
    }
  }
`);
export const ANOMALY_FINDING = graphql(`
  query AnomalyFinding($id: ID!) {
    anomalyFinding(id: $id) {
      ...AnomalyFindingDetail
    }
  }
`);
export const REVIEW_ANOMALY_FINDING = graphql(`
  mutation ReviewAnomalyFinding(
    $id: ID!
    $decision: AnomalyReviewDecision!
    $reason: String!
    $excludeFromStatistics: Boolean
    $proposeSuspension: Boolean
  ) {
    reviewAnomalyFinding(
      id: $id
      decision: $decision
      reason: $reason
      excludeFromStatistics: $excludeFromStatistics
      proposeSuspension: $proposeSuspension
    ) {
      ...AnomalyFindingDetail
    }
  }
`);
/** Only set fields go to the API (an empty select means "any"). */
export function cleanFindingFilter(f: Record<string, string>): FindingFilterInput {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v && v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  ) as FindingFilterInput;
}
