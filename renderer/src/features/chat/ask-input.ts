import type { assistantMethods } from "../../../../electron/common/contracts/assistant";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";
import type { InputOf } from "../../../../electron/common/rpc/define";

export type AskInput = InputOf<(typeof assistantMethods)["assistant.ask"]>;

export interface AskOptions {
  /** The open conversation (its knowledge base and model are used), or null for a new one. */
  conversationId: number | null;
  /** Knowledge base of a new conversation; null: a plain conversation with the model. */
  kb: string | null;
  modelPath: string | null;
  regenerate: boolean;
  /** Edit and resend: the question of the open conversation this one replaces. */
  editOf?: number | undefined;
  /** Retrieval filters for this question (and its regeneration); empty means the whole base. */
  filters?: SearchFiltersInput | undefined;
  /** A new conversation's own system prompt and temperature (null: the defaults). */
  systemPrompt?: string | null | undefined;
  temperature?: number | null | undefined;
}

/** The assistant.ask input for a question: filters are per question, so a regeneration carries them too. */
export function askInput(question: string, o: AskOptions): AskInput {
  const filters = o.filters && Object.keys(o.filters).length > 0 ? { filters: o.filters } : {};
  if (o.conversationId !== null) {
    return { conversationId: o.conversationId, question, regenerate: o.regenerate, ...(o.editOf !== undefined ? { editOf: o.editOf } : {}), ...filters };
  }
  return {
    question,
    ...(o.kb ? { kb: o.kb } : {}),
    ...(o.modelPath ? { modelPath: o.modelPath } : {}),
    ...(o.systemPrompt ? { systemPrompt: o.systemPrompt } : {}),
    ...(o.temperature !== null && o.temperature !== undefined ? { temperature: o.temperature } : {}),
    ...filters,
  };
}
