// The fixed cost any program that runs a model pays, the baseline of bench/summarize and
// bench/llm (model start-up):
// a plain node process that loads node-llama-cpp, the GGUF and a context of the given
// size, and exits. Prints the milliseconds from process start to a ready context.
//   node bench/llm/bare-load.mjs <model.gguf> <threads> [contextSize]
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const [path, threads, contextSize] = process.argv.slice(2);
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: path, gpuLayers: 0 });
const context = await model.createContext({ threads: Number(threads), sequences: 1, ...(contextSize ? { contextSize: Number(contextSize) } : {}) });
process.stdout.write(`${performance.now()}\n`);
await context.dispose();
await model.dispose();
