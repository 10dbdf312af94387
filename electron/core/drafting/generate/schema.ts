/**
 * JSON schemas the model's output must follow (node-llama-cpp turns them
 * into a grammar, so the output always parses). Lengths are bounded so a
 * generation always finishes inside its token budget. Keys follow the issue:
 * {标题, 主送, sections: [{heading, paragraphs}], 附件, closing} (+ 开头, 依据).
 */
export interface Limits {
  /** Characters of one heading, title, short line. */
  line: number;
  /** Characters of a paragraph. */
  paragraph: number;
  sections: number;
  paragraphs: number;
}

const str = (maxLength: number) => ({ type: "string", minLength: 1, maxLength }) as const;
const ids = (sources: number[], maxItems: number, minItems = 0) =>
  sources.length ? ({ type: "array", items: { enum: sources }, minItems: Math.min(minItems, sources.length), maxItems } as const) : ({ type: "array", items: { type: "integer" }, maxItems: 0 } as const);

export function outlineSchema(l: Limits, sources: number[]): object {
  return {
    type: "object",
    properties: {
      标题: str(l.line),
      主送: { type: "string", maxLength: l.line },
      开头: str(l.paragraph),
      // With sources at hand the opening rests on at least one of them (“根据《…》（…号）”).
      依据: ids(sources, 3, 1),
      sections: { type: "array", items: { type: "object", properties: { heading: str(l.line) }, required: ["heading"] }, minItems: 1, maxItems: l.sections },
      附件: { type: "array", items: str(l.line), maxItems: 3 },
      closing: { type: "string", maxLength: l.line },
    },
    required: ["标题", "主送", "开头", "依据", "sections", "附件", "closing"],
  };
}

export function sectionSchema(l: Limits, sources: number[]): object {
  return {
    type: "object",
    properties: {
      paragraphs: { type: "array", items: str(l.paragraph), minItems: 1, maxItems: l.paragraphs },
      依据: ids(sources, 2),
    },
    required: ["paragraphs", "依据"],
  };
}

export function polishSchema(l: Pick<Limits, "paragraph" | "line">, indices: number[], max: number): object {
  return {
    type: "object",
    properties: {
      suggestions: {
        type: "array",
        items: { type: "object", properties: { paragraph: { enum: indices }, revised: str(l.paragraph), reason: str(l.line) }, required: ["paragraph", "revised", "reason"] },
        maxItems: max,
      },
    },
    required: ["suggestions"],
  };
}

/**
 * Worst-case tokens of a schema's output: every string at its longest, at
 * `perChar` tokens a character (an escaped character can take six bytes),
 * plus the JSON around it.
 */
export function worstTokens(l: Limits, perChar: number, kind: "outline" | "section"): number {
  const structure = kind === "outline" ? 60 + l.sections * 12 : 30 + l.paragraphs * 4;
  const chars = kind === "outline" ? l.line * (3 + l.sections + 3) + l.paragraph : l.paragraph * l.paragraphs;
  return Math.ceil(structure * 1.5 + chars * perChar);
}
