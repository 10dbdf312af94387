import type { ChatMessage, Citation, Conversation } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import type { Db } from "../../store/open-store";

interface ConversationRow {
  id: number;
  title: string;
  kb: string | null;
  model_path: string | null;
  model_name: string | null;
  created_at: number;
  updated_at: number;
  messages: number;
}

interface MessageRow {
  id: number;
  conversation_id: number;
  role: ChatMessage["role"];
  content: string;
  thought: string;
  citations: string;
  method: ChatMessage["method"];
  created_at: number;
}

const SELECT_CONVERSATION = `SELECT c.*, (SELECT COUNT(*) FROM assistant_messages m WHERE m.conversation_id = c.id) AS messages
  FROM assistant_conversations c`;

function toConversation(r: ConversationRow): Conversation {
  return { id: r.id, title: r.title, kb: r.kb, modelPath: r.model_path, modelName: r.model_name, createdAt: r.created_at, updatedAt: r.updated_at, messages: r.messages };
}

function toMessage(r: MessageRow): ChatMessage {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    role: r.role,
    content: r.content,
    thought: r.thought,
    citations: JSON.parse(r.citations) as Citation[],
    method: r.method,
    createdAt: r.created_at,
  };
}

/** Conversations and messages in SQLite; all writes are single statements or transactions. */
export class ConversationsRepo {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  create(input: { title: string; kb: string | null; modelPath: string | null; modelName: string | null }): Conversation {
    const t = this.now();
    const r = this.db
      .prepare("INSERT INTO assistant_conversations (title, kb, model_path, model_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(input.title, input.kb, input.modelPath, input.modelName, t, t);
    return this.get(Number(r.lastInsertRowid));
  }

  get(id: number): Conversation {
    const r = this.db.prepare(`${SELECT_CONVERSATION} WHERE c.id = ?`).get(id) as ConversationRow | undefined;
    if (!r) throw new RpcError("NOT_FOUND", `找不到编号为 ${id} 的对话，可能已被删除。`);
    return toConversation(r);
  }

  /** Most recent first; a query matches the title or any message (case-insensitive, literal). */
  list(query?: string): Conversation[] {
    const q = query?.trim();
    if (!q) return (this.db.prepare(`${SELECT_CONVERSATION} ORDER BY c.updated_at DESC, c.id DESC`).all() as ConversationRow[]).map(toConversation);
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `${SELECT_CONVERSATION} WHERE c.title LIKE ? ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM assistant_messages m WHERE m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\')
         ORDER BY c.updated_at DESC, c.id DESC`,
      )
      .all(like, like) as ConversationRow[];
    return rows.map(toConversation);
  }

  rename(id: number, title: string): Conversation {
    const r = this.db.prepare("UPDATE assistant_conversations SET title = ?, updated_at = ? WHERE id = ?").run(title, this.now(), id);
    if (r.changes === 0) throw new RpcError("NOT_FOUND", `找不到编号为 ${id} 的对话，可能已被删除。`);
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.db.prepare("DELETE FROM assistant_conversations WHERE id = ?").run(id).changes > 0;
  }

  messages(conversationId: number): ChatMessage[] {
    return (this.db.prepare("SELECT * FROM assistant_messages WHERE conversation_id = ? ORDER BY id").all(conversationId) as MessageRow[]).map(toMessage);
  }

  /**
   * Saves a question and its complete answer together; with `replaceLastAnswer`
   * (regenerate) the previous last answer is replaced and the question not repeated.
   */
  saveExchange(
    conversationId: number,
    question: string,
    answer: Omit<ChatMessage, "id" | "conversationId" | "role" | "createdAt">,
    replaceLastAnswer = false,
  ): { question: ChatMessage; answer: ChatMessage } {
    return this.db.transaction(() => {
      this.get(conversationId);
      const t = this.now();
      let q: ChatMessage;
      if (replaceLastAnswer) {
        const last = this.messages(conversationId).at(-1);
        if (last?.role === "assistant") this.db.prepare("DELETE FROM assistant_messages WHERE id = ?").run(last.id);
        const lastQuestion = this.messages(conversationId).at(-1);
        if (!lastQuestion || lastQuestion.role !== "user") throw new RpcError("INVALID_INPUT", "这个对话还没有可以重新生成的回答。");
        q = lastQuestion;
      } else {
        q = this.insert(conversationId, "user", { content: question, thought: "", citations: [], method: null }, t);
      }
      const a = this.insert(conversationId, "assistant", answer, t);
      this.db.prepare("UPDATE assistant_conversations SET updated_at = ? WHERE id = ?").run(t, conversationId);
      return { question: q, answer: a };
    })();
  }

  private insert(conversationId: number, role: ChatMessage["role"], m: Pick<ChatMessage, "content" | "thought" | "citations" | "method">, t: number): ChatMessage {
    const r = this.db
      .prepare("INSERT INTO assistant_messages (conversation_id, role, content, thought, citations, method, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(conversationId, role, m.content, m.thought, JSON.stringify(m.citations), m.method, t);
    return { id: Number(r.lastInsertRowid), conversationId, role, ...m, createdAt: t };
  }
}
