import { z } from "zod";

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
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
