import { cliOption, Db, printLine, RequestContext } from '@bangfu/core';
import type { OrderFactsReader } from '@bangfu/events';
import type { DataSource } from 'typeorm';
import type { ReconciliationReport } from './attribution.types';
import { defaultReconcileWindow } from './attribution.jobs';
import { AttributionService } from './attribution.service';
import { AttributionWriter } from './attribution-writer';
import { AttributionFactsLoader } from './facts';
import { parseRange } from './periods';
import { ReconciliationService } from './reconciliation.service';

export const RECONCILE_USAGE = `attribution:reconcile [--from 2026-01|2026-01-01] [--to 2026-01|2026-01-31] [--json] [--repair [--batch 500]]
                     rebuild attribution from orders, allocations and rules and report differences
                     (default: last month's start … today, Asia/Shanghai); exit code 1 when any.
                     --repair first brings every order counted or refunded in the window up to date
                     (what the attribution consumer would have written), --batch orders per transaction`;

const DEFAULT_REPAIR_BATCH = 500;

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
  const loader = new AttributionFactsLoader(db, orders(db));
  const ctx = RequestContext.system('cli-attribution-reconcile');
  const from = cliOption(argv, 'from') ?? window.from;
  const to = cliOption(argv, 'to') ?? window.to;
  const service = new ReconciliationService(db, loader);
  if (argv.includes('--repair')) {
    const batch = Number(cliOption(argv, 'batch') ?? DEFAULT_REPAIR_BATCH);
    if (!Number.isInteger(batch) || batch < 1)
      throw new Error(`--batch must be a positive integer: ${RECONCILE_USAGE}`);
    const range = parseRange(from, to);
    const ids = (await loader.orderIdsTouching(ctx, range.from, range.to)).sort();
    const repaired = await new AttributionService(db, loader, new AttributionWriter(db)).attributeInBatches(
      ctx,
      ids,
      batch,
    );
    if (!argv.includes('--json'))
      write(
        `attribution repair: ${ids.length} orders in ${Math.ceil(ids.length / batch)} batch(es), ${repaired.ordersAttributed} brought up to date, ${repaired.linesAttributed} lines and ${repaired.entriesWritten} entries written`,
      );
  }
  const report: ReconciliationReport = await service.reconcile(ctx, from, to);
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
