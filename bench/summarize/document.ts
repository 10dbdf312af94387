/**
 * A long, varied 公文-like text for the summarise benchmark: headings
 * (一、 / （一）), 发文字号 with 〔〕, numbers with decimals, quotes, and
 * sentences that change from page to page, pages separated by form feeds
 * (the txt extractor's page break).
 */
const TOPICS = ["政府采购", "预算执行", "资产管理", "档案管理", "信息公开", "安全生产", "应急值守", "公务接待", "会议管理", "督查督办", "政务服务", "数据安全"];
const ACTIONS = ["建立健全", "严格落实", "加快推进", "切实加强", "全面规范", "认真做好"];
const UNITS = ["各区人民政府", "市政府各部门", "各直属机构", "各街道办事处"];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

export function generateNotice(pages: number): string {
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const topic = pick(TOPICS, p * 7);
    const lines: string[] = [];
    if (p === 1) lines.push("XX市人民政府办公室文件", "X政办发〔2025〕12号", "关于进一步加强机关内部管理工作的实施意见", `${UNITS.join("，")}：`);
    if (p % 5 === 1) lines.push(`${"一二三四五六七八九十"[Math.floor(p / 5) % 10]}、${pick(ACTIONS, p)}${topic}工作`);
    lines.push(
      `（${"一二三"[p % 3]}）${pick(ACTIONS, p + 1)}${topic}制度。各单位要按照《${topic}管理办法》（X政发〔2024〕${p}号）的要求，明确责任分工，${pick(ACTIONS, p + 2)}内部控制。`,
      `${p}月前完成${topic}情况自查，自查覆盖率应达到${(90 + (p % 10) / 2).toFixed(1)}%以上；发现问题的，应于十五个工作日内整改到位。`,
      `市${pick(["财政局", "审计局", "机关事务管理局", "政务服务数据管理局"], p)}会同有关部门对${topic}开展“双随机”抽查，抽查结果纳入年度绩效考核。`,
      `对${pick(UNITS, p)}报送的${topic}材料，承办部门要在${3 + (p % 5)}个工作日内提出意见！`,
    );
    out.push(lines.join("\n"));
  }
  return out.join("\f");
}
