import { z } from "zod";

/**
 * Zod's JIT probes `new Function` when an object schema is built; eval has
 * no place in a sandboxed preload under a no-'unsafe-eval' CSP. Must run
 * before the contract's schemas are constructed: preload.ts imports it first.
 */
z.config({ jitless: true });
