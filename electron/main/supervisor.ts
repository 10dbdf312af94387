import type { CoreState } from "../common/contract";
import type { ChildHandle, ProcessHost } from "../common/rpc/process";

export type { ProcessHost } from "../common/rpc/process";

/** A started core process, however it was started (utilityProcess in the app, child_process in tests). */
export interface ChildLike extends ChildHandle {
  /** The process is up (utilityProcess and child_process both emit "spawn"). */
  onSpawn(listener: () => void): void;
}

export interface SupervisorPolicy {
  /** Delay before the first restart; doubles per rapid failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that stayed up this long had a "fresh" crash: the failure count restarts at 1. */
  stableAfterMs: number;
  /** This many rapid failures in a row and we stop restarting (state "failed"). */
  maxRapidFailures: number;
}

export const DEFAULT_POLICY: SupervisorPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxRapidFailures: 5,
};

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** Delay before restart number `failures` (1-based): initial · 2^(n-1), capped. */
export function backoffDelay(failures: number, policy: SupervisorPolicy = DEFAULT_POLICY): number {
  const exp = Math.max(0, failures - 1);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(exp, 30));
}

export type ExitDecision = { action: "restart"; failures: number; delayMs: number } | { action: "give-up"; failures: number };

/** What to do when the core exits without being asked to. */
export function decideAfterExit(previousFailures: number, uptimeMs: number, policy: SupervisorPolicy = DEFAULT_POLICY): ExitDecision {
  const failures = uptimeMs >= policy.stableAfterMs ? 1 : previousFailures + 1;
  if (failures >= policy.maxRapidFailures) return { action: "give-up", failures };
  return { action: "restart", failures, delayMs: backoffDelay(failures, policy) };
}

export interface SupervisorOptions<C extends ChildLike> {
  host: ProcessHost<C>;
  /** Every CoreState transition: starting → running → restarting → starting → running …, or failed. */
  onState: (state: CoreState) => void;
  /** A new core process is up: connect the windows to it. Called before the "running" state. */
  onChild?: (child: C) => void;
  policy?: Partial<SupervisorPolicy>;
  timers?: Timers;
  /** How long stop() waits for the process to exit after kill(). */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Supervisor<C extends ChildLike> {
  /** Start (or, after "failed" or stop(), start again with a clean failure count). */
  start(): void;
  /** For app quit: kill the core; its exit is not a crash. Resolves once it has exited. */
  stop(): Promise<void>;
  readonly state: CoreState;
  readonly child: C | null;
}

/**
 * Keeps the core running (DESIGN.md: "a crash of the core is caught by main,
 * reported, and the core restarted"): restarts with exponential backoff,
 * gives up after a run of rapid failures, and reports each transition.
 */
export function createSupervisor<C extends ChildLike>(options: SupervisorOptions<C>): Supervisor<C> {
  const policy: SupervisorPolicy = { ...DEFAULT_POLICY, ...options.policy };
  const timers = options.timers ?? realTimers;
  const log = options.log ?? (() => {});
  let state: CoreState = { state: "starting", attempt: 0 };
  let child: C | null = null;
  let failures = 0;
  let stopped = true;
  let restartTimer: unknown = null;
  const exitWaiters: (() => void)[] = [];

  function report(next: CoreState): void {
    state = next;
    options.onState(next);
  }

  function launch(): void {
    restartTimer = null;
    report({ state: "starting", attempt: failures });
    const startedAt = timers.now();
    let spawnedAt: number | null = null;
    let current: C;
    try {
      current = options.host.start();
    } catch (e) {
      log(`core: cannot start: ${e instanceof Error ? e.message : String(e)}`);
      return handleExit(null, 0);
    }
    child = current;
    current.onSpawn(() => {
      if (child !== current || stopped) return;
      spawnedAt = timers.now();
      log(`core: started (pid ${current.pid ?? "?"})`);
      options.onChild?.(current);
      report({ state: "running", attempt: failures });
    });
    current.onExit((code) => {
      if (child !== current) return;
      child = null;
      for (const w of exitWaiters.splice(0)) w();
      if (stopped) return;
      handleExit(code, timers.now() - (spawnedAt ?? startedAt));
    });
  }

  function handleExit(code: number | null, uptimeMs: number): void {
    const decision = decideAfterExit(failures, uptimeMs, policy);
    failures = decision.failures;
    const how = code === null ? "无法启动或被终止" : `意外退出（退出码 ${code}）`;
    log(`core: exited (code ${String(code)}) after ${Math.round(uptimeMs)} ms; ${decision.action} (failure ${failures})`);
    if (decision.action === "give-up") {
      report({ state: "failed", attempt: failures, message: `核心服务${how}，已连续失败 ${failures} 次，不再自动重启` });
      return;
    }
    const seconds = Math.max(1, Math.round(decision.delayMs / 1000));
    report({ state: "restarting", attempt: failures, message: `核心服务${how}，约 ${seconds} 秒后重新启动` });
    restartTimer = timers.setTimeout(launch, decision.delayMs);
  }

  return {
    get state() {
      return state;
    },
    get child() {
      return child;
    },
    start() {
      if (!stopped && state.state !== "failed") return;
      stopped = false;
      failures = 0;
      launch();
    },
    stop() {
      stopped = true;
      if (restartTimer !== null) timers.clearTimeout(restartTimer);
      restartTimer = null;
      const current = child;
      if (!current) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timeout = setTimeout(() => {
          log("core: did not exit in time after kill");
          resolve();
        }, options.stopTimeoutMs ?? 5_000);
        exitWaiters.push(() => {
          clearTimeout(timeout);
          resolve();
        });
        current.kill();
      });
    },
  };
}
