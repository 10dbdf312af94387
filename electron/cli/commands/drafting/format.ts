import type { CheckResult, Finding } from "../../../common/contracts/drafting";
import type { KindInfo } from "../../../common/contracts/doc-kinds";

const STAGE: Record<string, string> = { sources: "检索依据", model: "加载模型", section: "起草正文" };
export const draftProgressLine = (done: number, total: number, stage: string): string => `${STAGE[stage] ?? stage} ${done}/${total}`;

const SEVERITY: Record<Finding["severity"], string> = { error: "错误", warning: "警告", info: "提示" };

/** Line and column (1-based) of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

export function formatFindings(findings: readonly Finding[], text?: string): string {
  if (findings.length === 0) return "未发现问题。\n";
  return `${findings
    .map((f) => {
      const where = text !== undefined ? `第${position(text, f.offset).line}行 ` : "";
      const fix = f.suggestion === null ? "" : f.suggestion === "" ? "（建议删除）" : `（建议：${f.suggestion}）`;
      return `${SEVERITY[f.severity]} ${where}[${f.rule}] ${f.message}\n    「${f.excerpt}」${fix}`;
    })
    .join("\n")}\n`;
}

export function formatCheck(r: CheckResult): string {
  const s = r.stats;
  return `${formatFindings(r.findings, r.text)}共 ${s.errors} 个错误、${s.warnings} 个警告、${s.infos} 个提示（文种：${s.kind ?? "未识别"}，${s.lines} 行，${s.rules} 条规则）\n`;
}

export function formatKinds(kinds: readonly KindInfo[]): string {
  return `${kinds
    .map((k) => {
      const req = k.elements.filter((e) => e.use === "required").map((e) => e.element);
      return `${k.label}（${k.direction}，${k.format}格式）：${k.purpose}\n    必备要素：${req.join("、")}${k.closings.length ? `\n    常用结尾：${k.closings.join(" / ")}` : ""}`;
    })
    .join("\n")}\n`;
}
