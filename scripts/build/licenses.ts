import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One third-party component shipped with GovDesk, for the 关于 screen. */
export interface LicenseEntry {
  name: string;
  version: string;
  license: string;
  /** Index into `texts` (licence texts are shared by many packages). */
  text: number | null;
}

export interface LicenseFile {
  entries: LicenseEntry[];
  texts: string[];
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

/** A package name from a module id inside node_modules (the last node_modules/ wins: nested copies). */
export function packageOf(id: string): string | null {
  const m = /.*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  return m ? m[1]!.replace(/\\/g, "/") : null;
}

/** Every package npm installs for production (the app's runtime dependencies and theirs), from the lock file. */
export function runtimePackages(root: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== "" && !p.dev && existsSync(join(root, path)))
    .map(([path]) => packageOf(path)!)
    .filter(Boolean);
}

function readPackage(root: string, name: string): { version: string; license: string; text: string | null } | null {
  const dir = join(root, "node_modules", name);
  if (!existsSync(join(dir, "package.json"))) return null;
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string; license?: unknown; licenses?: { type?: string }[] };
  const license = typeof pkg.license === "string" ? pkg.license : (pkg.licenses?.map((l) => l.type).join(" OR ") ?? "UNKNOWN");
  const file = readdirSync(dir).find((f) => LICENSE_FILE.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : null;
  return { version: pkg.version ?? "", license, text };
}

const LLAMA_CPP_MIT = `MIT License

Copyright (c) 2023-2025 The ggml authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/**
 * The licences of the packages named (bundled into the UI, or installed as
 * runtime dependencies), plus llama.cpp, which node-llama-cpp's binaries are
 * built from. Sorted by name; identical texts stored once.
 */
export function collectLicenses(root: string, names: Iterable<string>): LicenseFile {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const add = (text: string | null): number | null => {
    if (!text) return null;
    let i = textIndex.get(text);
    if (i === undefined) {
      i = texts.push(text) - 1;
      textIndex.set(text, i);
    }
    return i;
  };
  const entries: LicenseEntry[] = [];
  for (const name of [...new Set(names)].sort()) {
    const p = readPackage(root, name);
    if (p) entries.push({ name, version: p.version, license: p.license, text: add(p.text) });
  }
  const release = (() => {
    try {
      return (JSON.parse(readFileSync(join(root, "node_modules/node-llama-cpp/llama/binariesGithubRelease.json"), "utf8")) as { release?: string }).release ?? "";
    } catch {
      return "";
    }
  })();
  entries.push({ name: "llama.cpp (ggml-org)", version: release, license: "MIT", text: add(LLAMA_CPP_MIT) });
  return { entries, texts };
}
