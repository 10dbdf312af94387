import type { ChatMessage, Conversation } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import type { Db } from "../../store/open-store";
import { MessagesRepo, type AnswerFields, type SaveMode } from "./messages-repo";

interface ConversationRow {
  id: number;
  title: string;
  kb: string | null;
  model_path: string | null;
  model_name: string | null;
  system_prompt: string | null;
  temperature: number | null;
  pinned: number;
  created_at: number;
  updated_at: number;
  messages: number;
}

const SELECT_CONVERSATION = `SELECT c.*, (SELECT COUNT(*) FROM assistant_messages m WHERE m.conversation_id = c.id) AS messages
  FROM assistant_conversations c`;
/** Pinned first, then the most recently used. */
const ORDER = "ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC";

function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.id,
    title: r.title,
    kb: r.kb,
    modelPath: r.model_path,
    modelName: r.model_name,
    systemPrompt: r.system_prompt,
    temperature: r.temperature,
    pinned: r.pinned === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    messages: r.messages,
  };
}

export interface NewConversation {
  title: string;
  kb: string | null;
  modelPath: string | null;
  modelName: string | null;
  systemPrompt?: string | null;
  temperature?: number | null;
}

export interface ConversationPatch {
  systemPrompt?: string | null | undefined;
  temperature?: number | null | undefined;
  pinned?: boolean | undefined;
}

/** Conversations in SQLite (their messages: MessagesRepo); all writes are single statements or transactions. */
export class ConversationsRepo {
  readonly messagesRepo: MessagesRepo;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {
    this.messagesRepo = new MessagesRepo(db, now);
  }

  create(input: NewConversation): Conversation {
    const t = this.now();
    const r = this.db
      .prepare(
        "INSERT INTO assistant_conversations (title, kb, model_path, model_name, system_prompt, temperature, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(input.title, input.kb, input.modelPath, input.modelName, input.systemPrompt || null, input.temperature ?? null, t, t);
    return this.get(Number(r.lastInsertRowid));
  }

  get(id: number): Conversation {
    const r = this.db.prepare(`${SELECT_CONVERSATION} WHERE c.id = ?`).get(id) as ConversationRow | undefined;
    if (!r) throw new RpcError("NOT_FOUND", `找不到编号为 ${id} 的对话，可能已被删除。`);
    return toConversation(r);
  }

  /** Pinned first, then most recent; a query matches the title or any message (case-insensitive, literal). */
  list(query?: string): Conversation[] {
    const q = query?.trim();
    if (!q) return (this.db.prepare(`${SELECT_CONVERSATION} ${ORDER}`).all() as ConversationRow[]).map(toConversation);
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `${SELECT_CONVERSATION} WHERE c.title LIKE ? ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM assistant_messages m WHERE m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\')
         ${ORDER}`,
      )
      .all(like, like) as ConversationRow[];
    return rows.map(toConversation);
  }

  rename(id: number, title: string): Conversation {
    const r = this.db.prepare("UPDATE assistant_conversations SET title = ?, updated_at = ? WHERE id = ?").run(title, this.now(), id);
    if (r.changes === 0) throw new RpcError("NOT_FOUND", `找不到编号为 ${id} 的对话，可能已被删除。`);
    return this.get(id);
  }

  /** Changes what the patch names; pinning does not count as use (the order of the rest stays). */
  update(id: number, patch: ConversationPatch): Conversation {
    this.get(id);
    this.db.transaction(() => {
      if (patch.systemPrompt !== undefined) this.db.prepare("UPDATE assistant_conversations SET system_prompt = ? WHERE id = ?").run(patch.systemPrompt || null, id);
      if (patch.temperature !== undefined) this.db.prepare("UPDATE assistant_conversations SET temperature = ? WHERE id = ?").run(patch.temperature, id);
      if (patch.pinned !== undefined) this.db.prepare("UPDATE assistant_conversations SET pinned = ? WHERE id = ?").run(patch.pinned ? 1 : 0, id);
    })();
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.db.prepare("DELETE FROM assistant_conversations WHERE id = ?").run(id).changes > 0;
  }

  deleteMany(ids: readonly number[]): number {
    const del = this.db.prepare("DELETE FROM assistant_conversations WHERE id = ?");
    return this.db.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0))();
  }

  /** Every message, oldest first, answer versions included. */
  messages(conversationId: number): ChatMessage[] {
    return this.messagesRepo.all(conversationId);
  }

  /** The thread as shown and as the model sees it: questions and the selected answer of each. */
  thread(conversationId: number): ChatMessage[] {
    return this.messagesRepo.thread(conversationId);
  }

  /**
   * Saves a question and its complete answer together (one transaction, once
   * the answer is done, so a stopped answer leaves nothing): a new question,
   * another version of the last answer, or an edited question replacing the
   * one it edits and everything after it.
   */
  saveExchange(conversationId: number, question: string, answer: AnswerFields, mode: SaveMode = { kind: "new" }): { question: ChatMessage; answer: ChatMessage } {
    return this.db.transaction(() => {
      this.get(conversationId);
      const saved = this.messagesRepo.saveExchange(conversationId, question, answer, mode);
      this.db.prepare("UPDATE assistant_conversations SET updated_at = ? WHERE id = ?").run(this.now(), conversationId);
      return saved;
    })();
  }
}
