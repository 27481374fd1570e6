/** The mark: a leaf on a green tile (also the favicon). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--green-700)" />
      <path d="M9 21c0-7 5-11 14-12-1 9-5 14-12 14" fill="var(--wheat)" />
      <path d="M9 23c3-5 6-8 10-10" stroke="var(--green-700)" strokeWidth="1.5" fill="none" strokeLinecap="round" />
    </svg>
  );
}
