import { cliOption, Db, printLine, RequestContext } from '@bangfu/core';
import type { OrderFactsReader } from '@bangfu/events';
import type { DataSource } from 'typeorm';
import type { ReconciliationReport } from './attribution.types';
import { defaultReconcileWindow } from './attribution.jobs';
import { AttributionFactsLoader } from './facts';
import { ReconciliationService } from './reconciliation.service';

export const RECONCILE_USAGE = `attribution:reconcile [--from 2026-01|2026-01-01] [--to 2026-01|2026-01-31] [--json]
                     rebuild attribution from orders, allocations and rules and report differences
                     (default: last month's start … today, Asia/Shanghai); exit code 1 when any`;

/**
 * `attribution:reconcile` for apps/api/src/cli.ts, which has a DataSource but no Nest app: builds
 * the service by hand, with ordering's facts reader (the CLI passes ordering's CountingFactsService).
 * Returns the process exit code (0: no difference, 1: differences found).
 */
export async function runAttributionReconcile(
  ds: DataSource,
  argv: string[],
  orders: (db: Db) => OrderFactsReader,
  write: (line: string) => void = printLine,
): Promise<number> {
  const window = defaultReconcileWindow();
  const db = new Db(ds);
  const service = new ReconciliationService(db, new AttributionFactsLoader(db, orders(db)));
  const report: ReconciliationReport = await service.reconcile(
    RequestContext.system('cli-attribution-reconcile'),
    cliOption(argv, 'from') ?? window.from,
    cliOption(argv, 'to') ?? window.to,
  );
  if (argv.includes('--json')) {
    write(JSON.stringify(report));
  } else {
    write(`attribution reconciliation ${report.from.toISOString()} … ${report.to.toISOString()} (report ${report.id})`);
    write(
      `  orders ${report.ordersChecked}, lines ${report.linesChecked}, entries ${report.entriesChecked}, capped lines ${report.cappedLines}`,
    );
    write(`  expected ${report.expectedAmount} fen, stored ${report.storedAmount} fen`);
    write(report.ok ? '  no difference' : `  ${report.differenceCount} difference(s):`);
    for (const d of report.differences)
      write(`  ${d.kind} ${d.key} expected=${d.expected ?? '∅'} stored=${d.stored ?? '∅'}`);
  }
  return report.ok ? 0 : 1;
}
