import { useCallback, useEffect, useState } from "react";
import { errorText } from "../../api";

/** Runs a loader on mount and on `reload()`, keeping its result or a user-facing error. */
export function useLoad<T>(load: () => Promise<T>): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(() => {
    setLoading(true);
    load().then(
      (d) => {
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        setError(errorText(e, ""));
        setLoading(false);
      },
    );
  }, [load]);
  useEffect(reload, [reload]);
  return { data, error, loading, reload };
}

/** Offers text as a file download (the browser's own save, no file path crosses to the core). */
export function downloadText(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "application/x-ndjson;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
