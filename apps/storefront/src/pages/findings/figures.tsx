import type { FindingFigure } from '../../api/oversight';
import { translateOr, useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';

/** A figure's value in its unit: money in yuan, basis points as a percentage, counts as numbers. */
export function figureValue(f: FindingFigure, t: ReturnType<typeof useI18n>['t']): string {
  switch (f.unit) {
    case 'FEN':
      return formatFen(f.value);
    case 'BPS':
      return `${(f.value / 100).toFixed(2)}%`;
    case 'MINUTES':
      return t('finding.unit.minutes', { n: f.value });
    case 'DAYS':
      return t('finding.unit.days', { n: f.value });
    case 'TEXT':
      return (f.text ?? '')
        .split(',')
        .map((part) => translateOr(t, `finding.rule.${part}`, part))
        .join(' · ');
    default:
      return String(f.value);
  }
}

export function FiguresTable({ figures }: { figures: FindingFigure[] }) {
  const { t } = useI18n();
  return (
    <table className="table" data-testid="finding-figures">
      <tbody>
        {figures.map((f) => (
          <tr key={f.name} data-figure={f.name}>
            <th scope="row">{translateOr(t, `finding.figure.${f.name}`, f.name)}</th>
            <td>{figureValue(f, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
