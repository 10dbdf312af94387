import type { CoreServices } from "../services";
import { requirePolicy } from "./services";

/** What still works while an invalid policy has locked the app: reading state, the admin's tools. */
export const ALLOWED_WHEN_LOCKED: ReadonlySet<string> = new Set([
  "app.info",
  "settings.get",
  "jobs.list",
  "jobs.cancel",
  "policy.get",
  "audit.list",
  "audit.verify",
  "audit.export",
  "redact.preview",
]);

type AnyHandler = (...args: never[]) => unknown;

/**
 * Wraps a handler table so that, while the policy file is invalid, every
 * call outside ALLOWED_WHEN_LOCKED is refused with the lock-down message
 * (the file and its problems). For core.ts: `lockdown(s, {...handlers})`.
 */
export function lockdown<H extends Record<string, AnyHandler>>(s: Pick<CoreServices, "policy">, handlers: H): H {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [name, fn] of Object.entries(handlers)) {
    wrapped[name] = ALLOWED_WHEN_LOCKED.has(name)
      ? fn
      : (...args: never[]) => {
          requirePolicy(s);
          return fn(...args);
        };
  }
  return wrapped as H;
}
