import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";

/** The parts of electron-builder.yml the packaging checks read. */
export interface BuilderConfig {
  asar?: boolean;
  asarUnpack?: string[];
  files?: string[];
  electronFuses?: Record<string, boolean>;
  npmRebuild?: boolean;
  nsis?: Record<string, unknown>;
  win?: { target?: { target: string; arch?: string[] }[] };
  linux?: { target?: { target: string; arch?: string[] }[] };
}

export function readBuilderConfig(root: string): BuilderConfig {
  return jsYaml.load(readFileSync(join(root, "electron-builder.yml"), "utf8")) as BuilderConfig;
}

/** Release fuses required by the security review (issue: IT rollout and security). */
export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
};
