import type { MethodRules, PathUse } from "./define";

/** A path a request names, and what the core will do with it. */
export interface NamedPath {
  path: string;
  use: PathUse;
}

/**
 * The paths a (validated) input names, found by the method's `paths` rule:
 * each key is a field path where "a.b" descends into objects and "a[]"
 * into each item of an array; absent, null and non-string values name nothing.
 */
export function namedPaths(rules: MethodRules, input: unknown): NamedPath[] {
  const out: NamedPath[] = [];
  for (const [field, use] of Object.entries(rules.paths ?? {})) collect(input, field.split("."), use, out);
  return out;
}

function collect(value: unknown, fields: readonly string[], use: PathUse, out: NamedPath[]): void {
  const [head, ...rest] = fields;
  if (head === undefined) {
    if (typeof value === "string") out.push({ path: value, use });
    return;
  }
  const each = head.endsWith("[]");
  const name = each ? head.slice(0, -2) : head;
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, name)) return;
  const next = (value as Record<string, unknown>)[name];
  if (!each) return collect(next, rest, use, out);
  if (Array.isArray(next)) for (const item of next) collect(item, rest, use, out);
}
