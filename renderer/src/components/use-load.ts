import { useCallback, useEffect, useState } from "react";
import { errorText } from "../api";

/**
 * Runs a loader on mount, whenever the loader changes (keep it stable with
 * useCallback or define it outside the component) and on `reload()`, keeping
 * its last result and a user-facing error. `reload()` resolves once done and
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
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
