import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../../electron/core/testing/temp-dir";
import { verifyUnpacked } from "./verify-unpacked";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function put(rel: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), "x");
}

const GOOD = [
  "resources/app.asar",
  "resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node",
  "resources/app.asar.unpacked/node_modules/sqlite-vec-linux-x64/vec0.so",
  "resources/app.asar.unpacked/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/llama-addon.node",
];

describe("verify-unpacked (layout of an unpacked electron-builder output)", () => {
  it("accepts a layout with the native modules unpacked", () => {
    GOOD.forEach(put);
    expect(verifyUnpacked(dir)).toEqual([]);
  });

  it("names each missing native module, stray unpacked file and packed model", () => {
    GOOD.filter((f) => !f.includes("sqlite-vec")).forEach(put);
    put("resources/app.asar.unpacked/dist/core/core.mjs");
    put("resources/models/qwen.gguf");
    const problems = verifyUnpacked(dir).join("\n");
    expect(problems).toMatch(/sqlite-vec/);
    expect(problems).toMatch(/多余的解包文件 dist\/core\/core\.mjs/);
    expect(problems).toMatch(/模型文件 resources\/models\/qwen\.gguf/);
  });
});
