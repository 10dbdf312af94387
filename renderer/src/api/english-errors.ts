import type { ErrorCode } from "../../../electron/common/rpc/wire";

/**
 * The core writes its messages for users in Chinese. In English mode the
 * ones people meet most are given in English here (each a pattern of the
 * core's exact wording); any other keeps its Chinese text after a plain
 * English line saying what kind of failure it is.
 */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^问题太长（最多 (\d+) 字），请缩短后再发送$/, (m) => `The question is too long (at most ${m[1]} characters): shorten it and send again.`],
  [/^问题不能为空$/, () => "The question is empty."],
  [/^标题不能为空$/, () => "The title cannot be empty."],
  [/^知识库名称不能为空$/, () => "The knowledge base name cannot be empty."],
  [/^知识库“(.+)”已存在。$/, (m) => `A knowledge base named “${m[1]}” already exists.`],
  [/^找不到知识库“(.+?)”。/, (m) => `There is no knowledge base named “${m[1]}”.`],
  [/^温度应在 0 到 2 之间$/, () => "The temperature must be between 0 and 2."],
  [/^找不到文件“(.+)”：请检查路径是否正确、文件是否已被移走。$/, (m) => `File not found: ${m[1]}. Check the path, or whether the file was moved.`],
  [/^“(.+)”是文件夹，请选择其中的文件；要摘要一批文件，可先加入知识库。$/, (m) => `${m[1]} is a folder: choose files in it, or add the folder to a knowledge base to summarise many files.`],
  [/^不支持的文件类型：(.+?)。可以摘要 (.+) 文件。$/, (m) => `${m[1]}: this file type is not supported. Supported: ${m[2]}.`],
  [/^“(.+)”是空文件，没有可摘要的内容。$/, (m) => `${m[1]} is empty: there is nothing to summarise.`],
  [/^找不到文件或文件夹：(.+)$/, (m) => `File or folder not found: ${m[1]}`],
  [/^文件不是文本文件（包含二进制内容）：(.+)$/, (m) => `Not a text file (it holds binary data): ${m[1]}`],
  [/^找不到文件或无法读取：(.+)$/, (m) => `File not found or not readable: ${m[1]}`],
  [/^文件为空：(.+)$/, (m) => `The file is empty: ${m[1]}`],
  [/^不是文件：(.+)$/, (m) => `Not a file: ${m[1]}`],
  [/^读取超时（超过 (\d+) 秒）：(.+)$/, (m) => `Reading took too long (over ${m[1]} s): ${m[2]}`],
  [/^不支持的文件类型：(.+?)（支持 (.+)）$/, (m) => `This file type is not supported: ${m[1]} (supported: ${m[2]})`],
  [/^没有可用的对话模型/, () => "No chat model is available, so a plain chat cannot answer. Import a model under Models and make it the default chat model, or use the intranet model server IT provides; or choose a knowledge base to see passages."],
  [/^与核心服务的连接已断开，请稍后重试$/, () => "The connection to the core service was lost; try again in a moment."],
  [/^核心服务内部错误/, () => "Internal error in the core service; try again, and contact IT if it keeps happening."],
  [/^(任务)?已取消$/, () => "Cancelled."],
  [/^设置项 (.+) 已被管理员锁定：(.+)$/, (m) => `The setting ${m[1]} is locked by your administrator: ${m[2]}`],
  [/^(系统提示词|温度|系统提示词和温度)已被管理员锁定，不能为单个对话修改：(.+)$/, (m) => `${m[1] === "温度" ? "The temperature is" : m[1] === "系统提示词" ? "The system prompt is" : "The system prompt and temperature are"} locked by your administrator: ${m[2]}`],
  [/^原文件已不在“(.+)”，/, (m) => `The file is no longer at ${m[1]}: the page cannot be drawn; the text the index kept is shown below.`],
  [/^不能(读取|写入)该(文件|位置)：/, (m) => (m[1] === "写入" ? "GovDesk may not write there: it was not chosen by you in this session." : "GovDesk may not read that file: you did not choose it in this session and it is in no knowledge base.")],
  [/^找不到这条消息，可能已被删除。$/, () => "That message is gone (it may have been deleted)."],
  [/^找不到编号为 (\d+) 的对话，可能已被删除。$/, (m) => `Conversation ${m[1]} is gone (it may have been deleted).`],
];

const BY_CODE: Record<ErrorCode, string> = {
  BAD_MESSAGE: "The core could not read the request.",
  UNKNOWN_METHOD: "The core does not know this request.",
  INVALID_INPUT: "The input was not accepted.",
  INVALID_OUTPUT: "The core answered with data GovDesk cannot read.",
  NOT_FOUND: "Not found.",
  CANCELLED: "Cancelled.",
  UNAVAILABLE: "Not available right now.",
  FORBIDDEN: "Not allowed.",
  MODEL_LOAD_FAILED: "The model file could not be loaded: it may be damaged or not a supported model.",
  OUT_OF_MEMORY: "Not enough memory to run the model: lower the context size or the GPU layers and try again.",
  INTERNAL: "Internal error.",
};

export function englishError(message: string, code?: string): string {
  for (const [re, to] of PATTERNS) {
    const m = re.exec(message);
    if (m) return to(m);
  }
  if (!/[\u3400-\u9fff]/.test(message)) return message;
  const kind = code && Object.hasOwn(BY_CODE, code) ? BY_CODE[code as ErrorCode] : "The operation failed.";
  return `${kind} (${message})`;
}
