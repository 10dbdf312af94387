#!/usr/bin/env node
// Launcher for the `govdesk` command. In a source checkout it runs the
// TypeScript CLI through tsx (no build step after `npm ci`); in a build
// without sources or dev dependencies it runs the bundled dist/cli/govdesk.mjs.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "electron/cli/main.ts");
const bundle = join(root, "dist/cli/govdesk.mjs");

async function hasTsx() {
  try {
    await import("tsx/esm/api");
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && (await hasTsx())) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
} else if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  process.stderr.write("错误：找不到 GovDesk 命令行程序，请在项目目录运行 npm ci / error: CLI not found, run npm ci\n");
  process.exitCode = 1;
}
