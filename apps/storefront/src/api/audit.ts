// The audit trail (libs/audit): every mutation, webhook, counter report, export and sign-in attempt
// as a hash-chained event; platform admins see all, auditors their region.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

export type { AuditEventFilter as AuditFilterInput } from './generated/graphql';
import type { AuditEventFilter } from './generated/graphql';

export type AuditEventsData = ResultOf<typeof AUDIT_EVENTS>;
export type AuditEventData = AuditEventsData['auditEvents']['edges'][number]['node'];
export type AuditChainStatusData = ResultOf<typeof AUDIT_CHAIN_STATUS>;
export type AuditCheckpointData = AuditChainStatusData['auditChainStatus']['checkpoints'][number];
export type VerifyAuditChainData = ResultOf<typeof VERIFY_AUDIT_CHAIN>;
export const AUDIT_EVENTS = graphql(`
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
`);
export const AUDIT_CHAIN_STATUS = graphql(`
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
`);
export const VERIFY_AUDIT_CHAIN = graphql(`
  query VerifyAuditChain($from: String, $to: String) {
    verifyAuditChain(from: $from, to: $to) {
      ok
      checkedCount
      firstBrokenEventId
    }
  }
`);
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
export function cleanFilter(f: AuditEventFilter): AuditEventFilter {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => [k, (v as string).trim()]),
  );
}
