import type { KindTemplate } from "../kinds/kinds";
import type { RenderedPrompt } from "../../assistant/prompts";

/**
 * The drafting prompts (versioned like the assistant's: a change of wording
 * is a new version). The model fills a JSON structure fixed by a grammar;
 * these say what goes in it. `compact` is for small contexts (the test
 * model): the same request in a few words.
 */
export const DRAFT_OUTLINE = { id: "draft-outline", version: 1 } as const;
export const DRAFT_SECTION = { id: "draft-section", version: 1 } as const;
export const DRAFT_POLISH = { id: "draft-polish", version: 1 } as const;

const SYSTEM = "你是机关公文写作助手，按照《党政机关公文处理工作条例》和GB/T 9704-2012起草公文。语言庄重、准确、简练，不用口语；不编造数字、文号、日期和文件名称；只输出要求的JSON。";
const SYSTEM_COMPACT = "起草公文，只输出JSON。";

export interface SourceLine {
  n: number;
  label: string;
  text: string;
}

export interface OutlineVars {
  t: KindTemplate;
  issuer: string;
  title?: string | undefined;
  subject?: string | undefined;
  to?: string | undefined;
  points: string;
  sources: SourceLine[];
  maxSections: number;
  compact: boolean;
}

const sourceBlock = (sources: SourceLine[]) => (sources.length ? `\n可作依据的资料（按编号引用，不要编造）：\n${sources.map((s) => `[${s.n}]${s.label}：${s.text}`).join("\n")}` : "");

export function outlinePrompt(v: OutlineVars): RenderedPrompt {
  if (v.compact) return { system: SYSTEM_COMPACT, user: `${v.t.kind}：${v.title ?? v.subject ?? ""}\n${v.points}` };
  const about = v.title ? `标题：${v.title}` : v.subject ? `事由：${v.subject}` : "事由：根据要点拟定";
  return {
    system: SYSTEM,
    user: [
      `文种：${v.t.label}（${v.t.purpose}）`,
      `发文机关：${v.issuer}`,
      about,
      v.t.use("主送机关") !== "none" ? `主送机关：${v.to || "请拟定"}` : "本文种不写主送机关，“主送”留空。",
      `要点：\n${v.points}`,
      sourceBlock(v.sources),
      `常用开头：${v.t.openings.join("；") || "无"}；常用结尾：${v.t.closings.join("；") || "无"}`,
      `请拟定：“标题”（发文机关+关于+事由+的+${v.t.kind}）；“主送”；“开头”一段（说明目的、依据，以“现就有关事项……如下：”一类的话收尾，不写文件名）；“sections”为不超过${v.maxSections}个部分的小标题（参考：${v.t.outline.join("、")}，不加序号）；“附件”为附件名称（没有则为空）；“closing”为结尾用语；“依据”为开头所依据的资料编号。`,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}

export interface SectionVars {
  t: KindTemplate;
  title: string;
  headings: string[];
  index: number;
  points: string;
  sources: SourceLine[];
  paragraphs: number;
  chars: number;
  compact: boolean;
}

export function sectionPrompt(v: SectionVars): RenderedPrompt {
  const heading = v.headings[v.index] ?? "";
  if (v.compact) return { system: SYSTEM_COMPACT, user: `${v.title}\n${heading}` };
  return {
    system: SYSTEM,
    user: [
      `文种：${v.t.label}；标题：${v.title}`,
      `全文结构：${v.headings.map((h, i) => `${i + 1}.${h}`).join("；")}`,
      `现在写第${v.index + 1}部分“${heading}”。`,
      `要点：\n${v.points}`,
      sourceBlock(v.sources),
      `写${v.paragraphs === 1 ? "1" : `1至${v.paragraphs}`}段正文放入“paragraphs”（每段不超过${v.chars}字），不要重复小标题，不加序号；“依据”为本部分依据的资料编号。`,
    ]
      .filter(Boolean)
      .join("\n"),
  };
}

export function polishPrompt(v: { t: KindTemplate; paragraphs: { i: number; text: string }[]; compact: boolean }): RenderedPrompt {
  const list = v.paragraphs.map((p) => `[${p.i}] ${p.text}`).join("\n");
  if (v.compact) return { system: SYSTEM_COMPACT, user: list };
  return {
    system: SYSTEM,
    user: `以下是一份${v.t.label}的正文段落（方括号内为段号）。找出措辞不够规范、准确、简练的段落，给出修改后的整段（“revised”）和简短理由（“reason”）；不改变原意，不增加事实，措辞已经规范的段落不要列出。\n${list}`,
  };
}
