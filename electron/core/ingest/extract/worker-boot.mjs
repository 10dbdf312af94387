// Starts the extraction worker from TypeScript source (tests, tsx): registers
// tsx inside the worker thread, then loads the real entry.
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);
