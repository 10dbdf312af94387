import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CoreState } from "../common/contract";
import {
  backoffDelay,
  createSupervisor,
  decideAfterExit,
  type ChildLike,
  type ProcessHost,
  type Supervisor,
  type SupervisorPolicy,
} from "./supervisor";

/*
 * The supervisor is exercised against REAL operating-system processes: each
 * fork() starts `node core-stub.cjs <mode>` with child_process.fork, the same
 * shape as Electron's utilityProcess (spawn/exit events, pid, kill).
 */
let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "govdesk-supervisor-"));
  script = join(dir, "core-stub.cjs");
  writeFileSync(
    script,
    `const [mode, ms] = process.argv.slice(2);
     if (mode === "crash") setTimeout(() => process.exit(1), Number(ms));
     else setInterval(() => {}, 60_000); // "stay": up until killed\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Mode = { mode: "crash"; afterMs: number } | { mode: "stay" };

interface Recorded {
  forkAt: number;
  exitAt: number | null;
  pid: number | undefined;
  proc: ChildProcess;
}

/** A ProcessHost over node:child_process; `plan(n)` says how fork number n (0-based) behaves. */
function realHost(plan: (n: number) => Mode) {
  const forks: Recorded[] = [];
  const host: ProcessHost<ChildLike> = {
    start(): ChildLike {
      const m = plan(forks.length);
      const args = m.mode === "crash" ? ["crash", String(m.afterMs)] : ["stay"];
      const proc = fork(script, args, { stdio: "ignore" });
      const rec: Recorded = { forkAt: performance.now(), exitAt: null, pid: proc.pid, proc };
      proc.once("exit", () => (rec.exitAt = performance.now()));
      forks.push(rec);
      return {
        get pid() {
          return proc.pid;
        },
        onSpawn: (l) => void proc.once("spawn", l),
        onExit: (l) => void proc.once("exit", (code, signal) => l(code, signal)),
        kill: () => void proc.kill(),
      };
    },
  };
  return { host, forks };
}

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const running: Supervisor<ChildLike>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

function supervise(plan: (n: number) => Mode, policy: Partial<SupervisorPolicy>) {
  const { host, forks } = realHost(plan);
  const states: CoreState[] = [];
  const children: ChildLike[] = [];
  const sup = createSupervisor({ host, policy, onState: (s) => states.push(s), onChild: (c) => children.push(c) });
  running.push(sup);
  return { sup, forks, states, children };
}

describe("backoff policy (pure)", () => {
  it("doubles from 500 ms and caps at 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(1000)).toBe(30_000);
  });

  it("counts rapid failures, resets after a stable run, gives up at the limit", () => {
    expect(decideAfterExit(0, 10)).toEqual({ action: "restart", failures: 1, delayMs: 500 });
    expect(decideAfterExit(3, 10)).toEqual({ action: "restart", failures: 4, delayMs: 4000 });
    expect(decideAfterExit(4, 10)).toEqual({ action: "give-up", failures: 5 });
    expect(decideAfterExit(4, 60_000)).toEqual({ action: "restart", failures: 1, delayMs: 500 });
  });
});

describe("supervisor over real processes", () => {
  it("starts the core and reports starting → running with a live pid", async () => {
    const { sup, states, children } = supervise(() => ({ mode: "stay" }), {});
    sup.start();
    await waitFor(() => states.length >= 2);
    expect(states).toEqual([
      { state: "starting", attempt: 0 },
      { state: "running", attempt: 0 },
    ]);
    expect(children).toHaveLength(1);
    expect(isAlive(children[0]!.pid)).toBe(true);
    expect(sup.child).toBe(children[0]);
  });

  it("restarts a crashed core with doubling delays, then runs on", async () => {
    // Crash three times quickly, then stay up.
    const { sup, forks, states, children } = supervise((n) => (n < 3 ? { mode: "crash", afterMs: 20 } : { mode: "stay" }), {
      initialDelayMs: 60,
      maxDelayMs: 10_000,
      maxRapidFailures: 10,
    });
    sup.start();
    await waitFor(() => forks.length === 4 && states.at(-1)?.state === "running");
    expect(states.map((s) => `${s.state}:${s.attempt}`)).toEqual([
      "starting:0", "running:0", "restarting:1",
      "starting:1", "running:1", "restarting:2",
      "starting:2", "running:2", "restarting:3",
      "starting:3", "running:3",
    ]);
    expect(states[2]!.message).toMatch(/核心服务意外退出（退出码 1）/);
    // Each real process exited before the next was forked, after at least the backoff delay.
    const gaps = [0, 1, 2].map((i) => forks[i + 1]!.forkAt - forks[i]!.exitAt!);
    [60, 120, 240].forEach((delay, i) => {
      expect(gaps[i]!).toBeGreaterThanOrEqual(delay - 5);
      expect(gaps[i]!).toBeLessThan(delay + 1_000);
    });
    expect(forks.slice(0, 3).every((f) => !isAlive(f.pid))).toBe(true);
    expect(new Set(children.map((c) => c.pid)).size).toBe(4);
    expect(isAlive(sup.child?.pid)).toBe(true);
  });

  it("gives up after N rapid failures and forks no more", async () => {
    const { sup, forks, states } = supervise(() => ({ mode: "crash", afterMs: 10 }), {
      initialDelayMs: 20,
      maxRapidFailures: 3,
    });
    sup.start();
    await waitFor(() => states.at(-1)?.state === "failed");
    expect(forks).toHaveLength(3);
    const last = states.at(-1)!;
    expect(last.attempt).toBe(3);
    expect(last.message).toMatch(/已连续失败 3 次/);
    await sleep(300);
    expect(forks).toHaveLength(3);
    expect(sup.child).toBeNull();

    // The user may ask for another try: a clean count, a new process.
    sup.start();
    await waitFor(() => forks.length === 4);
    const failedAt = states.findIndex((s) => s.state === "failed");
    expect(states[failedAt + 1]).toEqual({ state: "starting", attempt: 0 });
  });

  it("resets the failure count when the core stayed up long enough", async () => {
    const { sup, forks, states } = supervise(() => ({ mode: "crash", afterMs: 250 }), {
      initialDelayMs: 20,
      stableAfterMs: 100,
      maxRapidFailures: 2,
    });
    sup.start();
    await waitFor(() => forks.length >= 4);
    const restarts = states.filter((s) => s.state === "restarting");
    expect(restarts.length).toBeGreaterThanOrEqual(3);
    expect(restarts.every((s) => s.attempt === 1)).toBe(true);
    expect(states.some((s) => s.state === "failed")).toBe(false);
  });

  it("stop() kills the real process and its exit is not a crash", async () => {
    const { sup, forks, states } = supervise(() => ({ mode: "stay" }), { initialDelayMs: 10 });
    sup.start();
    await waitFor(() => states.at(-1)?.state === "running");
    const pid = forks[0]!.pid;
    expect(isAlive(pid)).toBe(true);
    await sup.stop();
    expect(forks[0]!.exitAt).not.toBeNull();
    expect(isAlive(pid)).toBe(false);
    await sleep(100);
    expect(forks).toHaveLength(1);
    expect(states.map((s) => s.state)).toEqual(["starting", "running"]);
  });

  it("stop() during the backoff wait cancels the pending restart", async () => {
    const { sup, forks, states } = supervise(() => ({ mode: "crash", afterMs: 10 }), { initialDelayMs: 200 });
    sup.start();
    await waitFor(() => states.at(-1)?.state === "restarting");
    await sup.stop();
    await sleep(400);
    expect(forks).toHaveLength(1);
  });

  it("treats a fork that throws as a failure and retries", async () => {
    const states: CoreState[] = [];
    let calls = 0;
    const sup = createSupervisor({
      host: {
        start() {
          calls++;
          throw new Error("core.mjs not found");
        },
      },
      policy: { initialDelayMs: 5, maxRapidFailures: 2 },
      onState: (s) => states.push(s),
    });
    sup.start();
    await waitFor(() => states.at(-1)?.state === "failed");
    expect(calls).toBe(2);
    expect(states.map((s) => s.state)).toEqual(["starting", "restarting", "starting", "failed"]);
  });
});
