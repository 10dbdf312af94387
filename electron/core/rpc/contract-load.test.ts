import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import * as contractModule from "../../common/contract";
import * as hostContract from "../../common/host-contract";
import * as jobContract from "../../common/rpc/job-contract";
import * as extractContract from "../ingest/extract/extract-contract";
import * as workerContract from "../llm/worker-contract";
import * as packFormat from "../security/packs/format";

/** Every module of common/contracts/, found in the folder, so that a new one is checked without being listed. */
async function featureModules(): Promise<Record<string, Record<string, unknown>>> {
  const dir = join(import.meta.dirname, "../../common/contracts");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await import(pathToFileURL(join(dir, f)).href)) as Record<string, unknown>])));
}

/**
 * Loading the one contract builds few of its schemas; the rest
 * are built only by the methods used. Counted in a fresh `node` through zod's
 * post-processing hook, which runs once for every schema zod constructs
 * (common/rpc/lazy-schema.ts).
 */
describe("the one contract, loaded", () => {
  it("builds most of its schemas only when its methods are used", () => {
    const script = `
      let built = 0;
      globalThis.__zod_globalConfig = { postProcessor: () => { built++; } };
      const { contract } = await import(${JSON.stringify(join(import.meta.dirname, "../../common/contract.ts"))});
      const { z } = await import("zod");
      const atLoad = built;
      // Converting each schema to JSON Schema walks it whole, building every lazy part.
      const walk = (schema) => z.toJSONSchema(schema, { unrepresentable: "any" });
      for (const def of Object.values(contract.methods)) { walk(def.input); walk(def.output); }
      for (const schema of Object.values(contract.events)) walk(schema);
      console.log(JSON.stringify({ atLoad, all: built }));`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", cwd: join(import.meta.dirname, "../../..") });
    expect(r.status, r.stderr).toBe(0);
    const { atLoad, all } = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { atLoad: number; all: number };
    // Measured: 273 of ~2,000 at load (before: all 1,936); settings, the wire format, enums and short string rules stay eager.
    expect(all).toBeGreaterThan(1500);
    expect(atLoad).toBeLessThan(all / 4);
  }, 30_000);

  it("contract modules export their composite schemas built on first use (lazy-schema.ts, contracts/README rule 7)", async () => {
    const features = await featureModules();
    expect(Object.keys(features)).toEqual(expect.arrayContaining(["assistant.ts", "doc-kinds.ts", "drafting.ts", "knowledge.ts", "models.ts", "policy.ts", "security.ts"]));
    // Beside the folder, the other modules of rule 7: the extraction threads', the model worker's and the pack format's schemas
    // (Settings stays eager: it is parsed at every start and its shape is read as data).
    const modules = { contract: contractModule, hostContract, jobContract, extractContract, workerContract, packFormat, ...features };
    const eager: string[] = [];
    let lazy = 0;
    for (const [module, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        const type = (value as { _zod?: { def: { type: string } } })?._zod?.def.type;
        if (type === "lazy") lazy++;
        else if (type && !["enum", "literal", "string", "number", "boolean"].includes(type)) eager.push(`${module}.${name}: ${type}`);
      }
    }
    expect(eager).toEqual([]);
    expect(lazy).toBeGreaterThan(50);
  });
});
