import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "./index";

/** Real 公文 nobody on the project wrote; present only on some machines, so optional. */
const CORPUS = "/work/shared/corpus";

const CASES: [string, string[], string?][] = [
  ["huizhou_huifu_2015_158_basic_medical_insurance.pdf", ["十一届118次市政府常务会议通过", "惠州市社会基本医疗保险住院费用结算单", "惠州市人民政府文件"], "惠府〔2015〕158号"],
  ["dongguan_dongfuban_2015_123_points_hukou_rules.pdf", ["经公示无异议的，获得入户资格", "每增长1岁减3分"], "东府办〔2015〕123号"],
  ["dongguan_gov_order_138_public_rental_housing.pdf", ["东莞市人民政府令第138号", "轮候期不超过5年"], "东莞市人民政府令第138号"],
  ["huizhou_huifu_2016_57_medical_insurance_adjustment.pdf", ["重症精神类疾病（经专科医院系统治疗1年以上）", "个人支付比例从45%降低到5%"], "惠府〔2016〕57号"],
  ["guobanfa_2010_28_rules_cleanup_notice.docx", ["全国人大常委会2010年立法工作计划", "原则上要在2010年12月1日前完成"], "国办发〔2010〕28号"],
  ["nanjing_ningzhenggui_2015_20_floating_population.docx", ["居住证为一人一证，在省内通用", "拟在本市行政区域内居住7日以上的流动人口"], "宁政规字〔2015〕20号"],
  ["hangzhou_hangjiaogaozhong_2016_3_high_school_admission.docx", ["卷面得分不计入总分", "杭州市普通教育研究室组织实施"], "杭教高中〔2016〕3号"],
  ["shanghai_hujiaoweixue_2015_62_gaokao_registration.doc", ["梅山、大屯、鲁矿三地上海后方基地", "区县教育局特殊情况考生申报表"], "沪教委学〔2015〕62号"],
  ["dongguan_dongfu_2016_3_critical_illness_insurance.doc", ["大病保险起付标准为3.5万元", "以收定支、收支平衡"], "东府〔2016〕3号"],
  ["zhejiang_zhengling_2010_275_normative_docs_rules.doc", ["行政规范性文件管理实行行政首长负责制", "浙江省行政规范性文件备案审查规定"], "浙政令〔2010〕275号"],
  ["city_gov_incoming_doc_processing_form.ofd", ["市委主要领导同志调研后续落实事项的通知", "发至市商务局、市农业农村局、市交通运输局、市水利局"]],
  ["linxiang_natural_resources_site_selection_opinion.ofd", ["临翔区棚户区改造安置房二期（地块二）", "临沧市临翔区凤翔街道圈掌社区南京凹"]],
];

describe.skipIf(!existsSync(CORPUS))("extract: the real corpus", () => {
  it.each(CASES)("%s: distinctive phrases and 发文字号 come out", async (file, phrases, docNumber) => {
    const doc = await extractFile(join(CORPUS, file));
    const text = doc.pages.map((p) => p.text).join("").replace(/\s+/g, "");
    for (const p of phrases) expect(text, p).toContain(p);
    if (docNumber) expect(doc.meta.docNumber).toBe(docNumber);
  });
});
