import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DocumentMeta } from "../types";
import { extractFile } from "./index";

/** Real 公文 nobody on the project wrote; present only on some machines, so optional. */
const CORPUS = "/work/shared/corpus";

type Fields = Pick<DocumentMeta, "isGongwen" | "title" | "docNumber" | "issuer" | "date" | "recipients" | "kind">;

/**
 * Hand-read from each document (pdftotext, antiword, the XML). A field the
 * document does not state is undefined and must come out empty.
 */
const CASES: { file: string; phrases: string[]; meta: Fields }[] = [
  {
    file: "huizhou_huifu_2015_158_basic_medical_insurance.pdf",
    phrases: ["十一届118次市政府常务会议通过", "惠州市社会基本医疗保险住院费用结算单", "惠州市人民政府文件"],
    meta: { isGongwen: true, title: "惠州市人民政府关于印发《惠州市社会基本医疗保险办法》的通知", docNumber: "惠府〔2015〕158号", issuer: "惠州市人民政府", date: "2015-11-05", recipients: "各县、区人民政府，市政府各部门、各直属机构", kind: "通知" },
  },
  {
    file: "dongguan_dongfuban_2015_123_points_hukou_rules.pdf",
    phrases: ["经公示无异议的，获得入户资格", "每增长1岁减3分"],
    meta: { isGongwen: true, title: "关于印发《东莞市积分制人才入户实施细则》的通知", docNumber: "东府办〔2015〕123号", issuer: "东莞市人民政府办公室", date: "2015-12-18", recipients: "各镇人民政府（街道办事处），市府直属各单位", kind: "通知" },
  },
  {
    file: "dongguan_gov_order_138_public_rental_housing.pdf",
    phrases: ["东莞市人民政府令第138号", "轮候期不超过5年"],
    meta: { isGongwen: true, title: "东莞市公共租赁住房管理办法", docNumber: "东莞市人民政府令第138号", issuer: "东莞市人民政府", date: "2014-01-21", recipients: undefined, kind: "命令" },
  },
  {
    file: "huizhou_huifu_2016_57_medical_insurance_adjustment.pdf",
    phrases: ["重症精神类疾病（经专科医院系统治疗1年以上）", "个人支付比例从45%降低到5%"],
    meta: { isGongwen: true, title: "关于调整惠州市社会基本医疗保险有关政策的通知", docNumber: "惠府〔2016〕57号", issuer: "惠州市人民政府", date: "2016-04-26", recipients: "各县、区人民政府，市政府各部门、各直属各机构", kind: "通知" },
  },
  {
    file: "guobanfa_2010_28_rules_cleanup_notice.docx",
    phrases: ["全国人大常委会2010年立法工作计划", "原则上要在2010年12月1日前完成"],
    meta: { isGongwen: true, title: "国务院办公厅关于做好规章清理工作有关问题的通知", docNumber: "国办发〔2010〕28号", issuer: "国务院办公厅", date: "2010-04-29", recipients: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构", kind: "通知" },
  },
  {
    file: "nanjing_ningzhenggui_2015_20_floating_population.docx",
    phrases: ["居住证为一人一证，在省内通用", "拟在本市行政区域内居住7日以上的流动人口"],
    meta: { isGongwen: true, title: "市政府关于印发《南京市流动人口居住管理办法（试行）》的通知", docNumber: "宁政规字〔2015〕20号", issuer: "南京市人民政府", date: "2015-10-26", recipients: "各区人民政府，市府各委办局，市各直属单位", kind: "通知" },
  },
  {
    file: "hangzhou_hangjiaogaozhong_2016_3_high_school_admission.docx",
    phrases: ["卷面得分不计入总分", "杭州市普通教育研究室组织实施"],
    meta: { isGongwen: true, title: "关于做好2016年杭州市区各类高中招生工作的通知", docNumber: "杭教高中〔2016〕3号", issuer: "杭州市教育局", date: "2016-02-23", recipients: "有关区教育局（社发局）、各直属学校、有关直属单位", kind: "通知" },
  },
  {
    file: "shanghai_hujiaoweixue_2015_62_gaokao_registration.doc",
    phrases: ["梅山、大屯、鲁矿三地上海后方基地", "区县教育局特殊情况考生申报表"],
    meta: { isGongwen: true, title: "上海市教育委员会关于做好2016年上海市普通高校招生报名工作的通知", docNumber: "沪教委学〔2015〕62号", issuer: "上海市教育委员会", date: "2015-11-16", recipients: "各区县教育局、后方基地教育处，上海市教育考试院", kind: "通知" },
  },
  {
    file: "dongguan_dongfu_2016_3_critical_illness_insurance.doc",
    phrases: ["大病保险起付标准为3.5万元", "以收定支、收支平衡", "东府〔2016〕3号"],
    meta: { isGongwen: true, title: "关于印发《东莞市重大疾病医疗保险试行办法》的通知", docNumber: "东府〔2016〕3号", issuer: "东莞市人民政府", date: "2016-01-01", recipients: "各镇人民政府（街道办事处），市府直属各单位", kind: "通知" },
  },
  {
    // A 省政府令 re-typeset without its header: the issuing organ is not printed (only "省长" signs).
    file: "zhejiang_zhengling_2010_275_normative_docs_rules.doc",
    phrases: ["行政规范性文件管理实行行政首长负责制", "浙江省行政规范性文件备案审查规定"],
    meta: { isGongwen: true, title: "浙江省行政规范性文件管理办法", docNumber: "浙政令〔2010〕275号", issuer: undefined, date: "2010-07-20", recipients: undefined, kind: "命令" },
  },
  {
    // A 收文处理单 (a form about an incoming 公文), not a 公文: the 来文文号 and 公文标题 are form fields.
    file: "city_gov_incoming_doc_processing_form.ofd",
    phrases: ["市委主要领导同志调研后续落实事项的通知", "发至市商务局、市农业农村局、市交通运输局、市水利局", "来文文号 | 府办专督〔2020〕24号 | 来文单位 | 市人民政府办公室"],
    meta: { isGongwen: false, title: "XX市政府文件处理", docNumber: undefined, issuer: undefined, date: undefined, recipients: undefined, kind: undefined },
  },
  {
    // A 选址意见书 (a permit form whose labels are only in a background image), not a 公文; it cites a 批复's number.
    file: "linxiang_natural_resources_site_selection_opinion.ofd",
    phrases: ["临翔区棚户区改造安置房二期（地块二）", "临沧市临翔区凤翔街道圈掌社区南京凹"],
    meta: { isGongwen: false, title: "临翔区棚户区改造安置房二期（地块二）", docNumber: undefined, issuer: undefined, date: undefined, recipients: undefined, kind: undefined },
  },
];

const FIELDS = ["isGongwen", "title", "docNumber", "issuer", "date", "recipients", "kind"] as const;

describe.skipIf(!existsSync(CORPUS))("extract: the real corpus", () => {
  it.each(CASES)("$file: phrases, clean text, and each 公文 field", async ({ file, phrases, meta }) => {
    const doc = await extractFile(join(CORPUS, file));
    const all = doc.pages.map((p) => p.text).join("\n");
    const flat = all.replace(/\s+/g, "");
    for (const p of phrases) expect(flat, p).toContain(p.replace(/\s+/g, ""));
    // No layout space left inside a word: PDF and OFD spaces come from layout only; in Word files a
    // typed separation (第一条 为…) stays as one space, but letter-spacing (语  文) goes.
    if (doc.format === "pdf" || doc.format === "ofd") expect(all).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(all).not.toMatch(/(^|[^\u4e00-\u9fff])[\u4e00-\u9fff] [\u4e00-\u9fff]([^\u4e00-\u9fff]|$)/m);
    expect(all).not.toMatch(/^\s*[—－-]\s*\d+\s*[—－-]\s*$/m);
    expect(all).not.toMatch(/DOCVARIABLE|MERGEFORMAT|\bPAGE\b/);
    for (const f of FIELDS) expect(doc.meta[f], `${file}: ${f}`).toEqual(meta[f]);
    if (meta.title) expect(doc.title).toBe(meta.title);
  });

  it("PDF page numbers become page labels; .doc has no fixed pages and says so", async () => {
    const pdf = await extractFile(join(CORPUS, "huizhou_huifu_2016_57_medical_insurance_adjustment.pdf"));
    expect(pdf.paged).toBe(true);
    expect(pdf.pages.map((p) => p.label)).toEqual(["1", "2"]);
    const doc = await extractFile(join(CORPUS, "shanghai_hujiaoweixue_2015_62_gaokao_registration.doc"));
    expect(doc.paged).toBe(false);
  });
});

const soffice = ((): boolean => {
  try {
    execFileSync("which", ["soffice"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The same Word documents printed to PDF by another producer (LibreOffice):
 * a different text layer (one character per run, justified), the same fields.
 * dongguan_dongfu_2016_3 is left out: LibreOffice prints its DOCVARIABLE fields' names.
 */
describe.skipIf(!existsSync(CORPUS) || !soffice)("extract: corpus Word files printed to PDF by LibreOffice", () => {
  it("gives the same 公文 fields as the Word files themselves", async () => {
    const out = mkdtempSync(join(tmpdir(), "govdesk-lo-"));
    try {
      const cases = CASES.filter((c) => /\.docx?$/.test(c.file) && !c.file.startsWith("dongguan_dongfu_2016_3"));
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, ...cases.map((c) => join(CORPUS, c.file))], { stdio: "ignore", timeout: 240_000 });
      for (const c of cases) {
        const doc = await extractFile(join(out, `${basename(c.file).replace(/\.docx?$/, "")}.pdf`));
        for (const f of FIELDS) expect(doc.meta[f], `${c.file} as PDF: ${f}`).toEqual(c.meta[f]);
        expect(doc.pages.map((p) => p.text).join("\n")).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
