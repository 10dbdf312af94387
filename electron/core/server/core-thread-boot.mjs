// Starts serve's core thread from TypeScript source (tests, GOVDESK_DEV=1):
// registers tsx inside the thread, then loads the real entry.
import { workerData } from "node:worker_threads";

const { register } = await import("tsx/esm/api");
register();
await import(workerData.entry);
