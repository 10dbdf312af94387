import { useCallback, useEffect, useState } from "react";
import type { KbBase, KbDocument } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";

/** The bases and whether vector search is on, reloaded on demand. */
export function useBases(): { bases: KbBase[]; vectorSearch: boolean; error: string | null; loading: boolean; reload: () => Promise<void> } {
  const [bases, setBases] = useState<KbBase[]>([]);
  const [vectorSearch, setVector] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    try {
      const out = await api.call("kb.list", {});
      setBases(out.bases);
      setVector(out.vectorSearch);
      setError(null);
    } catch (e) {
      setError(errorText(e, ""));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { bases, vectorSearch, error, loading, reload };
}

/** The documents of one base. */
export function useDocuments(name: string | null): { documents: KbDocument[]; loading: boolean; reload: () => Promise<void> } {
  const [documents, setDocuments] = useState<KbDocument[]>([]);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    if (!name) {
      setDocuments([]);
      return;
    }
    setLoading(true);
    try {
      setDocuments((await api.call("kb.documents", { name })).documents);
    } catch {
      setDocuments([]);
    } finally {
      setLoading(false);
    }
  }, [name]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { documents, loading, reload };
}
