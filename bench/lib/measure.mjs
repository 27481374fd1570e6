// Measuring helpers shared by the benchmarks (bench/run.mjs, bench/attribution.mjs): latency
// percentiles, a process's RSS and peak RSS, and CPU time from /proc (Linux only).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Resident and peak resident memory (VmRSS, VmHWM) of a process, in kB. */
export function procStatus(pid = 'self') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** Resets a process's VmHWM to its current RSS, so the next peak read is this phase's, not boot's (Linux ≥ 4.0). */
export function resetPeak(pid = 'self') {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the command: state(0) ppid(1) … utime(11) stime(12)
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system, all threads) a process has used so far. */
export function processCpuSeconds(pid) {
  const f = statFields(pid);
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** CPU ticks (user + system) per Postgres server process: the postmaster and its children. */
export function postgresCpuTicks(postmasterPid) {
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = statFields(entry);
      if (Number(entry) === postmasterPid || Number(f[1]) === postmasterPid)
        ticks.set(entry, Number(f[11]) + Number(f[12]));
    } catch {
      /* exited */
    }
  }
  return ticks;
}

/** CPU seconds Postgres used since `before` (processes that exited meanwhile, e.g. autovacuum workers, are missed). */
export function postgresCpuSince(postmasterPid, before) {
  let t = 0;
  for (const [pid, ticks] of postgresCpuTicks(postmasterPid)) t += ticks - (before.get(pid) ?? 0);
  return t / 100;
}

/** The machine and its load, for the results' header: other processes share the cores. */
export function machineLine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
}
