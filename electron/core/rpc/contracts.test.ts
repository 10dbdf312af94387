import { describe, expect, it } from "vitest";
import { looseInputs } from "../../common/rpc/schema-walk";
import { extractContract } from "../ingest/extract/extract-contract";
import { workerContract } from "../llm/worker-contract";

/** The core's own boundaries follow the same contract style as the UI's (common/contract.test.ts). */
describe("core-internal contracts", () => {
  it("the model worker's and the extraction thread's inputs are .strict() at every level", () => {
    expect(looseInputs(workerContract)).toEqual([]);
    expect(looseInputs(extractContract)).toEqual([]);
  });
});
