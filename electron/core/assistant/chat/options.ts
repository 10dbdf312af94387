import type { Conversation } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import { policySettings } from "../../security/services";
import { DEFAULT_LOCK_REASON } from "../../security/policy/effective";
import type { CoreServices } from "../../services";
import { PLAIN_CHAT_SYSTEM_V1 } from "../prompts/plain-chat.v1";

/** Answers over a knowledge base keep close to their sources unless the conversation says otherwise. */
export const RAG_TEMPERATURE = 0.2;

export interface ChatOptions {
  /** The user's (or IT's) own system prompt; "" when none is set. */
  customPrompt: string;
  /** Temperature of a plain conversation. */
  temperature: number;
  /** A temperature set for this conversation or by IT (knowledge-base answers use it instead of RAG_TEMPERATURE). */
  temperatureSet: boolean;
}

type Own = Pick<Conversation, "systemPrompt" | "temperature">;

/** Which of the two chat settings the admin's policy locks, with the reason shown. */
export function lockedChatSettings(s: Pick<CoreServices, "policy">): { systemPrompt: boolean; temperature: boolean; reason: string } {
  const load = s.policy.load;
  const locked = load.ok ? (load.policy.lockedSettings as Record<string, unknown>) : {};
  const reason = (load.ok ? load.policy.lockReason : undefined) ?? DEFAULT_LOCK_REASON;
  return { systemPrompt: Object.hasOwn(locked, "chatSystemPrompt"), temperature: Object.hasOwn(locked, "chatTemperature"), reason };
}

/**
 * A conversation's system prompt and temperature in force: IT's locked
 * values first, then the conversation's own, then the settings' defaults.
 */
export function chatOptions(s: CoreServices, own: Own): ChatOptions {
  const settings = policySettings(s, s.settings.get());
  const locked = lockedChatSettings(s);
  const customPrompt = (locked.systemPrompt ? settings.chatSystemPrompt : (own.systemPrompt ?? settings.chatSystemPrompt)).trim();
  const ownTemperature = locked.temperature ? null : own.temperature;
  return {
    customPrompt,
    temperature: ownTemperature ?? settings.chatTemperature,
    temperatureSet: locked.temperature || ownTemperature !== null,
  };
}

/** The system prompt of a plain conversation. */
export function plainSystemPrompt(o: ChatOptions): string {
  return o.customPrompt || PLAIN_CHAT_SYSTEM_V1;
}

/** Refuses to give a conversation its own value of a setting IT locked. */
export function assertChatOptionsAllowed(s: CoreServices, patch: { systemPrompt?: string | null | undefined; temperature?: number | null | undefined }): void {
  const locked = lockedChatSettings(s);
  const names = [
    ...(locked.systemPrompt && patch.systemPrompt != null ? ["系统提示词"] : []),
    ...(locked.temperature && patch.temperature != null ? ["温度"] : []),
  ];
  if (names.length) throw new RpcError("INVALID_INPUT", `${names.join("和")}已被管理员锁定，不能为单个对话修改：${locked.reason}`);
}
