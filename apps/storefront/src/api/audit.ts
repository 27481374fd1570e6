// The audit trail (libs/audit): every mutation, webhook, counter report, export and sign-in attempt
// as a hash-chained event; platform admins see all, auditors their region.
export interface AuditEventData {
  id: string;
  seq: number;
  at: string;
  kind: string;
  operation: string;
  outcome: string;
  actorUserId: string | null;
  actorName: string | null;
  actorOrgName: string | null;
  actorRole: string | null;
  entityType: string | null;
  entityId: string | null;
  regionCode: string | null;
  summary: string;
  clientIp: string | null;
  requestId: string;
  hash: string;
  prevHash: string;
}

export interface AuditFilterInput {
  regionCode?: string | null;
  actorId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  operation?: string | null;
  from?: string | null;
  to?: string | null;
}

export const AUDIT_EVENTS = /* GraphQL */ `
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          seq
          at
          kind
          operation
          outcome
          actorUserId
          actorName
          actorOrgName
          actorRole
          entityType
          entityId
          regionCode
          summary
          clientIp
          requestId
          hash
          prevHash
        }
      }
    }
  }
`;
export interface AuditEventsData {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: AuditEventData }>;
  };
}

export const AUDIT_CHAIN_STATUS = /* GraphQL */ `
  query AuditChainStatus {
    auditChainStatus {
      headSeq
      headHash
      checkpoints {
        day
        verifiedAt
        ok
        checkedCount
        firstBrokenEventId
        headSeq
        headHash
      }
    }
  }
`;
export interface AuditCheckpointData {
  day: string;
  verifiedAt: string;
  ok: boolean;
  checkedCount: number;
  firstBrokenEventId: string | null;
  headSeq: number;
  headHash: string;
}
export interface AuditChainStatusData {
  auditChainStatus: { headSeq: number; headHash: string; checkpoints: AuditCheckpointData[] };
}

export const VERIFY_AUDIT_CHAIN = /* GraphQL */ `
  query VerifyAuditChain($from: String, $to: String) {
    verifyAuditChain(from: $from, to: $to) {
      ok
      checkedCount
      firstBrokenEventId
    }
  }
`;
export interface VerifyAuditChainData {
  verifyAuditChain: { ok: boolean; checkedCount: number; firstBrokenEventId: string | null };
}

/** A summary as stored: `{ args, before, after, step }` (JSON text); anything unreadable shows raw. */
export interface AuditSummary {
  args?: unknown;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  step?: number;
}
export function parseSummary(text: string): AuditSummary | null {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as AuditSummary) : null;
  } catch {
    return null;
  }
}

/** The changed fields as rows: field, before, after (JSON text of each value). */
export function changeRows(s: AuditSummary | null): Array<{ field: string; before: string; after: string }> {
  if (!s || (!s.before && !s.after)) return [];
  const keys = [...new Set([...Object.keys(s.before ?? {}), ...Object.keys(s.after ?? {})])].sort();
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys.map((field) => ({ field, before: show(s.before?.[field]), after: show(s.after?.[field]) }));
}

/** Empty fields dropped, so the query sends only what the user filled in. */
export function cleanFilter(f: AuditFilterInput): AuditFilterInput {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
}
