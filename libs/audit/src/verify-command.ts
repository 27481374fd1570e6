import type { DataSource } from 'typeorm';
import { cliOption, Db, printLine, RequestContext } from '@bangfu/core';
import { isCalendarDate } from '@bangfu/locale';
import { AuditChainService, previousShanghaiDay } from './audit-chain.service';
import { AuditSealer } from './audit-sealer';

export const AUDIT_VERIFY_USAGE = `audit:verify [--day 2026-01-31] [--json]
                     verify the audit chain for one day (default yesterday, Asia/Shanghai) and publish
                     its chain head, as the nightly job does; exit code 1 when the chain is broken`;

/** `audit:verify` for apps/api/src/cli.ts (a DataSource, no Nest app). Returns the exit code. */
export async function runAuditVerify(
  ds: DataSource,
  argv: string[],
  write: (line: string) => void = printLine,
): Promise<number> {
  // `--day` without a value is refused below, not read as the default.
  const day = argv.includes('--day') ? cliOption(argv, 'day') : previousShanghaiDay();
  if (!day || !isCalendarDate(day)) {
    write(`--day must be a date like 2026-01-31`);
    return 2;
  }
  const db = new Db(ds);
  const cp = await new AuditChainService(db, new AuditSealer(db)).verifyDay(
    RequestContext.system('cli-audit-verify'),
    day,
  );
  if (argv.includes('--json')) write(JSON.stringify(cp));
  else {
    write(
      `audit chain ${day}: ${cp.checkedCount} event(s) checked, ${cp.ok ? 'intact' : `BROKEN at event ${cp.firstBrokenEventId ?? '(events cut off the end)'}`}`,
    );
    write(`  published head #${cp.headSeq} ${cp.headHash}`);
  }
  return cp.ok ? 0 : 1;
}
