import type { Machine, ModelListItem } from "../../../../electron/common/contracts/models";
import { api } from "../../api";
import { useLoad } from "../../components/use-load";

const loadModels = () => api.call("models.list", {});
const NO_MODELS: ModelListItem[] = [];

/** The model list and this machine, reloaded on demand. */
export function useModels(): {
  models: ModelListItem[];
  machine: Machine | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
} {
  const { data, error, loading, reload } = useLoad(loadModels);
  return { models: data?.models ?? NO_MODELS, machine: data?.machine ?? null, loading, error, reload };
}
