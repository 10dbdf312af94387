import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readBuilderConfig } from "./builder-config";
import { isCovered } from "./native-modules";

/**
 * Checks an unpacked electron-builder output (e.g. release/linux-unpacked)
 * after `npm run dist`: the native modules sit in app.asar.unpacked where the
 * core will look for them, and no model weights slipped in.
 * Usage: npx tsx scripts/packaging/verify-unpacked.ts release/linux-unpacked
 */
export function verifyUnpacked(dir: string): string[] {
  const problems: string[] = [];
  const resources = join(dir, "resources");
  if (!existsSync(join(resources, "app.asar"))) problems.push("resources/app.asar 不存在（未按 asar 打包）");
  const unpacked = join(resources, "app.asar.unpacked");
  const must = ["node_modules/better-sqlite3/build/Release/better_sqlite3.node"];
  for (const rel of must) if (!existsSync(join(unpacked, rel))) problems.push(`缺少原生模块 ${rel}`);
  const files = listFiles(unpacked);
  if (!files.some((f) => /sqlite-vec-[^/]+\/vec0\.(so|dll|dylib)$/.test(f))) problems.push("缺少 sqlite-vec 扩展 (vec0)");
  if (!files.some((f) => f.endsWith("llama-addon.node"))) problems.push("缺少 node-llama-cpp 的 llama-addon.node");
  const globs = readBuilderConfig(join(import.meta.dirname, "../..")).asarUnpack ?? [];
  for (const f of files) if (!isCovered(f, globs)) problems.push(`多余的解包文件 ${f}`);
  for (const f of listFiles(dir)) if (/\.gguf$/i.test(f)) problems.push(`安装包中不应包含模型文件 ${f}`);
  return problems;
}

function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("用法 / usage: tsx scripts/packaging/verify-unpacked.ts <release/linux-unpacked>");
    process.exit(2);
  }
  const problems = verifyUnpacked(dir);
  for (const p of problems) console.error(`FAIL ${p}`);
  console.log(problems.length ? `${problems.length} problem(s)` : "ok: unpacked build looks right");
  process.exit(problems.length ? 1 : 0);
}
