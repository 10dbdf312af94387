export { withCore } from "../../context";

export const POLICY_OPTION = ["--policy <file>", "使用此策略文件（默认系统位置或 GOVDESK_POLICY） / policy file to use"] as const;

export function print(json: boolean | undefined, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text);
}
