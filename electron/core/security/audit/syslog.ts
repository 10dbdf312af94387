import { createSocket, type Socket } from "node:dgram";
import { hostname } from "node:os";
import type { AuditEntry } from "../../../common/contracts/security";

/**
 * The policy's syslog sink (audit.syslog, "host:port", UDP, RFC 5424): each
 * audit entry's sequence number and hash leave the machine as it is
 * written, so a collector the user cannot change holds an anchor of the
 * chain (anything deleted or rewritten here afterwards no longer matches
 * it). Only the entry's type, user and object travel, never its detail.
 * Sending never blocks or fails a recording; errors are logged.
 */
export interface SyslogSink {
  send(entry: AuditEntry): void;
  close(): void;
}

/** RFC 5424 facility 13 (log audit), severity 6 (informational). */
const PRI = 13 * 8 + 6;
/** The structured-data id: the documentation enterprise number of RFC 5612. */
const SD_ID = "govdesk@32473";

export function parseSyslogTarget(target: string): { host: string; port: number } {
  const m = /^(\[([^\]]+)\]|[^:]+)(?::(\d{1,5}))?$/.exec(target);
  if (!m) throw new Error(`bad syslog target ${target}`);
  return { host: m[2] ?? m[1]!, port: m[3] ? Number(m[3]) : 514 };
}

const sdValue = (v: string | number): string => String(v).replace(/["\\\]]/g, (c) => `\\${c}`);

/** One RFC 5424 line for an entry. */
export function syslogLine(e: AuditEntry, host = hostname(), pid = process.pid): string {
  const params = { seq: e.seq, hash: e.hash, prev: e.prev, type: e.type, user: e.user };
  const sd = `[${SD_ID} ${Object.entries(params).map(([k, v]) => `${k}="${sdValue(v)}"`).join(" ")}]`;
  const object = e.object.replace(/[\r\n]+/g, " ").slice(0, 512);
  return `<${PRI}>1 ${e.time} ${host.replace(/\s+/g, "-") || "-"} GovDesk ${pid} audit ${sd} ${object}`;
}

export function createSyslogSink(target: string, log: (line: string) => void): SyslogSink {
  const { host, port } = parseSyslogTarget(target);
  let socket: Socket | null = null;
  const open = (): Socket => {
    if (socket) return socket;
    socket = createSocket(host.includes(":") ? "udp6" : "udp4");
    socket.on("error", (e) => log(`audit: syslog ${target}: ${String(e)}`));
    socket.unref();
    return socket;
  };
  return {
    send(entry) {
      try {
        open().send(syslogLine(entry), port, host, (e) => {
          if (e) log(`audit: syslog ${target}: could not send entry ${entry.seq}: ${e.message}`);
        });
      } catch (e) {
        log(`audit: syslog ${target}: ${String(e)}`);
      }
    },
    close() {
      socket?.close();
      socket = null;
    },
  };
}
