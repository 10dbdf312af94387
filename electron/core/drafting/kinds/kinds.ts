import { z } from "zod";
import { DOC_ELEMENTS, DOC_KINDS, DocFormat, Direction, ElementUse, type DocElement, type DocKind, type KindInfo } from "../../../common/contracts/doc-kinds";
import data from "./kinds.json";

/**
 * The kind templates (kinds.json), validated once when first used. The rest
 * of drafting reads these fields; no code path asks "is this a 请示?".
 */
const ElementMap = z.partialRecord(z.enum(DOC_ELEMENTS), ElementUse);

const KindEntry = z
  .object({
    kind: z.enum(DOC_KINDS),
    label: z.string(),
    purpose: z.string(),
    direction: Direction,
    format: DocFormat,
    elements: ElementMap,
    singleRecipient: z.boolean().default(false),
    mark: z.string().min(1),
    titlePattern: z.string(),
    openings: z.array(z.string()),
    closings: z.array(z.string()),
    closingPattern: z.string().optional(),
    forbidden: z.array(z.object({ pattern: z.string(), message: z.string() }).strict()).default([]),
    outline: z.array(z.string()).min(1),
    notes: z.array(z.string()),
  })
  .strict();

const KindsFile = z.object({ $comment: z.string(), defaults: z.record(z.enum(DOC_ELEMENTS), ElementUse), kinds: z.array(KindEntry).length(DOC_KINDS.length) }).strict();

export interface KindTemplate extends KindInfo {
  titlePattern: string;
  use(element: DocElement): "required" | "optional" | "none";
}

let cache: ReadonlyMap<DocKind, KindTemplate> | null = null;

function load(): ReadonlyMap<DocKind, KindTemplate> {
  const file = KindsFile.parse(data);
  const map = new Map<DocKind, KindTemplate>();
  for (const k of file.kinds) {
    const uses = { ...file.defaults, ...k.elements } as Record<DocElement, z.infer<typeof ElementUse>>;
    const t: KindTemplate = {
      kind: k.kind,
      label: k.label,
      purpose: k.purpose,
      direction: k.direction,
      format: k.format,
      elements: DOC_ELEMENTS.map((element) => ({ element, use: uses[element] })),
      requiresSigner: uses["签发人"] === "required",
      singleRecipient: k.singleRecipient,
      mark: k.mark,
      openings: k.openings,
      closings: k.closings,
      closingPattern: k.closingPattern ?? null,
      forbidden: k.forbidden,
      outline: k.outline,
      notes: k.notes,
      titlePattern: k.titlePattern,
      use: (element) => uses[element],
    };
    map.set(k.kind, t);
  }
  const missing = DOC_KINDS.filter((k) => !map.has(k));
  if (missing.length) throw new Error(`kinds.json: missing ${missing.join(", ")}`);
  return map;
}

export function kindTemplate(kind: DocKind): KindTemplate {
  cache ??= load();
  return cache.get(kind)!;
}

export function allKinds(): KindTemplate[] {
  return DOC_KINDS.map(kindTemplate);
}

/** The contract's view of a kind (no functions). */
export function kindInfo(t: KindTemplate): KindInfo {
  const { titlePattern: _p, use: _u, ...info } = t;
  return info;
}

/** Fills {issuer}, {subject}, {title}; an empty placeholder leaves the pattern unusable (""). */
export function fillPattern(pattern: string, values: { issuer?: string | undefined; subject?: string | undefined; title?: string | undefined }): string {
  let ok = true;
  const out = pattern.replace(/\{(issuer|subject|title)\}/g, (_m, key: "issuer" | "subject" | "title") => {
    const v = values[key]?.trim().replace(key === "subject" ? /^关于|的$/g : /$^/, "");
    if (!v) ok = false;
    return v ?? "";
  });
  return ok ? out : "";
}

/** The 文种 a title ends with (longest match: 命令 before 令), or null. */
export function kindOfTitle(title: string): DocKind | null {
  const t = title.replace(/[\s\u3000]+/g, "").replace(/[（(][^）)]*[）)]$/, "");
  if (/命令$|令$/.test(t) && !/通令$/.test(t)) return "命令";
  for (const k of DOC_KINDS) if (t.endsWith(k)) return k;
  return null;
}
