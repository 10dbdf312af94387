import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs Electronegativity (Doyensec's Electron security linter) over the code
 * that runs in Electron — main, preload, the shared contract/CSP and the
 * renderer page — and returns its HIGH and MEDIUM findings, each with the
 * explanation from electronegativity-explained.json when one exists.
 */
const ROOT = join(import.meta.dirname, "../..");
// Its CLI relies on an undeclared (hoisted) commander 2–5 and breaks beside
// ours (14); the programmatic runner has no such dependency.
interface Issue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
}
type Runner = (options: Record<string, unknown>) => Promise<{ errors: unknown[]; issues: Issue[] }>;
const runElectronegativity = createRequire(import.meta.url)("@doyensec/electronegativity") as Runner;

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
  explanation: string | null;
}

interface Explained {
  check: string;
  /** Path relative to the scanned tree, e.g. "main/main.ts". */
  file: string;
  /**
   * Text that must appear in the statement the finding points at (its line
   * and the next 40): the explanation holds for that code only, so a new
   * BrowserWindow with its own options in the same file is not explained.
   */
  where: string;
  why: string;
}

/** The finding's statement: its line and the 40 after, from the scanned copy. */
function statementAt(dir: string, file: string, line: number): string {
  try {
    return readFileSync(join(dir, file), "utf8").split("\n").slice(Math.max(0, line - 1), line + 40).join("\n");
  } catch {
    return "";
  }
}

/**
 * Scans the Electron code of the project (or, for the scanner's own test,
 * `tree`: a folder laid out like the copy made here: main/, preload/, …).
 */
export async function scan(tree?: string): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), "govdesk-eneg-"));
  try {
    if (tree) cpSync(tree, dir, { recursive: true });
    else {
      const notTest = (src: string) => !/\.test\.ts$/.test(src);
      for (const part of ["main", "preload", "common"]) cpSync(join(ROOT, "electron", part), join(dir, part), { recursive: true, filter: notTest });
      cpSync(join(ROOT, "renderer/index.html"), join(dir, "renderer/index.html"));
      cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
    }
    const electron = (JSON.parse(readFileSync(join(ROOT, "node_modules/electron/package.json"), "utf8")) as { version: string }).version;
    const result = await runElectronegativity({ input: dir, isRelative: true, isVerbose: false, electronVersionOverride: electron, parserPlugins: [] });
    if (result.errors.length) throw new Error(`electronegativity could not parse: ${JSON.stringify(result.errors).slice(0, 500)}`);
    const explained = JSON.parse(readFileSync(join(import.meta.dirname, "electronegativity-explained.json"), "utf8")) as Explained[];
    return result.issues
      .filter((i) => i.severity.name === "HIGH" || i.severity.name === "MEDIUM")
      .map((i) => ({
        check: i.id,
        severity: i.severity.name,
        file: i.file,
        location: `${i.location.line}:${i.location.column}`,
        sample: i.sample ?? "",
        explanation: explained.find((e) => e.check === i.id && e.file === i.file && statementAt(dir, i.file, i.location.line).includes(e.where))?.why ?? null,
      }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const findings = await scan();
  for (const f of findings) console.log(`${f.explanation ? "explained" : "UNEXPLAINED"} ${f.severity} ${f.check} ${f.file}:${f.location} ${f.explanation ?? f.sample}`);
  const open = findings.filter((f) => !f.explanation).length;
  console.log(`${findings.length} high/medium finding(s), ${open} unexplained`);
  process.exitCode = open ? 1 : 0;
}
