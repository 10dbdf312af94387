import { call, defineContract, Done, NoInput } from "./define";

/**
 * How Electron main hands a utility process (the core, a model worker) the
 * MessagePort it is to serve on: a call on the process's parentPort with the
 * port riding along. main relays nothing itself (DESIGN.md "Processes").
 */
export const portMethods = {
  "port.connect": call("Serve on the MessagePort that comes with this request", NoInput, Done, { ports: 1 }),
};

/** What a model worker serves on its parentPort: only that. */
export const portContract = defineContract(portMethods, {});
export type PortContract = typeof portContract;
