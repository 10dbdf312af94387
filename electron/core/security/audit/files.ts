import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Audit files are `audit-<first seq, 10 digits>-<YYYYMMDD>.jsonl`: sorting
 * the names sorts them by sequence, and the date tells rotation and
 * retention which day a file belongs to.
 */
const NAME = /^audit-(\d{10})-(\d{8})\.jsonl$/;

export interface AuditFile {
  name: string;
  path: string;
  firstSeq: number;
  day: string;
}

export function auditFileName(firstSeq: number, day: string): string {
  return `audit-${String(firstSeq).padStart(10, "0")}-${day}.jsonl`;
}

/** Local calendar day, YYYYMMDD (rotation follows the user's day, not UTC's). */
export function dayOf(d: Date): string {
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
}

export function dayToDate(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
}

export function listAuditFiles(dir: string): AuditFile[] {
  if (!existsSync(dir)) return [];
  const files: AuditFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (m) files.push({ name, path: join(dir, name), firstSeq: Number(m[1]), day: m[2]! });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The lines of a file; a trailing newline does not make an extra empty line. */
export function readLines(path: string): string[] {
  const text = readFileSync(path, "utf8");
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The first line of a file, reading only its start; null for an empty file. */
export function readFirstLine(path: string): string | null {
  const fd = openSync(path, "r");
  try {
    let size = 4096;
    for (;;) {
      const buf = Buffer.alloc(size);
      const n = readSync(fd, buf, 0, size, 0);
      const text = buf.subarray(0, n).toString("utf8");
      const nl = text.indexOf("\n");
      if (nl >= 0) return text.slice(0, nl);
      if (n < size) return text === "" ? null : text;
      size *= 4;
    }
  } finally {
    closeSync(fd);
  }
}

/** The last non-empty line of a file, reading only its end (entries are small). */
export function readLastLine(path: string): string | null {
  const size = statSync(path).size;
  if (size === 0) return null;
  const fd = openSync(path, "r");
  try {
    let chunk = 4096;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buf = Buffer.alloc(size - start);
      readSync(fd, buf, 0, buf.length, start);
      const text = buf.toString("utf8").replace(/\n+$/, "");
      const nl = text.lastIndexOf("\n");
      if (nl >= 0) return text.slice(nl + 1);
      if (start === 0) return text === "" ? null : text;
      chunk *= 4;
    }
  } finally {
    closeSync(fd);
  }
}
