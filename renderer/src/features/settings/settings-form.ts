import type { Settings, SettingsPatch } from "../../../../electron/common/settings";

/**
 * The settings form's own shape: `threads` is "auto" or a number in the
 * schema, but on screen it is a choice plus a number box, so the number
 * the user typed survives switching to "auto" and back.
 */
export interface SettingsFormValues {
  language: Settings["language"];
  theme: Settings["theme"];
  fontScale: Settings["fontScale"];
  threadsMode: "auto" | "fixed";
  threadsCount: number | null;
  sendKey: Settings["sendKey"];
  chatSystemPrompt: string;
  chatTemperature: number;
}

/** What the form offers; the schema allows more (up to 256) for IT policy. */
export const MIN_THREADS = 1;
export const MAX_THREADS = 64;
/** Shown in the number box while threads are "auto". */
export const SUGGESTED_THREADS = 4;

export const FONT_SCALES = [
  { value: 100, labelKey: "settings.fontScaleOptions.normal" },
  { value: 115, labelKey: "settings.fontScaleOptions.large" },
  { value: 130, labelKey: "settings.fontScaleOptions.larger" },
] as const;

export function toFormValues(s: Settings): SettingsFormValues {
  const count = s.threads === "auto" ? null : s.threads;
  return {
    language: s.language,
    theme: s.theme,
    fontScale: s.fontScale,
    threadsMode: count === null ? "auto" : "fixed",
    threadsCount: count ?? SUGGESTED_THREADS,
    sendKey: s.sendKey,
    chatSystemPrompt: s.chatSystemPrompt,
    chatTemperature: s.chatTemperature,
  };
}

/**
 * Whether the form holds changes not saved yet (leaving the screen asks
 * first). Compared as typed, not as toPatch would send them: a count of 999
 * that save refuses is still a change the user would lose.
 */
export function isDirty(form: SettingsFormValues, saved: Settings): boolean {
  const was = toFormValues(saved);
  const threads = (v: SettingsFormValues): string => (v.threadsMode === "auto" ? "auto" : String(v.threadsCount));
  return (
    form.language !== was.language ||
    form.theme !== was.theme ||
    form.fontScale !== was.fontScale ||
    threads(form) !== threads(was) ||
    form.sendKey !== was.sendKey ||
    (form.chatSystemPrompt ?? "").trim() !== was.chatSystemPrompt.trim() ||
    form.chatTemperature !== was.chatTemperature
  );
}

/** True when a typed thread count is acceptable (the form's validator). */
export function isValidThreadCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= MIN_THREADS && n <= MAX_THREADS;
}

/**
 * The patch to send. The form validates first and refuses an invalid count
 * with the rule (it is never quietly changed to another number); if one gets
 * here anyway it means "auto".
 */
export function toPatch(v: SettingsFormValues): SettingsPatch {
  const threads = v.threadsMode === "fixed" && isValidThreadCount(v.threadsCount) ? v.threadsCount : "auto";
  return {
    language: v.language,
    theme: v.theme,
    fontScale: v.fontScale,
    threads,
    sendKey: v.sendKey,
    chatSystemPrompt: (v.chatSystemPrompt ?? "").trim(),
    chatTemperature: typeof v.chatTemperature === "number" && v.chatTemperature >= 0 && v.chatTemperature <= 2 ? v.chatTemperature : 0.7,
  };
}
