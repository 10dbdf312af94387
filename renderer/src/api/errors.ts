import { RpcError } from "../../../electron/common/rpc/wire";
import { englishError } from "./english-errors";

/** The page's language as applyLanguage() set it (no import of i18n here: the api layer stays below the UI). */
function english(): boolean {
  return typeof document !== "undefined" && document.documentElement.lang === "en";
}

/**
 * The text to show for a failed call. RpcError messages are written for
 * users (in Chinese) by the core; in English mode they are given in English
 * (english-errors.ts). Errors that crossed Electron's contextBridge lose
 * their class but keep `message`.
 */
export function errorText(error: unknown, fallback: string): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
  let text = fallback;
  if (error instanceof RpcError) text = error.message;
  else if (error instanceof Error && error.message) text = error.message;
  else if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) text = message;
  }
  return english() && text !== fallback ? englishError(text, code) : text;
}

/** A message the core wrote for users (a file's failure reason), in English when the UI is. */
export function coreText(text: string): string {
  return english() ? englishError(text) : text;
}
