import { z } from "zod";

/**
 * Building blocks of a contract. A *call* answers once; a *job* answers at
 * once with a job id, then reports progress events and finishes with a result
 * (or an error, or cancellation). Both are declared with zod schemas so every
 * side of a process boundary can validate what it receives, and may carry
 * method rules that the receiving side enforces (see MethodRules).
 */
export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: "call";
  readonly input: I;
  readonly output: O;
  readonly summary: string;
  readonly rules: MethodRules;
}

export interface JobDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: "job";
  readonly input: I;
  /** Schema of the job's final result (delivered in the `job.finished` event). */
  readonly output: O;
  readonly summary: string;
  readonly rules: MethodRules;
}

/** What the core will do with a path the UI names: read it, write there, or load it as a model. */
export type PathUse = "read" | "write" | "model";

/**
 * Rules of a method, declared beside its schemas so that a new call is one
 * entry in one contract module (no side tables elsewhere).
 */
export interface MethodRules {
  /**
   * Every input field that names a file or folder on this machine, by field
   * path ("path", "paths[]", "sources[].path"), with what the core does with
   * it. The core refuses a window's request naming a place the user never
   * chose (core/security/paths); contracts/rules.test.ts fails when a
   * path-like field is left out.
   */
  readonly paths?: Readonly<Record<string, PathUse>>;
  /**
   * "allow": still answered while an invalid admin policy has locked the app
   * (reading state, the admin's own tools). Everything else is refused then.
   */
  readonly whenLocked?: "allow";
  /**
   * A job whose handler, when cancelled, still returns what it has done so
   * far (a chat cut short): the result travels with the cancellation and the
   * caller gets it instead of a CANCELLED error.
   */
  readonly resultOnCancel?: boolean;
  /** The request must carry this many MessagePorts (main handing a port to the core or a worker). */
  readonly ports?: number;
}

/** The input of a method that takes none: `{}` or nothing at all, and no stray keys. */
export const NoInput = z.object({}).strict().default({});
/** The output of a method that answers nothing but success. */
export const Done = z.object({}).strict();

export type MethodDef = CallDef | JobDef;
export type MethodMap = Record<string, MethodDef>;
export type EventMap = Record<string, z.ZodType>;

export interface ContractDef<M extends MethodMap = MethodMap, E extends EventMap = EventMap> {
  readonly methods: M;
  readonly events: E;
}

/**
 * A method's schema, or a function that builds it: a contract module passes
 * its inline schemas as functions, so a method's schemas are built when it is
 * first called rather than when the contract loads (see lazy-schema.ts).
 */
export type SchemaArg<T extends z.ZodType> = T | (() => T);

export function call<I extends z.ZodType, O extends z.ZodType>(summary: string, input: SchemaArg<I>, output: SchemaArg<O>, rules: MethodRules = {}): CallDef<I, O> {
  return methodDef("call", summary, input, output, rules);
}

export function job<I extends z.ZodType, O extends z.ZodType>(summary: string, input: SchemaArg<I>, output: SchemaArg<O>, rules: MethodRules = {}): JobDef<I, O> {
  return methodDef("job", summary, input, output, rules);
}

function methodDef<K extends "call" | "job", I extends z.ZodType, O extends z.ZodType>(
  kind: K,
  summary: string,
  input: SchemaArg<I>,
  output: SchemaArg<O>,
  rules: MethodRules,
): { kind: K; summary: string; rules: MethodRules; readonly input: I; readonly output: O } {
  let builtInput: I | undefined;
  let builtOutput: O | undefined;
  return {
    kind,
    summary,
    rules,
    get input() {
      return (builtInput ??= typeof input === "function" ? input() : input);
    },
    get output() {
      return (builtOutput ??= typeof output === "function" ? output() : output);
    },
  };
}

export function defineContract<M extends MethodMap, E extends EventMap>(methods: M, events: E): ContractDef<M, E> {
  return { methods, events };
}

/** Input accepted by a method (before zod defaults are applied). */
export type InputOf<D extends MethodDef> = z.input<D["input"]>;
/** Input as the handler sees it, after validation. */
export type ParsedInputOf<D extends MethodDef> = z.output<D["input"]>;
export type OutputOf<D extends MethodDef> = z.output<D["output"]>;
/** What a method resolves to over the wire: a job answers with its id. */
export type ReplyOf<D extends MethodDef> = D extends JobDef ? { jobId: string } : OutputOf<D>;

export type CallNames<M extends MethodMap> = {
  [K in keyof M]: M[K] extends CallDef ? K : never;
}[keyof M] &
  string;
export type JobNames<M extends MethodMap> = {
  [K in keyof M]: M[K] extends JobDef ? K : never;
}[keyof M] &
  string;
