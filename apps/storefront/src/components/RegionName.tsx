import { REGION_PATH } from '../api/catalog';
import { regionCodeOf } from '../lib/region-code';
import { useQuery } from '../lib/use-query';

/** A region prefix ('5206') as its path of names (贵州省 › 铜仁市); the prefix itself until known. */
export function RegionName({ prefix }: { prefix: string }) {
  const code = regionCodeOf(prefix);
  const { data } = useQuery(REGION_PATH, { code: code ?? '' }, { skip: !code });
  const path = data?.region?.path;
  return <span title={prefix}>{path?.length ? path.map((r) => r.name).join(' › ') : prefix}</span>;
}
