import { describe, expect, it } from "vitest";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/** Flatten to "a.b.c" → text, so the languages can be compared key by key. */
function flatten(tree: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = `${prefix}${k}`;
    if (typeof v === "string") out.set(key, v);
    else if (typeof v === "object" && v !== null) for (const [kk, vv] of flatten(v, `${key}.`)) out.set(kk, vv);
    else throw new Error(`${key} is neither text nor a group`);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("i18n resources", () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it("have the same keys in en as in zh-CN", () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, text] of zh) expect(placeholders(english.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("have no empty strings", () => {
    for (const [key, text] of [...zh, ...english]) expect(text.trim(), key).not.toBe("");
  });
});
