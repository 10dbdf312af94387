import type { z } from "zod";

/** One line per validation issue, "path: message", for error details and logs. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}

const OWN_MESSAGE = /[\u3400-\u9fff]/;

/**
 * What to tell the user about input that failed its schema. The contract's
 * schemas carry plain-Chinese messages for the rules a person can break (a
 * question too long, an empty name); those are shown as they are. Anything
 * else (zod's own English text) is a program's mistake: the generic line.
 */
export function invalidInputText(error: z.ZodError): string {
  const own = error.issues.map((i) => i.message).filter((m) => OWN_MESSAGE.test(m));
  return own.length ? [...new Set(own)].join("；") : "请求参数不正确";
}
