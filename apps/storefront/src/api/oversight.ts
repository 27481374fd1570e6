// Anomaly findings (libs/oversight): what the rules detected, for auditors to confirm or dismiss.
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
] as const;
export const FINDING_STATUSES = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const;
export const FINDING_SUBJECTS = ['SUPPLIER', 'BUYER_UNIT', 'PRODUCT', 'ORDER', 'COUNTER'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export type FindingSubject = (typeof FINDING_SUBJECTS)[number];

export interface FindingFigure {
  name: string;
  value: number;
  unit: 'FEN' | 'BPS' | 'COUNT' | 'UNITS' | 'MINUTES' | 'DAYS' | 'TEXT' | string;
  text: string | null;
}

export interface FindingData {
  id: string;
  kind: FindingKind;
  severity: 'LOW' | 'MEDIUM' | 'HIGH';
  status: FindingStatus;
  subjectType: FindingSubject;
  subjectId: string;
  subjectLabel: string;
  supplierId: string | null;
  regionCode: string;
  summary: string;
  detectedVia: string;
  detectedAt: string;
  reviewedAt: string | null;
  reviewerName: string | null;
  reviewReason: string | null;
  excludedFromStatistics: boolean;
  suspensionProposalId: string | null;
  evidence: { figures: FindingFigure[]; orderIds: string[] };
}

export interface EvidenceOrder {
  id: string;
  orderNo: string;
  status: string;
  totalAmount: number;
  createdAt: string;
}

export interface FindingFilterInput {
  status?: FindingStatus | null;
  kind?: FindingKind | null;
  subjectType?: FindingSubject | null;
  regionCode?: string | null;
}

const FIELDS = `id kind severity status subjectType subjectId subjectLabel supplierId regionCode summary detectedVia detectedAt
  reviewedAt reviewerName reviewReason excludedFromStatistics suspensionProposalId evidence { figures { name value unit text } orderIds }`;

export const ANOMALY_FINDINGS = /* GraphQL */ `
  query AnomalyFindings($filter: AnomalyFindingFilter, $first: Int, $after: String) {
    anomalyFindings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${FIELDS} } }
    }
  }
`;
export interface AnomalyFindingsData {
  anomalyFindings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: FindingData }>;
  };
}

export const ANOMALY_FINDING = /* GraphQL */ `
  query AnomalyFinding($id: ID!) {
    anomalyFinding(id: $id) { ${FIELDS} evidenceOrders { id orderNo status totalAmount createdAt } }
  }
`;
export interface AnomalyFindingData {
  anomalyFinding: FindingData & { evidenceOrders: EvidenceOrder[] };
}

export const REVIEW_ANOMALY_FINDING = /* GraphQL */ `
  mutation ReviewAnomalyFinding($id: ID!, $decision: AnomalyReviewDecision!, $reason: String!, $excludeFromStatistics: Boolean, $proposeSuspension: Boolean) {
    reviewAnomalyFinding(id: $id, decision: $decision, reason: $reason, excludeFromStatistics: $excludeFromStatistics, proposeSuspension: $proposeSuspension) {
      ${FIELDS} evidenceOrders { id orderNo status totalAmount createdAt }
    }
  }
`;
export interface ReviewAnomalyFindingData {
  reviewAnomalyFinding: AnomalyFindingData['anomalyFinding'];
}

/** Only set fields go to the API (an empty select means "any"). */
export function cleanFindingFilter(f: Record<string, string>): FindingFilterInput {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v && v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  ) as FindingFilterInput;
}
