interface Origin {
  name: string;
  path: Array<{ name: string; level: number }>;
}

const PROVINCE = 1;
const COUNTY = 3;

/** Where it comes from, briefly: province and county (a village committee's name says little to a shopper). */
export function originLabel(origin: Origin | null | undefined): string {
  if (!origin) return '';
  const county = origin.path.find((r) => r.level === COUNTY);
  const province = origin.path.find((r) => r.level === PROVINCE);
  return county ? [province?.name, county.name].filter(Boolean).join(' ') : origin.name;
}
