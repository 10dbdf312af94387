import { appendFileSync, existsSync, mkdirSync, statSync, unlinkSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { AuditEntry, type AuditEventType, type AuditVerifyResult } from "../../../common/contracts/security";
import type { AuditAnchor } from "./anchor";
import { entryHash, entryLine, GENESIS } from "./canonical";
import { auditFileName, dayOf, dayToDate, listAuditFiles, readFirstLine, readLastLine } from "./files";
import { exportAudit, listAudit, safeJson } from "./read";
import { readHead, writeHead } from "./head";
import { withAuditLock } from "./lock";
import { verifyAuditDir } from "./verify";

/** What a feature records; `user`, `time`, `seq` and the hashes are added here. */
export interface AuditEvent {
  type: AuditEventType;
  /** What the event is about: a file name, a model id, a knowledge base… */
  object: string;
  detail?: Record<string, string | number | boolean | null>;
  /** The user's question; written only when the policy's audit.logQuestions is on. */
  question?: string;
}

export interface AuditOptions {
  logQuestions?: boolean;
  /** Files whose day is older than this are removed (never the current one). */
  retentionDays?: number;
  /** A file larger than this is closed and a new one started. */
  maxFileBytes?: number;
  user?: string;
  now?: () => Date;
  /** Where a failed write is reported; recording never throws into a feature. */
  onError?: (message: string) => void;
  /** The chain's anchor outside the folder (the database: anchor.ts), written after every append. */
  anchor?: AuditAnchor;
  /** Each entry once written (the policy's syslog sink). */
  onAppended?: (entry: AuditEntry) => void;
}

export interface AuditLog {
  readonly dir: string;
  record(event: AuditEvent): void;
  verify(): AuditVerifyResult;
  /** Entries newest first, with the total count. */
  list(options?: { offset?: number; limit?: number; type?: AuditEventType }): { entries: AuditEntry[]; total: number };
  /** Every line of every file, oldest first, as one JSON-lines text. */
  exportText(): { content: string; entries: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env["USER"] ?? process.env["USERNAME"] ?? "unknown";
  }
}

/**
 * An append-only, hash-chained audit log in `dir` (DESIGN.md, security).
 * Each append re-reads the end of the newest file, so a CLI run and the app
 * writing the same folder one after the other keep a single chain.
 */
export function createAuditLog(dir: string, options: AuditOptions = {}): AuditLog {
  const now = options.now ?? (() => new Date());
  const user = options.user ?? osUserName();
  const maxBytes = options.maxFileBytes ?? 8 * 1024 * 1024;
  const onError = options.onError ?? (() => {});

  function tail(): { seq: number; hash: string } | null {
    const files = listAuditFiles(dir);
    const last = files.at(-1);
    const line = last ? readLastLine(last.path) : null;
    if (line !== null) {
      try {
        const e = AuditEntry.parse(JSON.parse(line));
        return { seq: e.seq, hash: e.hash };
      } catch {
        // A damaged last line: continue from the head file; verify will name the line.
      }
    }
    const head = readHead(dir);
    if (head) return { seq: head.seq, hash: head.hash };
    // Folder and head.json gone: go on from the anchor, so the gap stays visible to verify.
    const anchored = options.anchor?.read();
    return anchored ? { seq: anchored.headSeq, hash: anchored.headHash } : null;
  }

  /** The first entry still in the folder: where the chain starts now. */
  function chainStart(): { seq: number; prev: string } | null {
    const first = listAuditFiles(dir)[0];
    const line = first ? readFirstLine(first.path) : null;
    const parsed = line === null ? null : AuditEntry.safeParse(safeJson(line));
    return parsed?.success ? { seq: parsed.data.seq, prev: parsed.data.prev } : null;
  }

  function anchorHead(entry: AuditEntry): void {
    const anchor = options.anchor;
    if (!anchor) return;
    const current = anchor.read();
    const start = current ? null : (chainStart() ?? { seq: entry.seq, prev: entry.prev });
    anchor.write({
      headSeq: entry.seq,
      headHash: entry.hash,
      floorSeq: current?.floorSeq ?? start!.seq,
      floorPrev: current?.floorPrev ?? start!.prev,
    });
  }

  function append(file: string, type: AuditEventType, object: string, detail: AuditEvent["detail"], after: { seq: number; hash: string } | null) {
    const body = {
      v: 1 as const,
      seq: after ? after.seq + 1 : 0,
      time: now().toISOString(),
      user,
      type,
      object,
      ...(detail && Object.keys(detail).length ? { detail } : {}),
      prev: after ? after.hash : GENESIS,
    };
    const entry: AuditEntry = { ...body, hash: entryHash(body) };
    appendFileSync(file, `${entryLine(entry)}\n`, { encoding: "utf8", mode: 0o600 });
    writeHead(dir, { seq: entry.seq, hash: entry.hash, file: file.slice(dir.length + 1) });
    anchorHead(entry);
    options.onAppended?.(entry);
    return { seq: entry.seq, hash: entry.hash };
  }

  /**
   * Retention: a leading run of files older than the policy's days goes, so
   * what stays is one unbroken chain. The audit.prune record (naming the
   * files and the first entry kept) and the anchor's new floor are written
   * before the files are removed: verify accepts a log that starts after 0
   * only with such a record, and only for files past the retention.
   */
  function prune(): void {
    const days = options.retentionDays;
    if (!days) return;
    const files = listAuditFiles(dir);
    const cutoff = now().getTime() - days * DAY_MS;
    const old: typeof files = [];
    for (const f of files.slice(0, -1)) {
      if (dayToDate(f.day).getTime() + DAY_MS > cutoff) break;
      old.push(f);
    }
    if (!old.length) return;
    const keptLine = readFirstLine(files[old.length]!.path);
    const kept = keptLine === null ? null : AuditEntry.safeParse(safeJson(keptLine));
    if (!kept?.success) {
      onError("audit: retention skipped: the first file to keep does not start with a readable entry");
      return;
    }
    const newest = files.at(-1)!;
    append(newest.path, "audit.prune", old.map((f) => f.name).join(","), { files: old.length, retentionDays: days, keptFrom: kept.data.seq }, tail());
    const anchored = options.anchor?.read();
    if (anchored) options.anchor!.write({ ...anchored, floorSeq: kept.data.seq, floorPrev: kept.data.prev });
    for (const f of old) unlinkSync(f.path);
  }

  function record(event: AuditEvent): void {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      withAuditLock(dir, () => appendEvent(event));
    } catch (e) {
      onError(`audit: could not record ${event.type}: ${String(e)}`);
    }
  }

  function appendEvent(event: AuditEvent): void {
    const day = dayOf(now());
    const last = listAuditFiles(dir).at(-1);
    let after = tail();
    let file = last?.path;
    if (!last || statSync(last.path).size >= maxBytes || last.day !== day) {
      file = join(dir, auditFileName(after ? after.seq + 1 : 0, day));
      // The first line of a new file links it to the last line of the previous one.
      if (last) after = append(file, "audit.rotate", last.name, { reason: last.day !== day ? "date" : "size" }, after);
    }
    const detail = { ...event.detail, ...(options.logQuestions && event.question !== undefined ? { question: event.question } : {}) };
    append(file!, event.type, event.object, detail, after);
    if (last && file !== last.path) prune();
  }

  if (options.retentionDays && existsSync(dir)) {
    try {
      withAuditLock(dir, prune);
    } catch (e) {
      onError(`audit: could not apply retention: ${String(e)}`);
    }
  }
  return {
    dir,
    record,
    verify: () => verifyAuditDir(dir, options.anchor?.read() ?? null),
    list: (opts) => listAudit(dir, opts),
    exportText: () => exportAudit(dir),
  };
}

