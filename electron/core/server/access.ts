import { randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Access rules for `govdesk serve`. The server listens on 127.0.0.1 only, but
 * a web page from anywhere can still make a user's browser talk to loopback
 * (CSRF, DNS rebinding), so every request must carry the random token and a
 * loopback Host (and Origin, when the browser sends one).
 */
export const TOKEN_COOKIE = "govdesk_token";

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

/** Host header must name a loopback host with our port (defeats DNS rebinding). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_NAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** An Origin header, when present, must be our own loopback origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

export function cookieToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === TOKEN_COOKIE) return v.join("=");
  }
  return null;
}

export type AccessDecision = { ok: true; fromQuery: boolean } | { ok: false; status: 403 | 421; reason: string };

/** One decision for HTTP requests and WebSocket upgrades alike. */
export function checkAccess(
  req: { url?: string | undefined; headers: { host?: string | undefined; origin?: string | undefined; cookie?: string | undefined } },
  token: string,
  port: number,
): AccessDecision {
  if (!isLoopbackHost(req.headers.host, port)) return { ok: false, status: 421, reason: "host" };
  if (!isAllowedOrigin(req.headers.origin, port)) return { ok: false, status: 403, reason: "origin" };
  const queryToken = new URL(req.url ?? "/", "http://127.0.0.1").searchParams.get("token");
  if (tokensEqual(token, queryToken)) return { ok: true, fromQuery: true };
  if (tokensEqual(token, cookieToken(req.headers.cookie))) return { ok: true, fromQuery: false };
  return { ok: false, status: 403, reason: "token" };
}
