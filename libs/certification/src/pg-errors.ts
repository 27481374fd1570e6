/** The constraint a PostgreSQL unique violation (23505) names, or null for any other error. */
export function uniqueViolation(e: unknown): string | null {
  const driver =
    (e as { driverError?: { code?: string; constraint?: string } } | null)?.driverError ??
    (e as { code?: string; constraint?: string } | null);
  return driver?.code === '23505' ? (driver.constraint ?? '') : null;
}
