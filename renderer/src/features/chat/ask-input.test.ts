import { describe, expect, it } from "vitest";
import { askInput } from "./ask-input";

describe("askInput", () => {
  it("starts a new conversation with its base, model and filters", () => {
    expect(askInput("盘点？", { conversationId: null, kb: "制度文件", modelPath: "/m.gguf", regenerate: false, filters: { format: ["pdf"] } })).toEqual({
      question: "盘点？",
      kb: "制度文件",
      modelPath: "/m.gguf",
      filters: { format: ["pdf"] },
    });
  });

  it("continues a conversation, carrying the filters on a regeneration too", () => {
    expect(askInput("盘点？", { conversationId: 7, kb: "其他", modelPath: "/m.gguf", regenerate: true, filters: { issuer: "市政府" } })).toEqual({
      conversationId: 7,
      question: "盘点？",
      regenerate: true,
      filters: { issuer: "市政府" },
    });
  });

  it("sends an edit with the question it replaces, and a new plain conversation's own prompt and temperature", () => {
    expect(askInput("改过的", { conversationId: 3, kb: null, modelPath: null, regenerate: false, editOf: 11 })).toEqual({ conversationId: 3, question: "改过的", regenerate: false, editOf: 11 });
    expect(askInput("你好", { conversationId: null, kb: null, modelPath: null, regenerate: false, systemPrompt: "简短回答", temperature: 0 })).toEqual({
      question: "你好",
      systemPrompt: "简短回答",
      temperature: 0,
    });
  });

  it("leaves empty filters out (the whole base is searched)", () => {
    expect(askInput("盘点？", { conversationId: null, kb: "制度文件", modelPath: null, regenerate: false, filters: {} })).toEqual({ question: "盘点？", kb: "制度文件" });
    expect(askInput("盘点？", { conversationId: 3, kb: null, modelPath: null, regenerate: false })).toEqual({ conversationId: 3, question: "盘点？", regenerate: false });
  });
});
