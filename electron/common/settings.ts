import { z } from "zod";
import { lazySchema } from "./rpc/lazy-schema";

/**
 * User settings. Every field has a default so an empty store is a valid
 * store; `settings.set` takes a partial patch and the merged result is
 * validated again before it is saved.
 */
export const Settings = z.object({
  language: z.enum(["zh-CN", "en"]).default("zh-CN"),
  theme: z.enum(["light", "dark"]).default("light"),
  /** Larger type for long reading sessions; percent of the base font size. */
  fontScale: z.union([z.literal(100), z.literal(115), z.literal(130)]).default(100),
  /** CPU threads for local inference: "auto" picks from free physical cores. */
  threads: z.union([z.literal("auto"), z.number().int().min(1).max(256)]).default("auto"),
  /** Default models (sha256 of an imported model, or "remote:<name>"); null = none chosen. */
  defaultChatModelId: z.string().nullable().default(null),
  defaultEmbeddingModelId: z.string().nullable().default(null),
  /** Unload a model after this many idle minutes; 0 = keep it loaded. */
  modelIdleUnloadMinutes: z.number().int().min(0).max(1440).default(15),
  /** Overrides of the automatic fit: GPU layers and context size; null = automatic. */
  modelGpuLayers: z.number().int().min(0).max(1000).nullable().default(null),
  modelContextSize: z.number().int().min(256).max(1_048_576).nullable().default(null),
  /** Intranet OpenAI-compatible server (vLLM, llama.cpp server, Ollama …); empty = not used. */
  remoteModelUrl: z.string().default(""),
  remoteModelKey: z.string().default(""),
  /** Default system prompt of new conversations ("" = the built-in one); lockable by policy. */
  chatSystemPrompt: z.string().max(4000, "系统提示词最多 4000 字").default(""),
  /** Default sampling temperature of plain chat (0 = always the likeliest word); lockable by policy. */
  chatTemperature: z.number().min(0, "温度应在 0 到 2 之间").max(2, "温度应在 0 到 2 之间").default(0.7),
  /** Which key sends a chat message; the other one adds a line. */
  sendKey: z.enum(["enter", "ctrlEnter"]).default("enter"),
  /** The first-run welcome was closed; the checklist stays until every step is done. */
  guideSeen: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

/**
 * Any subset of the settings. Not `Settings.partial()`: under zod 4 that
 * still fills in the defaults of absent keys, so a one-key patch would reset
 * every other setting. Each field here is the setting's schema without its default.
 */
type PatchShape = { [K in keyof typeof Settings.shape]: z.ZodOptional<ReturnType<(typeof Settings.shape)[K]["unwrap"]>> };
export const SettingsPatch = lazySchema(() =>
  z.object(Object.fromEntries(Object.entries(Settings.shape).map(([k, v]) => [k, v.unwrap().optional()])) as PatchShape).strict(),
);
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
