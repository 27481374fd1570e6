import { downloadExport, type ExportKind, exportUrl } from '../../api/statistics';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { ActionButton } from '../../components/ActionButton';

/** XLSX and CSV of one table with the dashboard's filters; the server writes the Chinese headers and region path. */
export function ExportButtons({
  kind,
  params,
  testId,
}: {
  kind: ExportKind;
  params: Record<string, string>;
  testId?: string;
}) {
  const { t } = useI18n();
  const save = useAction((format: 'csv' | 'xlsx') =>
    downloadExport(exportUrl(kind, format, params), `${kind}.${format}`),
  );
  return (
    <div className="export-buttons" data-testid={testId}>
      <ActionButton action={save} args={['xlsx']} small testId="export-xlsx">
        {t('stats.export.xlsx')}
      </ActionButton>
      <ActionButton action={save} args={['csv']} small testId="export-csv">
        {t('stats.export.csv')}
      </ActionButton>
      <ErrorNotice error={save.error} />
    </div>
  );
}
