// How production starts the API's Node process for memory (docs/BENCHMARKS.md, "API memory"): V8's young
// generation capped at 2 MB per semi-space (Node's default lets it grow to 16 MB, 48 MB reserved) and the
// old generation at 512 MB, which also makes V8 grow the heap by a smaller factor after each full GC
// (up to 4× the live heap when the limit is 2 GB or more, about 1.4× at 512 MB) — the peak under load
// is mostly garbage V8 let accumulate. MALLOC_ARENA_MAX=2: glibc otherwise gives each thread that
// allocates (libuv's pool doing zlib and argon2) its own arena and keeps their freed memory.
// The same values are in docker/api.Dockerfile and package.json's `start` (test/node-memory.spec.ts).
export const PRODUCTION_NODE_OPTIONS = ['--max-semi-space-size=2', '--max-old-space-size=512'];
export const PRODUCTION_NODE_ENV = { MALLOC_ARENA_MAX: '2' };
