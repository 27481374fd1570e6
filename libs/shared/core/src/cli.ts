/** The value after `--name` in a command's arguments (`--from 2026-01`), or undefined when it is not given. */
export function cliOption(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Where a command's report goes by default (tests pass their own `write` to read it). */
export const printLine = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
