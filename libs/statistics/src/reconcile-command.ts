import type { DataSource } from 'typeorm';
import { cliOption, Db, printLine, RequestContext } from '@bangfu/core';
import { addMonths, shanghaiDate } from '@bangfu/locale';
import { CountingFactsService } from '@bangfu/ordering';
import { rebuildStatsRollups } from './rebuild';
import { StatsReconciliationService } from './reconciliation.service';

export const STATS_RECONCILE_USAGE = `stats:reconcile [--from 2026-01|2026-01-01] [--to 2026-01|2026-01-31] [--json] [--rebuild]
                     rebuild sales statistics from the order lines and report every difference
                     (default: last month's first day … today, Asia/Shanghai); exit code 1 when any.
                     --rebuild first recomputes stats_cube and stats_buyer from stats_line/stats_refund`;

function defaultWindow(now = new Date()): { from: string; to: string } {
  const today = shanghaiDate(now);
  return { from: addMonths(today.slice(0, 7), -1), to: today };
}

/** `stats:reconcile` for apps/api/src/cli.ts (a DataSource, no Nest app). Returns the exit code. */
export async function runStatsReconcile(
  ds: DataSource,
  argv: string[],
  write: (line: string) => void = printLine,
): Promise<number> {
  const window = defaultWindow();
  const db = new Db(ds);
  const service = new StatsReconciliationService(db, new CountingFactsService(db));
  if (argv.includes('--rebuild')) {
    await ds.transaction((em) => rebuildStatsRollups(em));
    write('stats_cube and stats_buyer rebuilt from stats_line and stats_refund');
  }
  const report = await service.reconcile(
    RequestContext.system('cli-stats-reconcile'),
    cliOption(argv, 'from') ?? window.from,
    cliOption(argv, 'to') ?? window.to,
  );
  if (argv.includes('--json')) {
    write(JSON.stringify(report));
  } else {
    write(
      `sales statistics reconciliation ${report.fromDay} … ${report.toDay} (report ${report.id}), orders ${report.ordersChecked}`,
    );
    write(report.ok ? '  no difference' : `  ${report.differenceCount} difference(s):`);
    for (const d of report.differences) write(`  ${d.kind} ${d.key} expected=${d.expected} stored=${d.actual}`);
  }
  return report.ok ? 0 : 1;
}
