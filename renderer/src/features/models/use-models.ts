import { useCallback, useEffect, useState } from "react";
import type { Machine, ModelListItem } from "../../../../electron/common/contracts/models";
import { api, errorText } from "../../api";

/** The model list and this machine, reloaded on demand. */
export function useModels(): {
  models: ModelListItem[];
  machine: Machine | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
} {
  const [models, setModels] = useState<ModelListItem[]>([]);
  const [machine, setMachine] = useState<Machine | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const out = await api.call("models.list", {});
      setModels(out.models);
      setMachine(out.machine);
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
  return { models, machine, loading, error, reload };
}
