import { homedir } from "node:os";
import type { Command } from "commander";
import { resolveDataDir } from "../common/data-dir";
import type { Contract, HostKind } from "../common/contract";
import type { TransportClient } from "../common/rpc/client";
import type { InputOf, JobNames, OutputOf } from "../common/rpc/define";
import type { JobRunOptions } from "../common/rpc/run-job";
import type { Core } from "../core/core";

/*
 * Startup: the CLI's entry module and every command module import only
 * commander, Node built-ins and small helpers. The core (SQLite, zod
 * schemas, feature handlers) and everything heavier is imported here, when
 * a command's action runs, so `govdesk --help` never pays for it. The
 * bundles test (e2e/bundles.spec.ts) checks the entry's static imports.
 */

export interface GlobalOptions {
  dataDir?: string;
}

export function dataDirFrom(options: GlobalOptions): string {
  return resolveDataDir({ platform: process.platform, env: process.env, home: homedir(), flag: options.dataDir }).dir;
}

type Methods = Contract["methods"];

/** The in-process client plus `job`, runJob over the product contract (progress, Ctrl+C cancel). */
export interface CliClient extends TransportClient<Contract> {
  job<K extends JobNames<Methods>>(method: K, input: InputOf<Methods[K]>, opts?: JobRunOptions): Promise<OutputOf<Methods[K]>>;
}

/** Opens the core in this process and a client to it through the contract. */
export async function openCore(options: GlobalOptions, host: HostKind): Promise<{ core: Core; client: CliClient }> {
  const [{ createCore }, { connectInProcess }, { contract }, { runJob }] = await Promise.all([
    import("../core/core"),
    import("../core/rpc/in-process"),
    import("../common/contract"),
    import("../common/rpc/run-job"),
  ]);
  const log = process.env["GOVDESK_DEBUG"] ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const core = createCore({ dataDir: dataDirFrom(options), host, ...(log ? { log } : {}) });
  const client = connectInProcess(contract, core.router) as CliClient;
  client.job = (method, input, opts) => runJob(contract, client, method, input, opts);
  return { core, client };
}

/**
 * Runs one command against a core opened in this process, closing both
 * after. `--policy <file>` (audit and policy commands) sets GOVDESK_POLICY
 * before the core first reads the policy.
 */
export async function withCore<T>(cmd: Command, fn: (client: CliClient) => Promise<T>): Promise<T> {
  const opts = cmd.optsWithGlobals<GlobalOptions & { policy?: string }>();
  if (opts.policy) process.env["GOVDESK_POLICY"] = opts.policy;
  const { core, client } = await openCore(opts, "cli");
  try {
    return await fn(client);
  } finally {
    client.close();
    await core.close();
  }
}
