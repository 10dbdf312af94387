import type { BenchResult, Fit, GgufSummary, Machine, ModelListItem } from "../../../common/contracts/models";

const GB = 1024 ** 3;
const gb = (n: number): string => (n >= GB / 10 ? `${(n / GB).toFixed(2)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

export const FIT_TEXT: Record<Fit["level"], string> = {
  gpu: "全部在 GPU 上运行",
  partial: "部分在 GPU 上运行",
  cpu: "仅 CPU 运行",
  none: "本机无法运行",
};

export function formatInspect(o: { gguf: GgufSummary; fit: Fit; machine: Machine }): string {
  const g = o.gguf;
  const rows: [string, string][] = [
    ["名称", g.name],
    ["架构", g.architecture],
    ["参数量", `${(g.parameters / 1e9).toFixed(3)} B`],
    ["量化", g.quantization],
    ["文件大小", gb(g.sizeBytes)],
    ["训练上下文", String(g.contextLength)],
    ["聊天模板", g.chatTemplate ? "有" : "无"],
    ["适合", [g.roles.chat ? "对话" : "", g.roles.embedding ? "嵌入" : ""].filter(Boolean).join("、")],
    ["本机", `${o.machine.backend}${o.machine.gpuDevices.length ? `（${o.machine.gpuDevices.join("、")}）` : ""}，内存 ${gb(o.machine.ramTotal)}，显存 ${gb(o.machine.vramTotal)}`],
    ["适配", `${FIT_TEXT[o.fit.level]}：GPU 层数 ${o.fit.gpuLayers}/${o.fit.totalLayers}，上下文 ${o.fit.contextSize}`],
  ];
  return rows.map(([k, v]) => `${k}：${v}`).join("\n") + "\n";
}

export function formatList(models: ModelListItem[]): string {
  if (!models.length) return "还没有导入模型。用 govdesk models import <文件> 导入。\n";
  return (
    models
      .map((m) => {
        const marks = [m.defaultChat ? "默认对话" : "", m.defaultEmbedding ? "默认嵌入" : "", m.loaded ? "已加载" : ""].filter(Boolean).join("，");
        return `${m.id.slice(0, 12)}  ${m.name}  ${m.quantization}  ${gb(m.sizeBytes)}  ${m.fit ? FIT_TEXT[m.fit.level] : "—"}${marks ? `  [${marks}]` : ""}`;
      })
      .join("\n") + "\n"
  );
}

export function formatBench(b: BenchResult): string {
  return [
    `模型：${b.model}`,
    `后端：${b.backend}，GPU 层数 ${b.gpuLayers}，线程 ${b.threads}，上下文 ${b.contextSize}`,
    `提示词：${b.promptTokensPerSecond.toFixed(1)} token/秒（${b.promptTokens} token）`,
    `生成：${b.generationTokensPerSecond.toFixed(1)} token/秒（${b.generationTokens} token）`,
    `嵌入：${b.embeddingItemsPerSecond.toFixed(1)} 条/秒`,
  ].join("\n") + "\n";
}

const STAGES: Record<string, string> = { hashing: "计算 sha256", copying: "复制" };

/** One self-overwriting progress line on stderr (only on a terminal). */
export function progressLine(stage: string, done: number, total: number, end = false): void {
  if (!process.stderr.isTTY) return;
  if (end) return void process.stderr.write("\r\x1b[K");
  const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
  process.stderr.write(`\r${STAGES[stage] ?? stage} ${pct}%`);
}
