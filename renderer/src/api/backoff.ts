/**
 * Reconnect timing for the `govdesk serve` WebSocket: 0.5 s doubling to 5 s;
 * after FAILED_AFTER consecutive failures the core counts as stopped, but we
 * keep trying every SLOW_RETRY_MS in case it comes back (a restarted serve).
 */
export const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 5_000;
export const FAILED_AFTER = 10;
export const SLOW_RETRY_MS = 15_000;

/** Delay before reconnect attempt number `attempt` (1-based). */
export function backoffDelay(attempt: number): number {
  if (attempt > FAILED_AFTER) return SLOW_RETRY_MS;
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(FIRST_DELAY_MS * 2 ** (n - 1), MAX_DELAY_MS);
}

/** True once enough consecutive attempts failed that the user must act. */
export function hasGivenUp(failures: number): boolean {
  return failures >= FAILED_AFTER;
}
