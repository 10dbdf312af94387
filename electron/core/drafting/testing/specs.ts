import type { DraftSpecInput } from "../../../common/contracts/drafting";
import type { DocKind } from "../../../common/contracts/doc-kinds";

/**
 * One hand-made draft per kind, as a user fills the 写作 form: the goldens,
 * the XML read-back and the layout tests use them.
 */
const BODY = [
  "为进一步规范办公用品采购，节约行政经费，根据《XX市机关事务管理办法》有关规定，现就有关事项通知如下。",
  "一、严格采购审批",
  "各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案，未经审批不得采购。",
  "（一）明确审批权限。采购计划由办公室汇总后报分管领导审批。",
  "1.建立台账。各单位每季度末对办公用品进行盘点，建立台账，做到账实相符。",
  "（1）定期盘点。盘点结果报财务部门备案。",
  "二、加强监督检查",
  "市财政局会同市审计局对执行情况进行抽查，发现问题限期整改。",
].join("\n");

const common = { issuer: "XX市人民政府办公室", date: "2025-03-15", body: BODY };

export const KIND_SPECS: Record<DocKind, DraftSpecInput> = {
  决议: { ...common, kind: "决议", issuer: "XX市第十六届人民代表大会第三次会议", subject: "XX市人民政府工作报告", body: "XX市第十六届人民代表大会第三次会议听取和审议了市长所作的政府工作报告。会议决定批准这个报告。" },
  决定: { ...common, kind: "决定", number: "X政发〔2025〕3号", subject: "表彰2024年度安全生产先进单位", to: "各区人民政府，市政府各部门" },
  命令: { ...common, kind: "命令", issuer: "XX市人民政府", number: "第12号", signer: "张三", signerTitle: "市长", body: "《XX市公共租赁住房管理办法》已经2025年3月10日市人民政府第20次常务会议通过，现予公布，自2025年5月1日起施行。" },
  公报: { ...common, kind: "公报", issuer: "XX市统计局", subject: "2024年国民经济和社会发展统计", body: "2024年，全市地区生产总值达到5000亿元，比上年增长5.2%。" },
  公告: { ...common, kind: "公告", issuer: "XX市人民政府", subject: "实施机动车尾号限行", body: "根据《中华人民共和国大气污染防治法》有关规定，现将有关事项公告如下。\n一、限行时间\n工作日7时至20时。\n特此公告。" },
  通告: { ...common, kind: "通告", issuer: "XX市公安局", subject: "春节期间烟花爆竹燃放管理", body: "为加强春节期间烟花爆竹燃放管理，现就有关事项通告如下。\n一、禁放区域\n城市建成区内禁止燃放烟花爆竹。\n特此通告。" },
  意见: { ...common, kind: "意见", number: "X政办发〔2025〕5号", subject: "加强基层应急能力建设", to: "各区人民政府，市政府各部门" },
  通知: {
    ...common,
    kind: "通知",
    number: "X政办发〔2025〕8号",
    subject: "加强办公用品采购管理",
    to: "各区人民政府，市政府各部门",
    attachments: ["办公用品采购审批表", "季度盘点记录表"],
    note: "此件公开发布",
    cc: "市委办公室，市人大常委会办公室，市政协办公室",
    printer: "XX市人民政府办公室",
    copyNo: "000001",
    secret: "机密★1年",
    urgency: "特急",
  },
  通报: { ...common, kind: "通报", number: "X政办发〔2025〕9号", subject: "2024年度政务服务工作情况", to: "各区人民政府，市政府各部门", printer: "XX市人民政府办公室" },
  报告: { ...common, kind: "报告", issuer: "XX市财政局", number: "X财发〔2025〕2号", signer: "王五", subject: "2024年度预算执行情况", to: "XX市人民政府", body: "现将2024年度预算执行情况报告如下。\n一、基本情况\n全年预算执行平稳。\n特此报告。", printer: "XX市财政局办公室" },
  请示: { ...common, kind: "请示", issuer: "XX市财政局", number: "X财发〔2025〕3号", signer: ["张三", "李四", "王五"], subject: "追加办公用品采购预算", to: "XX市人民政府", body: "为保障各单位正常办公，现就追加办公用品采购预算请示如下。\n一、追加理由\n今年采购需求增加。\n二、追加金额\n拟追加预算50万元。\n妥否，请批示。", note: "联系人：赵六，电话：12345678", printer: "XX市财政局办公室" },
  批复: { ...common, kind: "批复", issuer: "XX市人民政府", number: "X政复〔2025〕4号", subject: "同意追加办公用品采购预算", to: "XX市财政局", body: "你局《关于追加办公用品采购预算的请示》（X财发〔2025〕3号）收悉。经研究，现批复如下：\n一、同意追加办公用品采购预算50万元。\n二、请严格按照规定使用。\n此复。", printer: "XX市人民政府办公室" },
  议案: { ...common, kind: "议案", issuer: "XX市人民政府", number: "X政函〔2025〕6号", subject: "提请审议《XX市养犬管理条例（草案）》", to: "XX市人民代表大会常务委员会", body: "为加强养犬管理，市人民政府起草了《XX市养犬管理条例（草案）》，已经市人民政府常务会议讨论通过。现提请审议。" },
  函: { ...common, kind: "函", number: "X政办函〔2025〕12号", subject: "商请支持开展办公用品集中采购", to: "XX市财政局", body: "为进一步规范办公用品采购，现将有关事项函告如下。\n一、采购范围\n各单位采购办公用品须经分管领导审批。\n请予函复。", cc: "市审计局", copyNo: "000123", urgency: "加急" },
  纪要: { ...common, kind: "纪要", issuer: "XX市人民政府", subject: "XX市人民政府第20次常务会议", number: "第20期", body: "2025年3月10日，市长张三主持召开市人民政府第20次常务会议。现将会议议定事项纪要如下：\n一、会议审议通过了《XX市公共租赁住房管理办法》。", attendance: { present: "张三、李四、王五", absent: "赵六（出差）" }, printer: "XX市人民政府办公室" },
};

/** A 通知 long enough for full pages of text (the layout test measures page 2). */
export function longNoticeSpec(paragraphs = 12): DraftSpecInput {
  const para = "各单位每季度末对办公用品进行盘点，建立台账，做到账实相符，盘点结果报财务部门备案，发现问题及时整改到位。";
  const body = ["为进一步规范办公用品采购，节约行政经费，现就有关事项通知如下。", "一、实行季度盘点", ...Array.from({ length: paragraphs }, () => para.repeat(3)), "二、加强监督检查", "市财政局会同市审计局对执行情况进行抽查，发现问题限期整改。"].join("\n");
  return { ...KIND_SPECS.通知, body };
}
