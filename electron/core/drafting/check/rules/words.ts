import { z } from "zod";
import { Severity } from "../../../../common/contracts/drafting";
import data from "../data/misused-words.json";
import { matches, type Rule } from "../types";

/** Misused words in 公文, from the curated list in data/misused-words.json (each entry cites its sources). */
const Entry = z
  .object({
    wrong: z.string().min(1),
    regex: z.boolean().default(false),
    right: z.string().min(1),
    severity: Severity,
    why: z.string().min(1),
    sources: z.array(z.string()).min(1),
  })
  .strict();
const WordList = z.object({ $comment: z.string(), sources: z.record(z.string(), z.string()), entries: z.array(Entry).min(1) }).strict();

export type WordEntry = z.infer<typeof Entry> & { re: RegExp };

let cache: { entries: WordEntry[]; sources: Record<string, string> } | null = null;

export function wordList(): { entries: WordEntry[]; sources: Record<string, string> } {
  if (cache) return cache;
  const list = WordList.parse(data);
  const entries = list.entries.map((e) => {
    for (const s of e.sources) if (!list.sources[s]) throw new Error(`misused-words.json: unknown source "${s}" for ${e.wrong}`);
    return { ...e, re: new RegExp(e.regex ? e.wrong : e.wrong.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gu") };
  });
  cache = { entries, sources: list.sources };
  return cache;
}

export const wordsRule: Rule = {
  id: "words.misused",
  title: "常见误用词语（截止/截至、即/既、做/作、其他/其它、部署/布署……）",
  check(doc, report) {
    const { entries, sources } = wordList();
    for (const line of doc.lines) {
      if (line.role === "pageNumber") continue;
      for (const e of entries) {
        for (const { m, offset } of matches(line, e.re)) {
          const cite = e.sources.map((s) => sources[s]!.split("，")[0]).join("；");
          report({ severity: e.severity, message: `“${m[0]}”应为“${e.right}”：${e.why}（依据：${cite}）`, offset, length: m[0].length, suggestion: e.right });
        }
      }
    }
  },
};
