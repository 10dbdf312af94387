/** Pure display helpers of the 模型 screen. */

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}

export function formatParameters(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)}K`;
  return String(n);
}

/** Percent for a progress bar, 0–100, safe when the total is unknown. */
export function percent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

export const FIT_COLORS = { gpu: "green", partial: "blue", cpu: "gold", none: "red" } as const;

/** The llama.cpp backend as users know it. */
export function backendName(backend: string): string {
  const names: Record<string, string> = { cpu: "CPU", cuda: "NVIDIA CUDA", vulkan: "Vulkan", metal: "Apple Metal" };
  return names[backend.toLowerCase()] ?? backend;
}

/** A machine without a usable GPU: no VRAM to speak of (the line says "CPU only", not "显存 0 B"). */
export function cpuOnly(m: { backend: string; vramTotal: number }): boolean {
  return m.backend === "cpu" || m.vramTotal <= 0;
}
