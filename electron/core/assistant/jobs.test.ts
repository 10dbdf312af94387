import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { contract } from "../../common/contract";
import { runJob } from "../../common/rpc/run-job";
import { tempDir } from "../testing/temp-dir";
import { NOT_FOUND_ANSWER } from "./prompts";
import { openAssistantCore, writeNotice } from "./testing/core";
import { loadTestChatModel, type TestChatModel } from "./testing/llama-chat-model";

let model: TestChatModel;
let useModel = true;
let dir: string;
let cleanup: () => void;
let opened: ReturnType<typeof openAssistantCore>;

beforeAll(async () => {
  model = await loadTestChatModel(await ensureTestModel(), 1024);
}, 60_000);
afterAll(async () => model?.dispose());
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  useModel = true;
  opened = openAssistantCore(join(dir, "data"), () => (useModel ? model : null));
});
afterEach(async () => {
  opened.client.close();
  await opened.core.close();
  cleanup();
});

const client = () => opened.client;

describe("assistant.summarize", () => {
  it("without a model gives a saved extractive summary whose points cite pages that hold them", async () => {
    useModel = false;
    const path = writeNotice(dir, 12);
    const stages: string[] = [];
    const s = await runJob(contract, client(), "assistant.summarize", { sources: [{ path }], length: "bullets" }, { onProgress: (p) => stages.push(p.stage) });
    expect(s).toMatchObject({ method: "extractive", model: null, stats: { pages: 12 } });
    expect(stages).toContain("extract");
    const pages = (await client().call("kb.extract", { path })).pages;
    for (const p of s.points) expect(pages[p.pages[0]! - 1]!.text.replace(/\s/g, "")).toContain(p.text.replace(/\s/g, ""));
    expect(await client().call("assistant.summaries.get", { id: s.id })).toEqual(s);
    expect((await client().call("assistant.summaries.list", {})).map((x) => x.id)).toEqual([s.id]);
  });

  it("with the model runs map-reduce over every chunk and streams the final text as assistant.delta events", async () => {
    const path = writeNotice(dir, 8);
    let jobId = "";
    let streamed = "";
    const off = client().on("assistant.delta", (d) => {
      if (d.jobId === jobId && d.type === "text") streamed += d.text;
    });
    const s = await runJob(contract, client(), "assistant.summarize", { sources: [{ path }], length: "brief" }, { onJobId: (id) => (jobId = id) });
    off();
    expect(s.method).toBe("llm");
    expect(s.stats.chunks).toBeGreaterThan(0);
    expect(s.stats.modelCalls).toBeGreaterThan(1);
    expect(s.prompts).toContain("summarize-map@1");
    expect(streamed.trim()).toBe(s.summary);
  }, 60_000);

  it("summarises several documents together, each point naming its document", async () => {
    useModel = false;
    const a = writeNotice(dir, 4, "a.txt");
    const b = join(dir, "b.txt");
    writeFileSync(b, "关于做好防汛工作的通知\n各单位要落实防汛责任制，汛期实行二十四小时值班。\f发现险情应当立即报告并组织人员转移。");
    const s = await runJob(contract, client(), "assistant.summarize", { sources: [{ path: a }, { path: b }], length: "bullets" });
    expect(s.documents).toHaveLength(2);
    expect(new Set(s.points.map((p) => p.document)).size).toBe(2);
  });

  it("summarises a document of a knowledge base from its stored pages", async () => {
    useModel = false;
    await client().call("kb.create", { name: "库" });
    await runJob(contract, client(), "kb.add", { name: "库", paths: [writeNotice(dir, 5)] });
    const doc = (await client().call("kb.documents", { name: "库" })).documents[0]!;
    const s = await runJob(contract, client(), "assistant.summarize", { sources: [{ documentId: doc.id }], length: "bullets" });
    expect(s.documents[0]).toMatchObject({ documentId: doc.id, pages: 5 });
    expect(Math.max(...s.points.map((p) => p.pages[0]!))).toBeGreaterThanOrEqual(4);
    await expect(runJob(contract, client(), "assistant.summarize", { sources: [{ documentId: 9999 }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancelled mid-way stops the model and saves nothing", async () => {
    const path = writeNotice(dir, 30);
    const controller = new AbortController();
    const before = model.calls.length;
    const run = runJob(contract, client(), "assistant.summarize", { sources: [{ path }] }, {
      signal: controller.signal,
      onProgress: (p) => p.stage === "map" && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    await new Promise((r) => setTimeout(r, 300));
    const made = model.calls.length - before;
    expect(made).toBeLessThan(5);
    await new Promise((r) => setTimeout(r, 300));
    expect(model.calls.length - before).toBe(made);
    expect(await client().call("assistant.summaries.list", {})).toEqual([]);
  }, 60_000);

  it("refuses bad input with a Chinese reason and keeps working", async () => {
    await expect(runJob(contract, client(), "assistant.summarize", { sources: [{ path: join(dir, "missing.txt") }] })).rejects.toMatchObject({ message: expect.stringMatching(/missing\.txt/) });
    await expect(client().call("assistant.summarize", { sources: [] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(runJob(contract, client(), "assistant.summarize", { sources: [{ path: dir }] })).rejects.toMatchObject({ message: expect.stringMatching(/是文件夹/) });
    const blank = join(dir, "blank.txt");
    writeFileSync(blank, "   \n\n  ");
    await expect(runJob(contract, client(), "assistant.summarize", { sources: [{ path: blank }], extractive: true })).rejects.toMatchObject({ message: expect.stringMatching(/没有可读取的文字|为空/) });
    await expect(client().call("assistant.summaries.get", { id: 999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    useModel = false;
    const ok = await runJob(contract, client(), "assistant.summarize", { sources: [{ path: writeNotice(dir, 2) }] });
    expect(ok.method).toBe("extractive");
  });
});

describe("assistant.ask and conversations", () => {
  async function kbWithNotice(pages = 6): Promise<string> {
    await client().call("kb.create", { name: "制度" });
    await runJob(contract, client(), "kb.add", { name: "制度", paths: [writeNotice(dir, pages)] });
    return "制度";
  }

  it("answers with citations whose pages really contain the cited passage, and saves the exchange", async () => {
    const kb = await kbWithNotice();
    const r = await runJob(contract, client(), "assistant.ask", { kb, question: "季度盘点有什么要求？" });
    expect(r.answer.method).toBe("llm");
    expect(r.answer.citations.length).toBeGreaterThan(0);
    for (const c of r.answer.citations) {
      const page = await client().call("kb.preview", { documentId: c.documentId, page: c.page });
      expect(page.text.replace(/\s/g, "")).toContain(c.snippet.replace(/\s/g, ""));
    }
    const got = await client().call("assistant.conversations.get", { id: r.conversationId });
    expect(got.conversation).toMatchObject({ kb, messages: 2 });
    expect(got.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(got.messages[1]!.citations).toEqual(r.answer.citations);
  }, 60_000);

  it("says 'not found' without calling the model when nothing relevant is indexed", async () => {
    const kb = await kbWithNotice(2);
    const before = model.calls.length;
    const r = await runJob(contract, client(), "assistant.ask", { kb, question: "火星探测器哪天发射？" });
    expect(r.answer).toMatchObject({ content: NOT_FOUND_ANSWER, method: "not-found", citations: [] });
    expect(model.calls.length).toBe(before);
  });

  it("a follow-up that names nothing itself is searched with the previous question", async () => {
    const kb = await kbWithNotice(3);
    const first = await runJob(contract, client(), "assistant.ask", { kb, question: "季度盘点有什么要求？" });
    const alone = await runJob(contract, client(), "assistant.ask", { kb, question: "它由谁负责？" });
    expect(alone.answer.method).toBe("not-found");
    const follow = await runJob(contract, client(), "assistant.ask", { conversationId: first.conversationId, question: "它由谁负责？" });
    expect(follow.answer.method).toBe("llm");
    expect(follow.answer.citations.some((c) => c.snippet.includes("季度盘点"))).toBe(true);
  }, 60_000);

  it("cancelling an answer leaves no half-saved message", async () => {
    const kb = await kbWithNotice(2);
    const first = await runJob(contract, client(), "assistant.ask", { kb, question: "采购审批有什么要求？" });
    const controller = new AbortController();
    let jobId = "";
    let chunks = 0;
    const off = client().on("assistant.delta", (d) => void (d.jobId === jobId && ++chunks === 1 && controller.abort()));
    const run = runJob(contract, client(), "assistant.ask", { conversationId: first.conversationId, question: "季度盘点呢？" }, { signal: controller.signal, onJobId: (id) => (jobId = id) });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    off();
    await new Promise((r) => setTimeout(r, 200));
    const got = await client().call("assistant.conversations.get", { id: first.conversationId });
    expect(got.messages).toHaveLength(2);
  }, 60_000);

  it("a conversation survives a restart of the core and continues over its knowledge base", async () => {
    const kb = await kbWithNotice(3);
    const r = await runJob(contract, client(), "assistant.ask", { kb, question: "监督检查由谁负责？" });
    opened.client.close();
    await opened.core.close();
    opened = openAssistantCore(join(dir, "data"), () => model);
    const list = await client().call("assistant.conversations.list", {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: r.conversationId, kb, messages: 2 });
    const next = await runJob(contract, client(), "assistant.ask", { conversationId: r.conversationId, question: "季度盘点有什么规定？" });
    expect(next.conversationId).toBe(r.conversationId);
    expect(model.calls.at(-1)!.user).toContain("季度盘点有什么规定");
    const regen = await runJob(contract, client(), "assistant.ask", { conversationId: r.conversationId, question: "x", regenerate: true });
    expect(regen.question.content).toBe("季度盘点有什么规定？");
    // The earlier answer is kept as version 1 of 2; the new one is shown.
    const messages = (await client().call("assistant.conversations.get", { id: r.conversationId })).messages;
    expect(messages).toHaveLength(5);
    const versions = messages.filter((m) => m.replyTo === regen.question.id);
    expect(versions.map((m) => m.selected)).toEqual([false, true]);
  }, 60_000);

  it("lists, searches, renames and deletes conversations", async () => {
    await client().call("kb.create", { name: "甲" });
    const a = await client().call("assistant.conversations.create", { kb: "甲", title: "采购问题" });
    await expect(client().call("assistant.conversations.create", { kb: "没有这个库" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const b = await client().call("assistant.conversations.create", { title: "防汛值班" });
    expect((await client().call("assistant.conversations.list", { query: "防汛" })).map((c) => c.id)).toEqual([b.id]);
    expect((await client().call("assistant.conversations.list", { query: "%" })).length).toBe(0);
    expect(await client().call("assistant.conversations.rename", { id: a.id, title: "采购审批" })).toMatchObject({ title: "采购审批" });
    expect(await client().call("assistant.conversations.delete", { id: a.id })).toEqual({ deleted: true });
    expect(await client().call("assistant.conversations.delete", { id: a.id })).toEqual({ deleted: false });
    await expect(client().call("assistant.conversations.rename", { id: a.id, title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(client().call("assistant.conversations.rename", { id: b.id, title: "  " })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    useModel = false;
    await expect(runJob(contract, client(), "assistant.ask", { question: "没有知识库" })).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("没有可用的对话模型") });
    await expect(runJob(contract, client(), "assistant.ask", { kb: "不存在", question: "问题" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports a conversation and a summary to Markdown and DOCX with their sources", async () => {
    const kb = await kbWithNotice(2);
    const r = await runJob(contract, client(), "assistant.ask", { kb, question: "采购审批有什么要求？" });
    const md = await client().call("assistant.export", { kind: "conversation", id: r.conversationId, format: "markdown" });
    const text = Buffer.from(md.base64, "base64").toString("utf8");
    expect(text).toContain("## 问");
    expect(text).toContain(`[1] 《${r.answer.citations[0]!.title}》第${r.answer.citations[0]!.page}页`);
    const out = join(dir, "对话.docx");
    const docx = await client().call("assistant.export", { kind: "conversation", id: r.conversationId, format: "docx", path: out });
    expect(docx.path).toBe(out);
    expect(Buffer.from(docx.base64, "base64").subarray(0, 2).toString()).toBe("PK");
    useModel = false;
    const s = await runJob(contract, client(), "assistant.summarize", { sources: [{ path: writeNotice(dir, 3, "s.txt") }] });
    const smd = Buffer.from((await client().call("assistant.export", { kind: "summary", id: s.id, format: "markdown" })).base64, "base64").toString("utf8");
    expect(smd).toContain("抽取式摘要");
    expect(smd).toContain("来源文档");
    await expect(client().call("assistant.export", { kind: "summary", id: s.id, format: "markdown", path: join(dir, "no/such/dir/x.md") })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  }, 60_000);
});
