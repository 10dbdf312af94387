import dgram from "node:dgram";
import dns from "node:dns";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

/**
 * Wraps the places where Node opens a connection or asks the network a
 * question: net.Socket#connect (http, https, tls, fetch/undici and
 * WebSocket clients all end there), dgram sends, and dns lookups. Each
 * attempt is shown to `decide`; a refusal fails the operation the way a
 * refused connection would, asynchronously, so callers see an error and
 * nothing crashes.
 */
export interface Attempt {
  protocol: "tcp" | "udp" | "dns" | "ipc";
  host: string;
  port?: number;
}

export type Decide = (attempt: Attempt) => string | null;

let decide: Decide | null = null;
let installed = false;

export function setDecider(d: Decide): void {
  decide = d;
}

export class BlockedError extends Error {
  readonly code = "EGOVDESK_OFFLINE";
  constructor(reason: string) {
    super(`离线保护已阻止此连接：${reason}`);
    this.name = "BlockedError";
  }
}

const check = (a: Attempt): BlockedError | null => {
  const why = decide?.(a) ?? null;
  return why ? new BlockedError(why) : null;
};

/** Where a net.Socket#connect call goes, from any of its argument forms. */
export function tcpTarget(args: unknown[]): Attempt {
  let first = args[0];
  // net.connect() passes its normalised [options, cb] array.
  if (Array.isArray(first)) first = first[0];
  if (typeof first === "string" && !/^\d+$/.test(first)) return { protocol: "ipc", host: first };
  if (typeof first === "object" && first !== null) {
    const o = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof o.path === "string") return { protocol: "ipc", host: o.path };
    return { protocol: "tcp", host: typeof o.host === "string" ? o.host : "localhost", port: Number(o.port) };
  }
  return { protocol: "tcp", host: typeof args[1] === "string" ? args[1] : "localhost", port: Number(first) };
}

function udpTarget(args: unknown[]): Attempt | null {
  // send(msg, offset, length, port, address) or send(msg, port, address); a connected socket passes neither.
  const [, a, b, c, d] = args;
  if (typeof a === "number" && typeof b === "number" && typeof c === "number") return { protocol: "udp", port: c, host: typeof d === "string" ? d : "localhost" };
  if (typeof a === "number") return { protocol: "udp", port: a, host: typeof b === "string" ? b : "localhost" };
  return null;
}

const DNS_FUNCTIONS = [
  "lookup",
  "resolve",
  "resolve4",
  "resolve6",
  "resolveAny",
  "resolveCname",
  "resolveCaa",
  "resolveMx",
  "resolveNaptr",
  "resolveNs",
  "resolvePtr",
  "resolveSoa",
  "resolveSrv",
  "resolveTxt",
  "reverse",
] as const;

type Fn = (...args: unknown[]) => unknown;

function wrapCallbackDns(target: Record<string, unknown>, name: string): void {
  const original = target[name] as Fn | undefined;
  if (typeof original !== "function") return;
  target[name] = function (this: unknown, ...args: unknown[]) {
    const blocked = check({ protocol: "dns", host: String(args[0]) });
    const cb = args.at(-1);
    if (blocked && typeof cb === "function") {
      process.nextTick(() => (cb as Fn)(blocked));
      return undefined;
    }
    return original.apply(this, args);
  };
}

function wrapPromiseDns(target: Record<string, unknown>, name: string): void {
  const original = target[name] as Fn | undefined;
  if (typeof original !== "function") return;
  target[name] = function (this: unknown, ...args: unknown[]) {
    const blocked = check({ protocol: "dns", host: String(args[0]) });
    return blocked ? Promise.reject(blocked) : original.apply(this, args);
  };
}

/** Installs the wrappers once per process; later calls only change the decider. */
export function installHooks(): void {
  if (installed) return;
  installed = true;

  const connect = net.Socket.prototype.connect as unknown as Fn;
  (net.Socket.prototype as unknown as { connect: Fn }).connect = function (this: net.Socket, ...args: unknown[]) {
    const blocked = check(tcpTarget(args));
    if (!blocked) return connect.apply(this, args);
    process.nextTick(() => this.destroy(blocked));
    return this;
  };

  const send = dgram.Socket.prototype.send as unknown as Fn;
  (dgram.Socket.prototype as unknown as { send: Fn }).send = function (this: dgram.Socket, ...args: unknown[]) {
    const target = udpTarget(args);
    const blocked = target ? check(target) : null;
    if (!blocked) return send.apply(this, args);
    const cb = args.at(-1);
    if (typeof cb === "function") process.nextTick(() => (cb as Fn)(blocked));
    else process.nextTick(() => this.emit("error", blocked));
    return undefined;
  };
  const udpConnect = dgram.Socket.prototype.connect as unknown as Fn;
  (dgram.Socket.prototype as unknown as { connect: Fn }).connect = function (this: dgram.Socket, ...args: unknown[]) {
    const blocked = check({ protocol: "udp", port: Number(args[0]), host: typeof args[1] === "string" ? args[1] : "localhost" });
    if (!blocked) return udpConnect.apply(this, args);
    process.nextTick(() => this.emit("error", blocked));
    return undefined;
  };

  const dnsModule = dns as unknown as Record<string, unknown>;
  const dnsPromises = dns.promises as unknown as Record<string, unknown>;
  const resolverProto = dns.Resolver.prototype as unknown as Record<string, unknown>;
  const promiseResolverProto = dns.promises.Resolver.prototype as unknown as Record<string, unknown>;
  for (const name of DNS_FUNCTIONS) {
    wrapCallbackDns(dnsModule, name);
    wrapPromiseDns(dnsPromises, name);
    if (name !== "lookup") {
      wrapCallbackDns(resolverProto, name);
      wrapPromiseDns(promiseResolverProto, name);
    }
  }
  // ESM named imports of builtins (import { lookup } from "node:dns") see the wrappers too.
  syncBuiltinESMExports();
}
