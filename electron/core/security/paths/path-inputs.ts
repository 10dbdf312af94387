import type { Contract } from "../../../common/contract";
import type { ParsedInputOf } from "../../../common/rpc/define";

/** What the core will do with a path the UI names. */
export type PathUse = "read" | "write" | "model";
export interface NamedPath {
  path: string;
  use: PathUse;
}

type Methods = Contract["methods"];
type Extractors = { [M in keyof Methods]?: (input: ParsedInputOf<Methods[M]>) => NamedPath[] };

const read = (path: string): NamedPath => ({ path, use: "read" });
const write = (path: string): NamedPath => ({ path, use: "write" });
const model = (path: string | undefined): NamedPath[] => (path ? [{ path, use: "model" }] : []);

/**
 * Every contract input that names a file or folder on this machine, by
 * method. The UI may only name places inside a knowledge base or chosen by
 * the user (path-guard.ts); path-inputs.test.ts fails when a method gains a
 * path-like field that is not listed here.
 */
export const PATH_INPUTS: Extractors = {
  "kb.add": (i) => i.paths.map(read),
  "kb.watch": (i) => (i.folder ? [read(i.folder)] : []),
  "kb.extract": (i) => [read(i.path)],
  "kb.previewFile": (i) => [read(i.path)],
  "kb.fileData": (i) => ("path" in i ? [read(i.path)] : []),
  "assistant.sources.check": (i) => i.paths.map(read),
  "models.inspect": (i) => [read(i.path)],
  "models.import": (i) => [read(i.path)],
  "models.verify": (i) => [read(i.path)],
  "models.bench": (i) => (i.path ? [read(i.path)] : []),
  "assistant.summarize": (i) => [...i.sources.flatMap((s) => ("path" in s ? [read(s.path)] : [])), ...model(i.modelPath)],
  "assistant.ask": (i) => model(i.modelPath),
  "assistant.conversations.create": (i) => model(i.modelPath),
  "assistant.export": (i) => (i.path ? [write(i.path)] : []),
  "packs.export": (i) => [write(i.path)],
  "packs.import": (i) => [read(i.path)],
};

export function namedPaths(method: string, input: unknown): NamedPath[] {
  const extract = Object.hasOwn(PATH_INPUTS, method) ? (PATH_INPUTS as Record<string, (i: unknown) => NamedPath[]>)[method] : undefined;
  return extract ? extract(input) : [];
}
