import { useCallback, useEffect, useState } from "react";
import { errorText } from "../api";
import { useCoreStore } from "../state/core";

/**
 * Runs a loader on mount, whenever the loader changes (keep it stable with
 * useCallback or define it outside the component) and on `reload()`, keeping
 * its last result and a user-facing error. While the core is not running it
 * does not call (the call would only wait); it loads once the core is up. `reload()` resolves once done and
 * never rejects; a failed reload keeps the previous data beside the error.
 */
export function useLoad<T>(load: () => Promise<T>): { data: T | null; error: string | null; loading: boolean; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(errorText(e, ""));
    } finally {
      setLoading(false);
    }
  }, [load]);
  // Load again whenever the core is (back) up: a call made while it was down failed or waited.
  const running = useCoreStore((s) => s.core.state === "running");
  useEffect(() => {
    if (running) void reload();
  }, [reload, running]);
  return { data, error, loading, reload };
}
