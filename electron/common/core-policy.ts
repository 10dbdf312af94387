import { z } from "zod";

/**
 * core -> main (utilityProcess parentPort), once the core has read the admin
 * policy: what main must decide before it opens a window. Only the policy
 * turns DevTools on (developer.devtools); main waits for this message, and
 * without it (no core, an invalid policy) opens the window without DevTools.
 */
export const CORE_POLICY_TYPE = "core.policy";

export const CorePolicyMessage = z.object({ type: z.literal(CORE_POLICY_TYPE), devtools: z.boolean() }).strict();
export type CorePolicyMessage = z.infer<typeof CorePolicyMessage>;
