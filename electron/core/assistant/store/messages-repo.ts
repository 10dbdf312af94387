import type { ChatMessage, Citation } from "../../../common/contracts/assistant";
import { RpcError } from "../../../common/rpc/wire";
import type { Db } from "../../store/open-store";

interface MessageRow {
  id: number;
  conversation_id: number;
  role: ChatMessage["role"];
  content: string;
  thought: string;
  citations: string;
  method: ChatMessage["method"];
  created_at: number;
  reply_to: number | null;
  selected: number;
  speed: number | null;
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
    replyTo: r.reply_to,
    selected: r.selected === 1,
    speed: r.speed,
  };
}

export type AnswerFields = Pick<ChatMessage, "content" | "thought" | "citations" | "method"> & { speed?: number | null };

/** new: a question and its answer; regenerate: another answer to the last question; edit: replace question `of` and all after it. */
export type SaveMode = { kind: "new" } | { kind: "regenerate" } | { kind: "edit"; of: number };

const NO_ANSWER = "这个对话还没有可以重新生成的回答。";

/** The messages of conversations: questions, answers and their versions. */
export class MessagesRepo {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  all(conversationId: number): ChatMessage[] {
    return (this.db.prepare("SELECT * FROM assistant_messages WHERE conversation_id = ? ORDER BY id").all(conversationId) as MessageRow[]).map(toMessage);
  }

  thread(conversationId: number): ChatMessage[] {
    return (
      this.db
        .prepare("SELECT * FROM assistant_messages WHERE conversation_id = ? AND (role = 'user' OR selected = 1) ORDER BY id")
        .all(conversationId) as MessageRow[]
    ).map(toMessage);
  }

  get(id: number): ChatMessage {
    const r = this.db.prepare("SELECT * FROM assistant_messages WHERE id = ?").get(id) as MessageRow | undefined;
    if (!r) throw new RpcError("NOT_FOUND", "找不到这条消息，可能已被删除。");
    return toMessage(r);
  }

  /** The conversation's last question, the one a regeneration answers again. */
  lastQuestion(conversationId: number): ChatMessage | null {
    const r = this.db
      .prepare("SELECT * FROM assistant_messages WHERE conversation_id = ? AND role = 'user' ORDER BY id DESC LIMIT 1")
      .get(conversationId) as MessageRow | undefined;
    return r ? toMessage(r) : null;
  }

  saveExchange(conversationId: number, question: string, answer: AnswerFields, mode: SaveMode): { question: ChatMessage; answer: ChatMessage } {
    const t = this.now();
    let q: ChatMessage;
    if (mode.kind === "regenerate") {
      const last = this.lastQuestion(conversationId);
      if (!last) throw new RpcError("INVALID_INPUT", NO_ANSWER);
      this.db.prepare("UPDATE assistant_messages SET selected = 0 WHERE reply_to = ?").run(last.id);
      q = last;
    } else {
      if (mode.kind === "edit") {
        const edited = this.get(mode.of);
        if (edited.conversationId !== conversationId || edited.role !== "user") throw new RpcError("INVALID_INPUT", "只能修改这个对话里的提问。");
        this.db.prepare("DELETE FROM assistant_messages WHERE conversation_id = ? AND id >= ?").run(conversationId, mode.of);
      }
      q = this.insert(conversationId, "user", { content: question, thought: "", citations: [], method: null }, null, t);
    }
    const a = this.insert(conversationId, "assistant", answer, q.id, t);
    return { question: q, answer: a };
  }

  /**
   * Deletes one message: a question takes its answers with it; a shown
   * answer version hands the place to the newest version left. Answers the
   * number of messages removed.
   */
  delete(id: number): number {
    return this.db.transaction(() => {
      const m = this.get(id);
      const before = this.count(m.conversationId);
      this.db.prepare("DELETE FROM assistant_messages WHERE id = ?").run(id);
      if (m.role === "assistant" && m.selected && m.replyTo !== null) {
        this.db
          .prepare("UPDATE assistant_messages SET selected = 1 WHERE id = (SELECT MAX(id) FROM assistant_messages WHERE reply_to = ?)")
          .run(m.replyTo);
      }
      return before - this.count(m.conversationId);
    })();
  }

  /** Shows this answer version instead of the others of its question. */
  select(id: number): ChatMessage {
    const m = this.get(id);
    if (m.role !== "assistant" || m.replyTo === null) throw new RpcError("INVALID_INPUT", "只能切换回答的版本。");
    this.db.transaction(() => {
      this.db.prepare("UPDATE assistant_messages SET selected = 0 WHERE reply_to = ?").run(m.replyTo);
      this.db.prepare("UPDATE assistant_messages SET selected = 1 WHERE id = ?").run(id);
    })();
    return this.get(id);
  }

  private count(conversationId: number): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM assistant_messages WHERE conversation_id = ?").get(conversationId) as { n: number }).n;
  }

  private insert(conversationId: number, role: ChatMessage["role"], m: AnswerFields, replyTo: number | null, t: number): ChatMessage {
    const r = this.db
      .prepare(
        "INSERT INTO assistant_messages (conversation_id, role, content, thought, citations, method, created_at, reply_to, selected, speed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
      )
      .run(conversationId, role, m.content, m.thought, JSON.stringify(m.citations), m.method, t, replyTo, m.speed ?? null);
    return this.get(Number(r.lastInsertRowid));
  }
}
