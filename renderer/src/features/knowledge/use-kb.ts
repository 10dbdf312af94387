import { useCallback, useEffect, useState } from "react";
import type { KbBase, KbDocument } from "../../../../electron/common/contracts/knowledge";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";

const loadBases = () => api.call("kb.list", {});
// Stable while nothing is loaded, so effects that depend on the list do not rerun.
const NO_BASES: KbBase[] = [];

/** The bases and whether vector search is on, reloaded on demand. */
export function useBases(): { bases: KbBase[]; vectorSearch: boolean; error: string | null; loading: boolean; reload: () => Promise<void> } {
  const { data, error, loading, reload } = useLoad(loadBases);
  return { bases: data?.bases ?? NO_BASES, vectorSearch: data?.vectorSearch ?? false, error, loading, reload };
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
