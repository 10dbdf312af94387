import { describe, expect, it } from "vitest";
import { untilAborted } from "./until-aborted";
import { deferred } from "../../common/deferred";

describe("untilAborted", () => {
  it("answers with the work when nothing aborts", async () => {
    const c = new AbortController();
    await expect(untilAborted(Promise.resolve(7), c.signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error("boom")), c.signal)).rejects.toThrow("boom");
  });

  it("rejects with CANCELLED as soon as the signal aborts, while the work goes on", async () => {
    const c = new AbortController();
    const work = deferred<number>();
    const waiting = untilAborted(work.promise, c.signal);
    c.abort();
    await expect(waiting).rejects.toMatchObject({ code: "CANCELLED" });
    work.resolve(1);
    await expect(work.promise).resolves.toBe(1);
  });

  it("rejects at once for a signal aborted before, and a later failure of the work is not unhandled", async () => {
    const c = new AbortController();
    c.abort();
    const work = deferred<number>();
    await expect(untilAborted(work.promise, c.signal)).rejects.toMatchObject({ code: "CANCELLED" });
    work.reject(new Error("late"));
    await new Promise((r) => setTimeout(r, 10)); // an unhandled rejection would fail the run here
  });
});
