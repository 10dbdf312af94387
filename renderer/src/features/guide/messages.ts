/** First-run guide strings (zh-CN defines the keys; en.ts checks en). */
export const guideZhCN = {
  welcomeTitle: "欢迎使用 GovDesk 政务助手",
  welcomeIntro: "三步开始使用。所有内容都只保存在本机，不会连接互联网。",
  checklistTitle: "入门 {{done}}/{{total}}",
  later: "稍后再说",
  start: "开始",
  done: "已完成",
  steps: {
    model: {
      title: "导入模型",
      text: "导入信息中心提供的 GGUF 模型文件，或使用内网模型服务器。没有模型也能检索原文、做抽取式摘要。",
      action: "去导入模型",
    },
    knowledge: {
      title: "建立知识库",
      text: "新建知识库，把常用的文件或文件夹加进来（PDF、OFD、Word、WPS 等）。",
      action: "去建知识库",
    },
    ask: {
      title: "提问或摘要",
      text: "在“对话”里向知识库提问（回答注明出处），或直接对话；也可以在“摘要”里概括文件。",
      action: "去对话",
      summarise: "去摘要",
    },
  },
  remote: "使用信息中心指定的内网模型服务器：{{url}}（模型 {{model}}）",
  useRemote: "使用该服务器",
  remoteSet: "已设为默认对话模型：内网服务器上的 {{model}}",
  shared: "信息中心共享目录中的模型：",
  importShared: "导入 {{name}}",
  importing: "正在导入 {{name}}…",
  imported: "已导入 {{name}}，并设为默认对话模型",
  failed: "操作失败",
} as const;

export const guideEn = {
  welcomeTitle: "Welcome to GovDesk",
  welcomeIntro: "Three steps to get started. Everything stays on this computer; nothing connects to the internet.",
  checklistTitle: "Getting started {{done}}/{{total}}",
  later: "Later",
  start: "Start",
  done: "Done",
  steps: {
    model: {
      title: "Import a model",
      text: "Import the GGUF model file IT gave you, or use the intranet model server. Without a model you can still search passages and make extractive summaries.",
      action: "Import a model",
    },
    knowledge: {
      title: "Build a knowledge base",
      text: "Create a knowledge base and add the files or folders you use (PDF, OFD, Word, WPS …).",
      action: "Build a knowledge base",
    },
    ask: {
      title: "Ask or summarise",
      text: "Ask a knowledge base under Chat (answers cite their sources), or just chat; or summarise files under Summarise.",
      action: "Go to Chat",
      summarise: "Go to Summarise",
    },
  },
  remote: "Use the intranet model server IT named: {{url}} (model {{model}})",
  useRemote: "Use this server",
  remoteSet: "Default chat model set: {{model}} on the intranet server",
  shared: "Models in IT's shared folder:",
  importShared: "Import {{name}}",
  importing: "Importing {{name}}…",
  imported: "Imported {{name}} and set it as the default chat model",
  failed: "The operation failed",
};
