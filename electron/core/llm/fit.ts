import os from "node:os";
import { GgufInsights, readGgufFileInfo, type Llama } from "node-llama-cpp";
import type { Fit, Machine } from "./worker-contract";

/** Memory figures the estimate uses; tests pass small ones to see "will not fit". */
export interface MemoryState {
  ram: { total: number; free: number };
  vram: { total: number; free: number; unifiedSize: number };
}

/** This machine as node-llama-cpp sees it: backend, GPU names, VRAM, RAM. */
export async function describeMachine(llama: Llama): Promise<Machine> {
  const vram = await llama.getVramState();
  return {
    backend: llama.gpu === false ? "cpu" : llama.gpu,
    gpuDevices: llama.gpu === false ? [] : await llama.getGpuDeviceNames(),
    vramTotal: vram.total,
    vramFree: vram.free,
    ramTotal: os.totalmem(),
    ramFree: os.freemem(),
    cpuCores: os.availableParallelism(),
  };
}

/**
 * Estimates how a model fits with node-llama-cpp's GgufInsights: the GPU
 * layers and context it would choose, the memory it needs, and a level for
 * the badge. `memory` replaces the measured state (tests, what-if).
 */
export async function estimateFit(
  llama: Llama,
  path: string,
  options: { gpuLayers?: number; contextSize?: number; memory?: MemoryState } = {},
): Promise<Fit> {
  const info = await readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false });
  const insights = await GgufInsights.from(info, llama);
  const memory = options.memory;
  const result = await insights.configurationResolver.resolveAndScoreConfig(
    {
      ...(options.gpuLayers !== undefined ? { targetGpuLayers: options.gpuLayers } : {}),
      ...(options.contextSize !== undefined ? { targetContextSize: options.contextSize } : {}),
    },
    memory
      ? {
          getRamState: async () => memory.ram,
          getVramState: async () => memory.vram,
          getSwapState: async () => ({ total: 0, free: 0 }),
        }
      : {},
  );
  const v = result.resolvedValues;
  const ramNeed = v.totalRamUsage;
  const vramNeed = v.totalVramUsage;
  const ramTotal = memory?.ram.total ?? os.totalmem();
  const vramTotal = memory?.vram.total ?? (await llama.getVramState()).total;
  return {
    level: fitLevel({
      score: result.compatibilityScore,
      gpuLayers: v.gpuLayers,
      totalLayers: insights.totalLayers,
      needBytes: ramNeed + vramNeed,
      haveBytes: ramTotal + vramTotal,
    }),
    gpuLayers: v.gpuLayers,
    totalLayers: insights.totalLayers,
    contextSize: v.contextSize,
    ramBytes: ramNeed,
    vramBytes: vramNeed,
  };
}

/** The badge: "none" when the estimate exceeds RAM+VRAM or the resolver finds no workable setting. */
export function fitLevel(f: { score: number; gpuLayers: number; totalLayers: number; needBytes: number; haveBytes: number }): Fit["level"] {
  if (f.score <= 0 || f.needBytes > f.haveBytes) return "none";
  if (f.gpuLayers <= 0) return "cpu";
  return f.gpuLayers >= f.totalLayers ? "gpu" : "partial";
}
