import type { z } from "zod";

/** One line per validation issue, "path: message", for error details and logs. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}
