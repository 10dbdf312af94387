import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { contract } from "../../common/contract";
import { runJob } from "../../common/rpc/run-job";
import { NOTICE_PAGES, writePdf } from "../ingest/testing/fixtures";
import { tempDir } from "../testing/temp-dir";
import { PLAIN_CHAT_SYSTEM_V1 } from "./prompts/plain-chat.v1";
import { openAssistantCore, writeNotice } from "./testing/core";
import { loadTestChatModel, type TestChatModel } from "./testing/llama-chat-model";

/**
 * The desk's conversation features over the real core and the real test
 * model: plain chat without a knowledge base, a conversation's own system
 * prompt and temperature (and IT locking them), answer versions, edit and
 * resend, deleting one message, pins and bulk delete; the first-run guide;
 * checking summary sources; the file preview calls.
 */
let model: TestChatModel;
let useModel = true;
let dir: string;
let cleanup: () => void;
let opened: ReturnType<typeof openAssistantCore>;

beforeAll(async () => {
  model = await loadTestChatModel(await ensureTestModel(), 1024);
}, 60_000);
afterAll(async () => model?.dispose());

function open(policy?: object): void {
  if (policy) {
    const path = join(dir, "policy.json");
    writeFileSync(path, JSON.stringify(policy));
    process.env["GOVDESK_POLICY"] = path;
  }
  opened = openAssistantCore(join(dir, "data"), () => (useModel ? model : null));
}
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  useModel = true;
});
afterEach(async () => {
  opened.client.close();
  await opened.core.close();
  delete process.env["GOVDESK_POLICY"];
  cleanup();
});

const client = () => opened.client;
const ask = (input: Parameters<typeof runJob<typeof contract, "assistant.ask">>[3], signal?: AbortSignal) =>
  runJob(contract, client(), "assistant.ask", input, signal ? { signal } : {});
const last = () => model.calls.at(-1)!;

describe("plain chat", () => {
  it("answers without a knowledge base with the built-in system prompt and the default temperature, keeping the conversation's history", async () => {
    open();
    const first = await ask({ question: "你好，请介绍一下你自己" });
    expect(first.answer.method).toBe("llm");
    expect(first.answer.citations).toEqual([]);
    expect(last()).toMatchObject({ system: PLAIN_CHAT_SYSTEM_V1, temperature: 0.7, user: "你好，请介绍一下你自己", history: [] });
    const conv = (await client().call("assistant.conversations.get", { id: first.conversationId })).conversation;
    expect(conv).toMatchObject({ kb: null, title: "你好，请介绍一下你自己", systemPrompt: null, temperature: null });
    await ask({ conversationId: first.conversationId, question: "再说一遍" });
    expect(last().history).toEqual(["你好，请介绍一下你自己", first.answer.content]);
  }, 60_000);

  it("without a model says what to do instead of answering 未找到相关内容", async () => {
    open();
    useModel = false;
    await expect(ask({ question: "你好" })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: "没有可用的对话模型，无法直接对话。请在“模型”页导入模型并设为默认对话模型，或使用信息中心提供的内网模型服务器；也可以选择一个知识库，查看检索到的原文。",
    });
    expect((await client().call("assistant.conversations.list", {})).length).toBe(0);
  });

  it("uses a conversation's own system prompt and temperature, changed or reset later", async () => {
    open();
    const r = await ask({ question: "写一句开场白", systemPrompt: "你是办公室的文字秘书，只用一句话回答。", temperature: 0.1 });
    expect(last()).toMatchObject({ system: "你是办公室的文字秘书，只用一句话回答。", temperature: 0.1 });
    await client().call("assistant.conversations.update", { id: r.conversationId, temperature: 1.2 });
    await ask({ conversationId: r.conversationId, question: "再写一句" });
    expect(last()).toMatchObject({ system: "你是办公室的文字秘书，只用一句话回答。", temperature: 1.2 });
    await client().call("assistant.conversations.update", { id: r.conversationId, systemPrompt: null, temperature: null });
    await ask({ conversationId: r.conversationId, question: "第三句" });
    expect(last()).toMatchObject({ system: PLAIN_CHAT_SYSTEM_V1, temperature: 0.7 });
    await expect(client().call("assistant.conversations.update", { id: r.conversationId, temperature: 3 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "温度应在 0 到 2 之间",
    });
  }, 60_000);

  it("puts a knowledge-base conversation's own prompt before the answering rules", async () => {
    open();
    await client().call("kb.create", { name: "制度" });
    await runJob(contract, client(), "kb.add", { name: "制度", paths: [writeNotice(dir, 3)] });
    await ask({ kb: "制度", question: "季度盘点有什么要求？", systemPrompt: "回答时先写结论。" });
    expect(last().system.startsWith("回答时先写结论。\n\n")).toBe(true);
    expect(last().system).toContain("只根据资料回答");
    expect(last().temperature).toBe(0.2);
  }, 60_000);

  it("IT's locked system prompt and temperature apply to every conversation and cannot be changed per conversation", async () => {
    open({ lockedSettings: { chatSystemPrompt: "请按公文语言回答。", chatTemperature: 0.3 }, lockReason: "由信息中心统一设置" });
    const r = await ask({ question: "你好" });
    expect(last()).toMatchObject({ system: "请按公文语言回答。", temperature: 0.3 });
    await expect(client().call("assistant.conversations.update", { id: r.conversationId, systemPrompt: "随便聊" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "系统提示词已被管理员锁定，不能为单个对话修改：由信息中心统一设置",
    });
    await expect(ask({ question: "你好", temperature: 1 })).rejects.toMatchObject({ message: "温度已被管理员锁定，不能为单个对话修改：由信息中心统一设置" });
    // Pinning is not a chat setting: still allowed.
    expect((await client().call("assistant.conversations.update", { id: r.conversationId, pinned: true })).pinned).toBe(true);
  }, 60_000);
});

describe("answer versions, edit and resend, delete one message", () => {
  it("regenerating keeps every version; selecting one makes later questions build on it", async () => {
    open();
    const q = await ask({ question: "起草一段通知开头" });
    const v2 = await ask({ conversationId: q.conversationId, question: "x", regenerate: true });
    const v3 = await ask({ conversationId: q.conversationId, question: "x", regenerate: true });
    const all = (await client().call("assistant.conversations.get", { id: q.conversationId })).messages;
    const versions = all.filter((m) => m.replyTo === q.question.id);
    expect(versions.map((m) => m.id)).toEqual([q.answer.id, v2.answer.id, v3.answer.id]);
    expect(versions.map((m) => m.selected)).toEqual([false, false, true]);
    const picked = await client().call("assistant.messages.select", { id: q.answer.id });
    expect(picked.selected).toBe(true);
    await ask({ conversationId: q.conversationId, question: "继续" });
    expect(last().history).toEqual(["起草一段通知开头", q.answer.content]);
    await expect(client().call("assistant.messages.select", { id: q.question.id })).rejects.toMatchObject({ message: "只能切换回答的版本。" });
  }, 90_000);

  it("deleting the shown version shows the newest one left; deleting a question takes its answers", async () => {
    open();
    const q = await ask({ question: "问题一" });
    const v2 = await ask({ conversationId: q.conversationId, question: "x", regenerate: true });
    expect(await client().call("assistant.messages.delete", { id: v2.answer.id })).toEqual({ deleted: 1 });
    let all = (await client().call("assistant.conversations.get", { id: q.conversationId })).messages;
    expect(all.map((m) => [m.id, m.selected])).toEqual([
      [q.question.id, true],
      [q.answer.id, true],
    ]);
    expect(await client().call("assistant.messages.delete", { id: q.question.id })).toEqual({ deleted: 2 });
    all = (await client().call("assistant.conversations.get", { id: q.conversationId })).messages;
    expect(all).toEqual([]);
    await expect(client().call("assistant.messages.delete", { id: q.question.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "找不到这条消息，可能已被删除。" });
  }, 60_000);

  it("edit and resend replaces the question and everything after it, only once the new answer is complete", async () => {
    open();
    const one = await ask({ question: "第一问" });
    const two = await ask({ conversationId: one.conversationId, question: "第二问" });
    await ask({ conversationId: one.conversationId, question: "第三问" });
    // A stopped edit changes nothing.
    const controller = new AbortController();
    const stopped = ask({ conversationId: one.conversationId, question: "改过的第二问", editOf: two.question.id }, controller.signal);
    setTimeout(() => controller.abort(), 30);
    await expect(stopped).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await client().call("assistant.conversations.get", { id: one.conversationId })).messages).toHaveLength(6);

    const edited = await ask({ conversationId: one.conversationId, question: "改过的第二问", editOf: two.question.id });
    expect(last().history).toEqual(["第一问", one.answer.content]);
    const all = (await client().call("assistant.conversations.get", { id: one.conversationId })).messages;
    expect(all.map((m) => m.content)).toEqual(["第一问", one.answer.content, "改过的第二问", edited.answer.content]);
    await expect(ask({ conversationId: one.conversationId, question: "x", editOf: one.answer.id })).rejects.toMatchObject({
      message: "要修改的提问已不在这个对话中，可能已被删除。",
    });
  }, 90_000);

  it("saves how fast a model answer was written", async () => {
    open();
    const r = await ask({ question: "说点什么" });
    if (r.answer.content.length > 1) expect(r.answer.speed).toBeGreaterThan(0);
    useModel = false;
    await client().call("kb.create", { name: "库" });
    await runJob(contract, client(), "kb.add", { name: "库", paths: [writeNotice(dir, 2)] });
    const passages = await ask({ kb: "库", question: "季度盘点有什么要求？" });
    expect(passages.answer).toMatchObject({ method: "retrieval", speed: null });
  }, 60_000);
});

describe("conversation list", () => {
  it("puts pinned conversations first and deletes several at once", async () => {
    open();
    const a = await client().call("assistant.conversations.create", { title: "甲" });
    const b = await client().call("assistant.conversations.create", { title: "乙" });
    const c = await client().call("assistant.conversations.create", { title: "丙" });
    await client().call("assistant.conversations.update", { id: a.id, pinned: true });
    expect((await client().call("assistant.conversations.list", {})).map((x) => x.title)).toEqual(["甲", "丙", "乙"]);
    expect(await client().call("assistant.conversations.deleteMany", { ids: [a.id, c.id, 9999] })).toEqual({ deleted: 2 });
    expect((await client().call("assistant.conversations.list", {})).map((x) => x.id)).toEqual([b.id]);
    await expect(client().call("assistant.conversations.deleteMany", { ids: [] })).rejects.toMatchObject({ message: "请先选择要删除的对话" });
  });

  it("refuses a too-long question, an empty title and an empty name with the rule, not 请求参数不正确", async () => {
    open();
    await expect(ask({ question: "问".repeat(6720) })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "问题太长（最多 4000 字），请缩短后再发送" });
    const c = await client().call("assistant.conversations.create", { title: "甲" });
    await expect(client().call("assistant.conversations.rename", { id: c.id, title: "   " })).rejects.toMatchObject({ message: "标题不能为空" });
    await client().call("kb.create", { name: "政策" });
    await expect(client().call("kb.rename", { name: "政策", to: "" })).rejects.toMatchObject({ message: "知识库名称不能为空" });
  });
});

describe("assistant.sources.check", () => {
  it("says what is wrong with each file named for a summary before it starts", async () => {
    open();
    const ok = writeNotice(dir, 1, "通知.txt");
    const folder = join(dir, "文件夹");
    mkdirSync(folder);
    writeFileSync(join(dir, "程序.exe"), "MZ");
    writeFileSync(join(dir, "空.txt"), "");
    const missing = join(dir, "没有这个文件.pdf");
    const r = await client().call("assistant.sources.check", { paths: [ok, missing, folder, join(dir, "程序.exe"), join(dir, "空.txt")] });
    expect(r.sources.map((s) => [s.label, s.error])).toEqual([
      ["通知.txt", null],
      ["没有这个文件.pdf", `找不到文件“${missing}”：请检查路径是否正确、文件是否已被移走。`],
      ["文件夹", `“${folder}”是文件夹，请选择其中的文件；要摘要一批文件，可先加入知识库。`],
      ["程序.exe", expect.stringMatching(/^不支持的文件类型：程序\.exe。可以摘要 \.pdf \.ofd/)],
      ["空.txt", "“空.txt”是空文件，没有可摘要的内容。"],
    ]);
  });
});

describe("page previews", () => {
  it("gives a PDF document's bytes for rendering, and its text with its format; a moved file says so", async () => {
    open();
    const pdf = join(dir, "通知.pdf");
    await writePdf(pdf, NOTICE_PAGES);
    await client().call("kb.create", { name: "库" });
    await runJob(contract, client(), "kb.add", { name: "库", paths: [pdf] });
    const doc = (await client().call("kb.documents", { name: "库" })).documents[0]!;
    const page = await client().call("kb.preview", { documentId: doc.id, page: 2 });
    expect(page).toMatchObject({ format: "pdf", page: 2, pageCount: 3 });
    const data = await client().call("kb.fileData", { documentId: doc.id });
    expect(data.format).toBe("pdf");
    expect(Buffer.from(data.base64, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const fromDisk = await client().call("kb.previewFile", { path: pdf, page: 2 });
    expect(fromDisk).toMatchObject({ documentId: null, format: "pdf", page: 2, pageCount: 3 });
    expect(fromDisk.text).toContain("离线存储");
    renameSync(pdf, join(dir, "别处.pdf"));
    await expect(client().call("kb.fileData", { documentId: doc.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `原文件已不在“${pdf}”，无法显示原页面，下面显示索引中保存的文字。`,
    });
  }, 60_000);
});

describe("assistant.guide", () => {
  it("follows what the user did: a chat model, a knowledge base with a document, a question", async () => {
    // A remote model server must be one the policy lists (loopback included).
    open({ remote: { allowedHosts: ["127.0.0.1"] } });
    const fresh = await client().call("assistant.guide", {});
    expect(fresh).toMatchObject({ done: false, seen: false, show: "guide", message: null, remote: null, sharedModels: [] });
    expect(fresh.steps.map((s) => s.done)).toEqual([false, false, false]);
    await client().call("settings.set", { remoteModelUrl: "http://127.0.0.1:8000/v1", defaultChatModelId: "remote:qwen" });
    await client().call("kb.create", { name: "库" });
    await runJob(contract, client(), "kb.add", { name: "库", paths: [writeNotice(dir, 2)] });
    expect((await client().call("assistant.guide", {})).steps.map((s) => s.done)).toEqual([true, true, false]);
    useModel = false;
    await ask({ kb: "库", question: "季度盘点有什么要求？" });
    expect(await client().call("assistant.guide", {})).toMatchObject({ done: true });
  }, 60_000);

  it("takes IT's presets from the policy: how to show it, a message, the intranet server, the shared models", async () => {
    const shared = join(dir, "共享模型");
    mkdirSync(shared);
    writeFileSync(join(shared, "qwen2.5-7b-q4.gguf"), "GGUF");
    writeFileSync(join(shared, "说明.txt"), "x");
    open({
      models: { sharedFolder: shared },
      firstRun: { show: "checklist", message: "模型请向信息中心索取（电话 1234）", remoteModelUrl: "http://llm.intranet:8000/v1", remoteModel: "qwen2.5-72b" },
    });
    const g = await client().call("assistant.guide", {});
    expect(g).toMatchObject({
      show: "checklist",
      message: "模型请向信息中心索取（电话 1234）",
      remote: { url: "http://llm.intranet:8000/v1", model: "qwen2.5-72b" },
      sharedModels: [{ fileName: "qwen2.5-7b-q4.gguf", sizeBytes: 4 }],
    });
  });
});
