import type { AskResult, Summary } from "../../../common/contracts/assistant";

const STAGE: Record<string, string> = {
  extract: "读取文档",
  plan: "分块",
  map: "分段摘要",
  reduce: "合并",
  final: "生成摘要",
  extractive: "抽取关键句",
  search: "检索",
  model: "加载模型",
  answer: "生成回答",
};

export function progressLine(done: number, total: number, stage: string): string {
  return `${STAGE[stage] ?? stage} ${done}/${total}`;
}

function pages(p: readonly number[]): string {
  if (p.length === 0) return "";
  const first = p[0]!;
  const last = p.at(-1)!;
  return first === last ? `（第${first}页）` : `（第${first}–${last}页）`;
}

/** The summary as text: a label saying how it was made, the points with their pages, the stats. */
export function formatSummary(s: Summary, streamed: boolean): string {
  const label = s.method === "extractive" ? "【抽取式摘要：原文关键句，未使用模型】" : `【模型摘要：${s.model ?? "默认模型"}】`;
  const lines = [label];
  if (!streamed || s.method === "extractive") lines.push(s.summary);
  if (s.points.length) {
    lines.push("", "要点及出处：");
    for (const p of s.points) lines.push(`- ${p.text}${p.document ? `《${p.document}》` : ""}${pages(p.pages)}`);
  }
  for (const w of s.warnings) lines.push(`警告：${w}`);
  lines.push("", `共 ${s.stats.pages} 页 ${s.stats.inputChars} 字，${s.stats.chunks} 块，用时 ${s.stats.seconds.toFixed(1)} 秒`);
  return `${lines.join("\n")}\n`;
}

/** The contract's CLI shape for `summarize --json`, plus the saved id and extras. */
export function summaryJson(s: Summary): object {
  return { method: s.method, summary: s.summary, points: s.points, stats: s.stats, id: s.id, title: s.title, documents: s.documents, model: s.model, warnings: s.warnings };
}

export function askJson(r: AskResult): object {
  return {
    answer: r.answer.content,
    citations: r.answer.citations.map((c) => ({ n: c.n, path: c.path, title: c.title, page: c.page, snippet: c.snippet })),
    method: r.answer.method,
    conversationId: r.conversationId,
    thought: r.answer.thought,
  };
}

export function formatAsk(r: AskResult, streamed: boolean): string {
  const lines = streamed ? [""] : [r.answer.content];
  if (r.answer.citations.length) {
    lines.push("", "来源：");
    for (const c of r.answer.citations) lines.push(`[${c.n}] 《${c.title}》第${c.page}页 ${c.path}\n    ${c.snippet.replace(/\s*\n\s*/g, " ")}`);
  }
  lines.push("", `（对话编号 ${r.conversationId}，可用 --conversation ${r.conversationId} 继续追问）`);
  return `${lines.join("\n")}\n`;
}
