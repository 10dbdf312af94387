import { describe, expect, it } from "vitest";
import { backoffDelay, FAILED_AFTER, hasGivenUp, MAX_DELAY_MS, SLOW_RETRY_MS } from "./backoff";

describe("backoffDelay", () => {
  it("starts at 0.5 s and doubles up to 5 s", () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it("never exceeds the cap before giving up", () => {
    for (let a = 1; a <= FAILED_AFTER; a++) expect(backoffDelay(a)).toBeLessThanOrEqual(MAX_DELAY_MS);
  });

  it("keeps retrying, more slowly, after giving up", () => {
    expect(backoffDelay(FAILED_AFTER + 1)).toBe(SLOW_RETRY_MS);
    expect(backoffDelay(1000)).toBe(SLOW_RETRY_MS);
  });

  it("treats nonsense attempts as the first", () => {
    expect(backoffDelay(0)).toBe(500);
    expect(backoffDelay(-3)).toBe(500);
  });
});

describe("hasGivenUp", () => {
  it("flips after FAILED_AFTER failures", () => {
    expect(hasGivenUp(FAILED_AFTER - 1)).toBe(false);
    expect(hasGivenUp(FAILED_AFTER)).toBe(true);
  });
});
