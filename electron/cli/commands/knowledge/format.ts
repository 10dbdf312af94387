import { EXIT_FAILURE, EXIT_PARTIAL } from "../../errors";
import type { JobProgress } from "../../../common/contract";
import type { DocMeta, IngestResult, KbBase, KbDocument, KbHit, ReextractResultOut } from "../../../common/contracts/knowledge";
import { locationLabel } from "../../../common/locate";

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

/** 0 when every file was indexed or unchanged; 1 when none was; 3 (partial) when some failed. */
export function ingestExitCode(r: Pick<IngestResult, "ok" | "skipped" | "failed">): number {
  if (!r.failed.length) return 0;
  return r.ok + r.skipped === 0 ? EXIT_FAILURE : EXIT_PARTIAL;
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
  return hits.map((h, i) => `${i + 1}. ${h.title}（${h.path} ${locationLabel(h)}）\n   ${h.snippet}`).join("\n") + "\n";
}

const META_LABEL: Record<string, string> = { kind: "文种", docNumber: "发文字号", issuer: "发文机关", title: "标题", date: "成文日期", recipients: "主送机关", secrecy: "密级", urgency: "紧急程度", encoding: "编码" };
const SOURCE_LABEL: Record<string, string> = {
  header: "版头", "number-line": "发文字号行", "order-heading": "令的标题", title: "标题行", "publication-note": "发布说明", "recipient-line": "主送行", signature: "落款", properties: "文档属性", "first-heading": "首个标题",
};

/** The 公文 elements as lines ("发文字号：… （来自 版头，可信度 0.95）"), and whether it is a 公文. */
export function metaLines(meta: DocMeta): string[] {
  const out: string[] = [];
  for (const [k, label] of Object.entries(META_LABEL)) {
    const v = meta[k as keyof DocMeta];
    if (typeof v !== "string" || !v) continue;
    const src = meta.sources?.[k];
    out.push(`${label}：${v}${src ? `（来自${SOURCE_LABEL[src.from] ?? src.from}${src.ocr ? "（OCR 识别）" : ""}，可信度 ${src.confidence}）` : ""}`);
  }
  if (meta.isGongwen !== undefined) out.push(`公文：${meta.isGongwen ? "是" : "否（未发现版头、发文字号或落款，公文要素留空）"}`);
  return out;
}

export function formatReextract(r: ReextractResultOut): string {
  const lines = [
    r.total === 0
      ? "所有文档都已由当前版本的解析器提取，无需重新提取。"
      : `完成：重新提取 ${r.reextracted}，文件已变化改为重新索引 ${r.requeued}，原文件已不在 ${r.missing}，失败 ${r.failed.length}，共 ${r.total}${r.cancelled ? "（已中断，再次运行即可继续）" : ""}`,
  ];
  for (const f of r.failed) lines.push(`  失败：${f.path}：${f.error}`);
  return lines.join("\n") + "\n";
}
