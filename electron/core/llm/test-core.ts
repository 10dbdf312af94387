import { contract } from "../../common/contract";
import { modelMethods } from "../../common/contracts/models";
import { defineContract } from "../../common/rpc/define";
import { createCore, type Core, type CoreServices } from "../core";
import { connectInProcess } from "../rpc/in-process";
import { modelHandlers } from "./handlers";
import type { CoreOptions } from "../core";

/**
 * Test-only: a core serving the model calls plus settings and jobs, so the
 * model module's tests do not depend on other features being complete.
 * Never imported by product code.
 */
export const modelsTestContract = defineContract(
  {
    ...modelMethods,
    "settings.get": contract.methods["settings.get"],
    "settings.set": contract.methods["settings.set"],
    "jobs.cancel": contract.methods["jobs.cancel"],
  },
  contract.events,
);
export type ModelsTestContract = typeof modelsTestContract;

export function openModelsCore(
  dataDir: string,
  options: CoreOptions["modelService"] = {},
): {
  core: Core<ModelsTestContract>;
  client: ReturnType<typeof connectInProcess<ModelsTestContract>>;
  services: () => CoreServices;
} {
  const core = createCore(
    { dataDir, host: "test", modelService: options },
    {
      contract: modelsTestContract,
      handlers: (s) => {
        return {
          ...modelHandlers(s),
          "settings.get": () => s.settings.get(),
          "settings.set": (patch) => s.settings.set(patch),
          "jobs.cancel": ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
        };
      },
    },
  );
  return { core, client: connectInProcess(modelsTestContract, core.router), services: () => core.services };
}
