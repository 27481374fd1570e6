import './agency-print.css';
import { downloadExport } from '../../api/rest';
import { ErrorNotice } from '../../components/Feedback';
import { type MessageKey, useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';

/**
 * 导出: the unit's purchase ledger (台账: its orders of the year) and its reserved-share filings as
 * Excel or CSV from the API's export routes, and the completion card printed from the page.
 */
export function ExportButtons({ orgId, year, isAdmin }: { orgId: string; year: number; isAdmin: boolean }) {
  const { t } = useI18n();
  const download = useAction((url: string, name: string) => downloadExport(url, name));
  const unit = `/api/procurement/units/${encodeURIComponent(orgId)}`;
  const files: Array<{ key: MessageKey; url: string; name: string; testId: string }> = [
    {
      key: 'agency.export.ledgerXlsx',
      url: `${unit}/orders.xlsx?year=${year}`,
      name: `orders-${year}.xlsx`,
      testId: 'export-ledger-xlsx',
    },
    {
      key: 'agency.export.ledgerCsv',
      url: `${unit}/orders.csv?year=${year}`,
      name: `orders-${year}.csv`,
      testId: 'export-ledger-csv',
    },
    ...(isAdmin
      ? [
          {
            key: 'agency.export.filingsXlsx' as const,
            url: `${unit}/filings.xlsx`,
            name: 'filings.xlsx',
            testId: 'export-filings-xlsx',
          },
          {
            key: 'agency.export.filingsCsv' as const,
            url: `${unit}/filings.csv`,
            name: 'filings.csv',
            testId: 'export-filings-csv',
          },
        ]
      : []),
  ];
  return (
    <div
      className="export-buttons no-print"
      role="group"
      aria-label={t('agency.export.title')}
      data-testid="agency-exports"
    >
      {files.map((f) => (
        <button
          key={f.testId}
          type="button"
          className="button button-quiet"
          data-testid={f.testId}
          disabled={download.busy}
          onClick={() => void download.run(f.url, f.name)}
        >
          {t(f.key)}
        </button>
      ))}
      <button type="button" className="button button-quiet" data-testid="export-print" onClick={() => window.print()}>
        {t('agency.export.print')}
      </button>
      <ErrorNotice error={download.error} />
    </div>
  );
}
