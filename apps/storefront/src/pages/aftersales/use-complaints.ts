import { COMPLAINTS, type ComplaintData } from '../../api/aftersales';
import type { ComplaintFilterInput } from '../../api/generated/graphql';
import { useQuery } from '../../lib/use-query';

/** The first 100 complaints matching `filter`, and `replace` to show one a card changed without reloading them all. */
export function useComplaints(filter: ComplaintFilterInput) {
  const query = useQuery(COMPLAINTS, { filter, first: 100 });
  const rows = query.data?.complaints.edges.map((e) => e.node) ?? [];
  const replace = (c: ComplaintData) =>
    query.setData((d) =>
      d
        ? {
            complaints: {
              ...d.complaints,
              edges: d.complaints.edges.map((e) => (e.node.id === c.id ? { node: c } : e)),
            },
          }
        : d,
    );
  return { ...query, rows, replace };
}
