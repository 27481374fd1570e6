// Preloaded into the API by bench/memory.mjs (`--require`) when BENCH_HEAP_REPORT names a file: on SIGWINCH
// the process writes its V8 heap spaces and process.memoryUsage() there (MB), so the bench can split RSS
// into the JS heap by space, external memory and the rest. Diagnostic only; production never loads it.
const { writeFileSync } = require('node:fs');
const v8 = require('node:v8');

const mb = (n) => +(n / 2 ** 20).toFixed(1);
process.on('SIGWINCH', () => {
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: mb(s.space_size), used: mb(s.space_used_size) }]),
  );
  const usage = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)]));
  writeFileSync(process.env.BENCH_HEAP_REPORT, JSON.stringify({ usage, spaces }));
});
