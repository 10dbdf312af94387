/**
 * bench/redact: redact.preview over hostile texts of growing length, through
 * the core's RPC router (as the UI calls it), to show the work grows
 * linearly: time per million characters at each length, the ratio of the
 * longest to the shortest, and the same ratio for a baseline that makes one
 * regular-expression pass over the same text in the same run.
 *
 *   npx tsx bench/redact/run.ts [--sizes 250000,500000,1000000,2000000] [--runs 3]
 */
import { join } from "node:path";
import { contract } from "../../electron/common/contract";
import { createCore } from "../../electron/core/core";
import { connectInProcess } from "../../electron/core/rpc/in-process";
import { tempDir } from "../../electron/core/testing/temp-dir";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const sizes = arg("sizes", "250000,500000,1000000,2000000").split(",").map(Number);
const runs = Number(arg("runs", "3"));
const ALL = ["idCard", "creditCode", "bankCard", "mobile", "email", "name", "address"] as const;

/** Each unit repeated to the length asked: the inputs that made the old detector quadratic, and worse. */
const INPUTS: Record<string, string> = {
  "dense mobiles": "13812345678 ",
  "mixed personal data": "申请人张三，手机13812345678，身份证11010519491231002X，卡号6222021234567890128，邮箱a.b@c.gov.cn。",
  "one run of digits": "1",
  "one run of Han": "张",
  "dense addresses": "北京市海淀区中关村大街27号",
  "a@ repeated": "a@",
};

let matched = 0; // keeps the baseline's work from being optimised away
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { dir, cleanup } = tempDir("govdesk-bench-redact-");
const core = createCore({ dataDir: join(dir, "data"), host: "test" });
const client = connectInProcess(contract, core.router, { trusted: false });
try {
  console.log(`| input | ${sizes.map((n) => `${(n / 1e6).toFixed(2)}M chars`).join(" | ")} | ratio ${sizes.at(-1)! / sizes[0]!}× length | baseline ratio |`);
  console.log(`|---|${sizes.map(() => "---:|").join("")}---:|---:|`);
  for (const [name, unit] of Object.entries(INPUTS)) {
    const perSize: number[] = [];
    const base: number[] = [];
    for (const n of sizes) {
      const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      const times: number[] = [];
      const baseTimes: number[] = [];
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        await client.call("redact.preview", { text, kinds: [...ALL] });
        times.push(performance.now() - t);
        t = performance.now();
        matched += [...text.matchAll(/\d{11}|[\u4e00-\u9fa5]{2}|@/g)].length;
        baseTimes.push(performance.now() - t);
      }
      perSize.push(median(times));
      base.push(median(baseTimes));
    }
    const cells = perSize.map((ms, i) => `${ms.toFixed(0)} ms (${((ms / sizes[i]!) * 1e6).toFixed(0)} ms/M)`);
    console.log(`| ${name} | ${cells.join(" | ")} | ${(perSize.at(-1)! / perSize[0]!).toFixed(1)} | ${(base.at(-1)! / base[0]!).toFixed(1)} |`);
  }
  console.log(`(baseline matched ${matched} times)`);
} finally {
  client.close();
  await core.close();
  cleanup();
}
