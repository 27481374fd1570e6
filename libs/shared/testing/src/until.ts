/**
 * Polls `fn` every 50 ms until it answers something other than undefined, and returns that: what workers,
 * relays and queues do happens after the call that caused it. Fails after `ms`, naming `what` it waited for.
 */
export async function until<T>(
  fn: () => Promise<T | undefined>,
  { ms = 15_000, what = 'the condition' }: { ms?: number; what?: string } = {},
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
