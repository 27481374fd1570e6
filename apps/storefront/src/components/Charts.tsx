// Hand-drawn SVG charts (no chart library): a half-circle gauge and monthly bars.
import { barHeights, gaugeArc } from '../lib/agency';
import { axisTop } from '../lib/completion-card';

/** Completion as a half-circle gauge; `basisPoints` null shows an empty gauge with "—". */
export function Gauge({
  basisPoints,
  label,
  caption,
  testId,
}: {
  basisPoints: number | null;
  label: string;
  caption?: string;
  testId?: string;
}) {
  const fraction = basisPoints === null ? 0 : basisPoints / 10000;
  const text = basisPoints === null ? '—' : `${(basisPoints / 100).toFixed(2)}%`;
  return (
    <figure className="gauge" data-testid={testId}>
      <svg viewBox="0 0 200 120" role="img" aria-label={`${label} ${text}`}>
        <path d={gaugeArc(1)} className="gauge-track" fill="none" strokeWidth="16" strokeLinecap="round" />
        {fraction > 0 && (
          <path
            d={gaugeArc(fraction)}
            className="gauge-value"
            fill="none"
            strokeWidth="16"
            strokeLinecap="round"
            data-testid="gauge-arc"
          />
        )}
        <text x="100" y="92" textAnchor="middle" className="gauge-text" data-testid="gauge-value">
          {text}
        </text>
      </svg>
      {caption && <figcaption className="muted small">{caption}</figcaption>}
    </figure>
  );
}

/**
 * Bars per label (e.g. months) over a value axis from 0 to a round top, with tick labels written by
 * `format` (also each bar's tooltip); `xTitle`/`yTitle` name the axes.
 */
export function Bars({
  items,
  label,
  format,
  testId,
  xTitle,
  yTitle,
}: {
  items: Array<{ label: string; value: number }>;
  label: string;
  format: (v: number) => string;
  testId?: string;
  xTitle?: string;
  yTitle?: string;
}) {
  const height = 100;
  const gutter = 64; // room for the value axis' labels
  const top = yTitle ? 14 : 6;
  const width = gutter + Math.max(1, items.length) * 24;
  const axisMax = axisTop(Math.max(0, ...items.map((i) => i.value)));
  const heights = barHeights(
    items.map((i) => i.value),
    height,
    axisMax,
  );
  const base = top + height;
  return (
    <figure className="bars" data-testid={testId}>
      <svg
        viewBox={`0 0 ${width} ${base + (xTitle ? 30 : 18)}`}
        role="img"
        aria-label={label}
        preserveAspectRatio="xMidYMid meet"
      >
        {yTitle && (
          <text x="0" y="8" className="bars-label" data-testid="y-title">
            {yTitle}
          </text>
        )}
        <line x1={gutter} x2={gutter} y1={top} y2={base} className="bars-axis" data-testid="y-axis" />
        <line x1={gutter} x2={width} y1={base} y2={base} className="bars-axis" />
        {[0, axisMax / 2, axisMax].map((v, i) => (
          <g key={i}>
            <line
              x1={gutter - 3}
              x2={gutter}
              y1={base - (axisMax ? (v / axisMax) * height : 0)}
              y2={base - (axisMax ? (v / axisMax) * height : 0)}
              className="bars-axis"
            />
            <text
              x={gutter - 5}
              y={base - (axisMax ? (v / axisMax) * height : 0) + 3}
              textAnchor="end"
              className="bars-label"
              data-testid="y-tick"
            >
              {format(v)}
            </text>
          </g>
        ))}
        {items.map((item, i) => (
          <g key={item.label} data-testid="bar" data-value={item.value}>
            <title>{`${item.label}: ${format(item.value)}`}</title>
            <rect
              x={gutter + i * 24 + 4}
              y={base - heights[i]}
              width="16"
              height={heights[i]}
              className="bars-bar"
              rx="2"
            />
            <text x={gutter + i * 24 + 12} y={base + 13} textAnchor="middle" className="bars-label">
              {item.label}
            </text>
          </g>
        ))}
        {xTitle && (
          <text x={(gutter + width) / 2} y={base + 27} textAnchor="middle" className="bars-label" data-testid="x-title">
            {xTitle}
          </text>
        )}
      </svg>
    </figure>
  );
}
