import { AuditEntry, type AuditIssue, type AuditVerifyResult } from "../../../common/contracts/security";
import type { AnchorState } from "./anchor";
import { entryHash, GENESIS } from "./canonical";
import { dayToDate, listAuditFiles, readLines } from "./files";
import { HEAD_FILE, readHead } from "./head";

const DAY_MS = 24 * 60 * 60 * 1000;

interface Rec {
  file: string;
  line: number;
  /** Position in file order across all files. */
  pos: number;
  entry: AuditEntry;
  /** The stored hash matches the content. */
  intact: boolean;
}

const where = (r: { file: string; line: number }) => `${r.file} 第 ${r.line} 行`;

/**
 * Checks the chain across every file of an audit folder and names each
 * problem: a line changed (its own hash, or the next line's link, no longer
 * matches), lines deleted (a gap in the sequence numbers; a log that starts
 * after entry 0 without a retention record for it, or after the first
 * entry the anchor recorded; fewer lines than the anchor or head.json
 * recorded; the whole folder gone), a line inserted (a duplicate or
 * unlinked sequence number, or one beyond the recorded head), lines
 * reordered. With an anchor (the database's, anchor.ts) the recorded ends
 * are its; without one (a copied folder) head.json's.
 */
export function verifyAuditDir(dir: string, anchor: AnchorState | null = null): AuditVerifyResult {
  const files = listAuditFiles(dir);
  const issues: AuditIssue[] = [];
  const recs: Rec[] = [];
  const unreadablePos: number[] = [];
  let pos = 0;
  for (const f of files) {
    readLines(f.path).forEach((raw, i) => {
      const parsed = AuditEntry.safeParse(parseJson(raw));
      if (!parsed.success) {
        issues.push({ kind: "modified", file: f.name, line: i + 1, message: `${f.name} 第 ${i + 1} 行被修改：不是有效的审计记录` });
        unreadablePos.push(pos++);
        return;
      }
      const intact = entryHash(parsed.data) === parsed.data.hash;
      if (!intact) issues.push({ kind: "modified", file: f.name, line: i + 1, message: `${f.name} 第 ${i + 1} 行被修改：内容与其哈希不符` });
      recs.push({ file: f.name, line: i + 1, pos: pos++, entry: parsed.data, intact });
    });
  }

  const genuine = dropInserted(recs, anchor ? anchor.headSeq : (readHead(dir)?.seq ?? null), issues, anchor !== null);
  findReordered(genuine, issues);
  const sorted = [...genuine].sort((a, b) => a.entry.seq - b.entry.seq || a.pos - b.pos);
  checkStart(sorted, anchor, issues);
  checkChain(sorted, unreadablePos, issues);
  if (anchor) checkAnchorHead(sorted, anchor, issues);
  else checkHead(dir, sorted, issues);

  issues.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return {
    ok: issues.length === 0,
    files: files.length,
    entries: recs.length + unreadablePos.length,
    firstSeq: sorted[0]?.entry.seq ?? null,
    lastSeq: sorted.at(-1)?.entry.seq ?? null,
    issues,
  };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Lines that are not part of the chain: a second line with a seq already taken, or a seq beyond the head. */
function dropInserted(recs: Rec[], headSeq: number | null, issues: AuditIssue[], anchored: boolean): Rec[] {
  const bySeq = new Map<number, Rec[]>();
  for (const r of recs) bySeq.set(r.entry.seq, [...(bySeq.get(r.entry.seq) ?? []), r]);
  const hashes = (seq: number) => new Set((bySeq.get(seq) ?? []).map((r) => r.entry.hash));
  const prevs = (seq: number) => new Set((bySeq.get(seq) ?? []).map((r) => r.entry.prev));
  const inserted = new Set<Rec>();
  for (const [seq, group] of bySeq) {
    if (group.length < 2) continue;
    // The genuine one links to its neighbours; copies and forgeries do not (ties: the earliest).
    const score = (r: Rec) => Number(hashes(seq - 1).has(r.entry.prev) || (seq === 0 && r.entry.prev === GENESIS)) + Number(prevs(seq + 1).has(r.entry.hash));
    const keep = [...group].sort((a, b) => score(b) - score(a) || a.pos - b.pos)[0]!;
    for (const r of group) if (r !== keep) inserted.add(r);
  }
  if (headSeq !== null) for (const r of recs) if (r.entry.seq > headSeq) inserted.add(r);
  for (const r of inserted) {
    const beyond = headSeq !== null && r.entry.seq > headSeq;
    const why = beyond && anchored ? `序号 ${r.entry.seq} 在数据库登记的最后一条（序号 ${headSeq}）之后；若程序曾在写入时崩溃，最后一条可能尚未登记` : `序号 ${r.entry.seq} 不属于原有的链`;
    issues.push({ kind: "inserted", file: r.file, line: r.line, message: `${where(r)}是插入的记录（${why}）` });
  }
  return recs.filter((r) => !inserted.has(r));
}

/** In file order, a line whose seq is lower than one before it has been moved. */
function findReordered(recs: Rec[], issues: AuditIssue[]): void {
  let max: Rec | null = null;
  for (const r of recs) {
    if (max && r.entry.seq < max.entry.seq) {
      issues.push({
        kind: "reordered",
        file: r.file,
        line: r.line,
        message: `${where(r)}顺序被调换：序号 ${r.entry.seq} 出现在序号 ${max.entry.seq}（${where(max)}）之后`,
      });
    } else max = r;
  }
}

/**
 * Where the log starts. Entry 0 links to the genesis. A later first entry
 * is legitimate only when retention removed what came before: an
 * audit.prune record in the chain names it as the first entry kept
 * (keptFrom), removed only files past the retention it states, and, with
 * an anchor, the anchor's floor is that entry (a cut after the floor, or a
 * first entry that is not the one recorded, is reported).
 */
function checkStart(sorted: Rec[], anchor: AnchorState | null, issues: AuditIssue[]): void {
  const first = sorted[0];
  if (!first) return;
  const seq = first.entry.seq;
  if (seq === 0) {
    if (first.entry.prev !== GENESIS) issues.push({ kind: "modified", file: first.file, line: first.line, message: `${where(first)}被修改：第一条记录没有链到起点` });
    return;
  }
  // More kept than recorded (retention stopped before removing what it recorded): nothing is missing.
  if (anchor && seq < anchor.floorSeq) return;
  if (anchor && seq > anchor.floorSeq) {
    issues.push({
      kind: "deleted",
      file: first.file,
      line: first.line,
      message: `${where(first)}之前有 ${seq - anchor.floorSeq} 条记录被删除（序号 ${anchor.floorSeq}–${seq - 1}）：日志开头被截掉或最早的文件被删除，且不是按保留期限删除的`,
    });
    return;
  }
  if (anchor && seq === anchor.floorSeq && first.entry.prev !== anchor.floorPrev && first.intact) {
    issues.push({ kind: "modified", file: first.file, line: first.line, message: `${where(first)}被修改：与数据库中登记的第一条记录不符` });
    return;
  }
  const prune = sorted.find((r) => r.entry.type === "audit.prune" && r.entry.detail?.["keptFrom"] === seq);
  if (!prune) {
    issues.push({
      kind: "deleted",
      file: first.file,
      line: first.line,
      message: `${where(first)}之前有 ${seq} 条记录被删除（序号 0–${seq - 1}）：日志中没有按保留期限删除它们的记录`,
    });
    return;
  }
  const early = prunedTooEarly(prune.entry);
  if (early) issues.push({ kind: "deleted", file: prune.file, line: prune.line, message: `${where(prune)}的删除记录不符合保留期限：${early}` });
}

/** The files an audit.prune record names that were not yet past the retention it states, or null. */
function prunedTooEarly(e: AuditEntry): string | null {
  const days = e.detail?.["retentionDays"];
  if (typeof days !== "number" || days < 1) return "没有注明保留天数";
  const at = Date.parse(e.time);
  const early = e.object
    .split(",")
    .filter((name) => {
      const m = /-(\d{8})\.jsonl$/.exec(name);
      return !m || dayToDate(m[1]!).getTime() + DAY_MS > at - days * DAY_MS;
    });
  return early.length ? `${early.join("、")} 在删除时尚未超过 ${days} 天` : null;
}

/** Walks the entries in seq order: gaps are deletions, broken links are changes. */
function checkChain(sorted: Rec[], unreadablePos: number[], issues: AuditIssue[]): void {
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const missing = b.entry.seq - a.entry.seq - 1;
    if (missing > 0) {
      const lo = Math.min(a.pos, b.pos);
      const hi = Math.max(a.pos, b.pos);
      const unreadable = unreadablePos.filter((p) => p > lo && p < hi).length;
      if (missing > unreadable) {
        issues.push({
          kind: "deleted",
          file: b.file,
          line: b.line,
          message: `${where(b)}之前有 ${missing} 条记录被删除（序号 ${a.entry.seq + 1}–${b.entry.seq - 1}）`,
        });
      }
    } else if (missing === 0 && b.entry.prev !== a.entry.hash && a.intact && b.intact) {
      issues.push({
        kind: "modified",
        file: a.file,
        line: a.line,
        message: `${where(a)}被修改：其哈希与下一条记录（${where(b)}）中保存的不一致`,
      });
    }
  }
}

/** The anchor records the newest entry: the whole log deleted, lines cut off or rewritten at the end show here. */
function checkAnchorHead(sorted: Rec[], anchor: AnchorState, issues: AuditIssue[]): void {
  const last = sorted.at(-1);
  if (!last) {
    issues.push({ kind: "deleted", file: HEAD_FILE, line: 0, message: `审计日志为空，但数据库中登记的最后一条是序号 ${anchor.headSeq}：整个审计日志（序号 ${anchor.floorSeq}–${anchor.headSeq}）被删除` });
    return;
  }
  if (last.entry.seq < anchor.headSeq) {
    issues.push({
      kind: "deleted",
      file: last.file,
      line: last.line,
      message: `${where(last)}之后有 ${anchor.headSeq - last.entry.seq} 条记录被删除（日志末尾被截断；数据库中登记的最后一条是序号 ${anchor.headSeq}）`,
    });
    return;
  }
  const head = sorted.find((r) => r.entry.seq === anchor.headSeq);
  if (head && head.intact && head.entry.hash !== anchor.headHash) {
    issues.push({ kind: "modified", file: head.file, line: head.line, message: `${where(head)}被修改：与数据库中登记的最后一条记录的哈希不符` });
  }
}

/** head.json records the newest entry: lines cut off or rewritten at the end show here. */
function checkHead(dir: string, sorted: Rec[], issues: AuditIssue[]): void {
  const head = readHead(dir);
  const last = sorted.at(-1);
  if (!head) {
    if (last) issues.push({ kind: "deleted", file: HEAD_FILE, line: 0, message: `${HEAD_FILE} 缺失或损坏：无法确认日志末尾是否被截断或改写` });
    return;
  }
  if (!last) {
    issues.push({ kind: "deleted", file: head.file, line: 0, message: `审计日志为空，但按记录应有 ${head.seq + 1} 条：整个日志被删除` });
  } else if (last.entry.seq < head.seq) {
    issues.push({
      kind: "deleted",
      file: last.file,
      line: last.line,
      message: `${where(last)}之后有 ${head.seq - last.entry.seq} 条记录被删除（日志末尾被截断）`,
    });
  } else if (last.entry.seq === head.seq && last.entry.hash !== head.hash && last.intact) {
    issues.push({ kind: "modified", file: last.file, line: last.line, message: `${where(last)}被修改：与最后一次写入时记录的哈希不符` });
  }
}
