// Hand-drawn SVG charts (no chart library): a half-circle gauge and monthly bars.
import { barHeights, gaugeArc } from '../lib/agency';

/** Completion as a half-circle gauge; `basisPoints` null shows an empty gauge with "—". */
export function Gauge({ basisPoints, label, caption, testId }: { basisPoints: number | null; label: string; caption?: string; testId?: string }) {
  const fraction = basisPoints === null ? 0 : basisPoints / 10000;
  const text = basisPoints === null ? '—' : `${(basisPoints / 100).toFixed(2)}%`;
  return (
    <figure className="gauge" data-testid={testId}>
      <svg viewBox="0 0 200 120" role="img" aria-label={`${label} ${text}`}>
        <path d={gaugeArc(1)} className="gauge-track" fill="none" strokeWidth="16" strokeLinecap="round" />
        {fraction > 0 && <path d={gaugeArc(fraction)} className="gauge-value" fill="none" strokeWidth="16" strokeLinecap="round" data-testid="gauge-arc" />}
        <text x="100" y="92" textAnchor="middle" className="gauge-text" data-testid="gauge-value">
          {text}
        </text>
      </svg>
      {caption && <figcaption className="muted small">{caption}</figcaption>}
    </figure>
  );
}

/** Bars per label (e.g. months); `format` writes each bar's value for its tooltip and the table. */
export function Bars({ items, label, format, testId }: { items: Array<{ label: string; value: number }>; label: string; format: (v: number) => string; testId?: string }) {
  const height = 100;
  const width = Math.max(1, items.length) * 24;
  const heights = barHeights(
    items.map((i) => i.value),
    height,
  );
  return (
    <figure className="bars" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height + 18}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <line x1="0" x2={width} y1={height} y2={height} className="bars-axis" />
        {items.map((item, i) => (
          <g key={item.label} data-testid="bar" data-value={item.value}>
            <title>{`${item.label}: ${format(item.value)}`}</title>
            <rect x={i * 24 + 4} y={height - heights[i]} width="16" height={heights[i]} className="bars-bar" rx="2" />
            <text x={i * 24 + 12} y={height + 13} textAnchor="middle" className="bars-label">
              {item.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
