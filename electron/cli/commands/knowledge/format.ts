import type { JobProgress } from "../../../common/contract";
import type { IngestResult, KbBase, KbDocument, KbHit } from "../../../common/contracts/knowledge";

const STAGE: Record<string, string> = { scan: "扫描", hash: "校验", extract: "提取", ocr: "识别", embed: "向量化", write: "写入", reembed: "重新向量化", done: "完成" };
const STATUS: Record<KbDocument["status"], string> = { queued: "排队中", indexing: "索引中", ready: "就绪", failed: "失败", needs_ocr: "需要 OCR" };

export function progressLine(p: JobProgress): string {
  // OCR names the page it reads: "正在识别第 3/9 页".
  const stage = p.stage === "ocr" && p.sub ? `正在识别第 ${p.sub.done}/${p.sub.total} 页` : (STAGE[p.stage] ?? p.stage);
  return `[${p.done}/${p.total}] ${stage}${p.item ? ` ${p.item}` : ""}`;
}

/** A document's status as the table shows it: OCR'd text says so, with its mean confidence. */
export function statusText(d: Pick<KbDocument, "status" | "ocr">): string {
  if (d.status === "ready" && d.ocr) return `已识别 (OCR) ${Math.round(d.ocr.confidence * 100)}%${d.ocr.unreadable.length ? `，第 ${d.ocr.unreadable.join("、")} 页未能识别` : ""}`;
  return STATUS[d.status];
}

export function formatIngest(r: IngestResult): string {
  const lines = [`完成：成功 ${r.ok}，跳过（未变化）${r.skipped}，失败 ${r.failed.length}，共 ${r.total}${r.cancelled ? "（已取消，剩余文件仍在队列中，再次运行即可继续）" : ""}`];
  for (const f of r.failed) lines.push(`  失败：${f.path}：${f.error}`);
  return lines.join("\n") + "\n";
}

export function formatBases(bases: KbBase[], vectorSearch: boolean): string {
  if (!bases.length) return "还没有知识库。用 govdesk kb create <名称> 创建。\n";
  const rows = bases.map((b) => `${b.name}\t文档 ${b.documents}\t分块 ${b.chunks}${b.failed ? `\t失败 ${b.failed}` : ""}${b.queued ? `\t排队 ${b.queued}` : ""}${b.needsReembed ? "\t需重新向量化" : ""}`);
  return rows.join("\n") + `\n向量检索：${vectorSearch ? "已开启" : "未开启（未设置向量模型，仅关键词检索）"}\n`;
}

export function formatDocuments(docs: KbDocument[]): string {
  if (!docs.length) return "知识库中还没有文档。\n";
  return (
    docs
      .map((d) => {
        const meta = [d.meta["docNumber"], d.meta["issuer"], d.meta["date"]].filter(Boolean).join(" ");
        return `${d.id}\t${statusText(d)}\t${d.path}${d.title ? `\t${d.title}` : ""}${meta ? `\t${meta}` : ""}${d.error ? `\t${d.error}` : ""}`;
      })
      .join("\n") + "\n"
  );
}

export function formatHits(hits: KbHit[]): string {
  if (!hits.length) return "没有找到相关内容。\n";
  return hits.map((h, i) => `${i + 1}. ${h.title}（${h.path} 第 ${h.page} 页）\n   ${h.snippet}`).join("\n") + "\n";
}
