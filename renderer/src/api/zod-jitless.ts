import { z } from "zod";

/**
 * Our CSP has no 'unsafe-eval'. Zod's JIT probes `new Function` when an object
 * schema is built, which a strict CSP reports as a violation even though zod
 * recovers. Turning the JIT off must happen before any schema (the contract)
 * is constructed, so main.tsx imports this module first.
 */
z.config({ jitless: true });
