import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * Proves the layering rule with the project's real ESLint config: the same
 * code is an error in one layer and fine in another.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "govdesk/import-layers").map((m) => m.message);
}

describe("import-layers lint rule", () => {
  it.each([
    ["electron/core/x.ts", 'import "electron";\n', /core may not import electron/],
    ["electron/core/store/x.ts", 'import { app } from "electron";\nexport const a = app;\n', /core may not import electron/],
    ["electron/core/x.ts", 'import { a } from "../main/main";\nexport const b = a;\n', /core may not import from main/],
    ["electron/cli/x.ts", 'export * from "../../renderer/src/app";\n', /cli may not import from renderer/],
    ["electron/common/x.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', /Node module/],
    ["electron/common/x.ts", 'import { createCore } from "../core/core";\nexport const c = createCore;\n', /common may not import from core/],
    ["renderer/src/x.ts", 'import fs from "fs";\nexport const f = fs;\n', /renderer may not import the Node module "fs"/],
    ["renderer/src/x.ts", 'import { join } from "node:path";\nexport const j = join;\n', /Node module/],
    ["renderer/src/x.ts", 'import { ipcRenderer } from "electron";\nexport const i = ipcRenderer;\n', /renderer may not import electron/],
    ["renderer/src/x.ts", 'import { createCore } from "../../electron/core/core";\nexport const c = createCore;\n', /renderer may not import from core/],
    ["electron/main/x.ts", 'import { openStore } from "../core/store/open-store";\nexport const o = openStore;\n', /main may not import from core/],
    ["electron/preload/x.ts", 'import { readFile } from "node:fs/promises";\nexport const r = readFile;\n', /preload may not import the Node module/],
    ["electron/core/x.ts", 'export const m = await import("electron");\n', /core may not import electron/],
    ["electron/core/x.ts", 'export const m = require("electron");\n', /core may not import electron/],
  ])("%s: refuses %j", async (file, code, message) => {
    expect(await errors(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["electron/core/x.ts", 'import { contract } from "../common/contract";\nimport { join } from "node:path";\nexport const c = [contract, join];\n'],
    ["electron/main/x.ts", 'import { app } from "electron";\nimport { rendererCsp } from "../common/csp";\nexport const a = [app, rendererCsp];\n'],
    ["electron/cli/x.ts", 'import { createCore } from "../core/core";\nexport const c = createCore;\n'],
    ["renderer/src/x.ts", 'import { contract } from "../../electron/common/contract";\nexport const c = contract;\n'],
    ["scripts/x.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n'],
  ])("%s: allows %j", async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });
});
