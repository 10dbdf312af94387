import { z } from "zod";
import type { ContractDef } from "./define";

/**
 * Reads a method's input schema as JSON Schema, for the tests that hold every
 * contract to its rules (contracts/README.md): which fields it has, and which
 * of its objects would let unknown keys through.
 */
type Node = { properties?: Record<string, unknown>; additionalProperties?: unknown; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[]; $defs?: Record<string, unknown> };

const asJson = (schema: z.ZodType): unknown => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

/** Each field path of an input ("name", "paths[]", "sources[].path"). */
export function inputFields(schema: z.ZodType): Set<string> {
  const out = new Set<string>();
  walk(asJson(schema), "", (node, at) => {
    for (const key of Object.keys(node.properties ?? {})) out.add(at ? `${at}.${key}` : key);
    if (node.items) out.add(`${at}[]`);
  });
  return out;
}

/** Where an input has an object that is not .strict() ("(root)", "filters", "sources[]"). */
export function looseObjects(schema: z.ZodType): string[] {
  const out: string[] = [];
  walk(asJson(schema), "", (node, at) => {
    if (node.properties && node.additionalProperties !== false) out.push(at || "(root)");
  });
  return out;
}

/** `method: where` for every input object in a contract that is not strict. */
export function looseInputs(contract: ContractDef): string[] {
  return Object.entries(contract.methods).flatMap(([method, def]) => looseObjects(def.input).map((at) => `${method}: ${at}`));
}

function walk(schema: unknown, at: string, visit: (node: Node, at: string) => void): void {
  if (!schema || typeof schema !== "object") return;
  const node = schema as Node;
  visit(node, at);
  for (const [key, sub] of Object.entries(node.properties ?? {})) walk(sub, at ? `${at}.${key}` : key, visit);
  if (node.items) walk(node.items, `${at}[]`, visit);
  if (node.additionalProperties && typeof node.additionalProperties === "object") walk(node.additionalProperties, `${at}{}`, visit);
  for (const alt of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(alt, at, visit);
  for (const [name, def] of Object.entries(node.$defs ?? {})) walk(def, `$defs.${name}`, visit);
}
