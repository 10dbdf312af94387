import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile } from "./files";

/**
 * The 规范性检查 over real 公文 nobody on the project wrote (present on some
 * machines only, so optional). Correctly formatted documents get no
 * error-level finding; the warnings they get are listed in the README.
 * Left out: the OA 收文处理单 and the 用地预审 form (OFD forms, not 公文), and
 * the web re-typeset 国办发[2010]28号, whose square brackets are a real error.
 */
const CORPUS = "/work/shared/corpus";

const CORRECT = [
  "huizhou_huifu_2015_158_basic_medical_insurance.pdf",
  "huizhou_huifu_2016_57_medical_insurance_adjustment.pdf",
  "dongguan_dongfuban_2015_123_points_hukou_rules.pdf",
  "dongguan_gov_order_138_public_rental_housing.pdf",
  "nanjing_ningzhenggui_2015_20_floating_population.docx",
  "hangzhou_hangjiaogaozhong_2016_3_high_school_admission.docx",
  "shanghai_hujiaoweixue_2015_62_gaokao_registration.doc",
  "dongguan_dongfu_2016_3_critical_illness_insurance.doc",
  "zhejiang_zhengling_2010_275_normative_docs_rules.doc",
];

describe.skipIf(!existsSync(CORPUS))("check: the real corpus", () => {
  it.each(CORRECT)("%s: no error-level finding", async (file) => {
    const r = await checkFile(join(CORPUS, file));
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.rule} «${f.excerpt}» ${f.message}`)).toEqual([]);
    const counts = new Map<string, number>();
    for (const f of r.findings) counts.set(`${f.severity} ${f.rule}`, (counts.get(`${f.severity} ${f.rule}`) ?? 0) + 1);
    console.log(`check ${file}: ${[...counts].map(([k, n]) => `${k} ×${n}`).join(", ") || "nothing"}`);
  }, 60_000);

  it("finds the square brackets in the web re-typeset 国办发[2010]28号", async () => {
    const r = await checkFile(join(CORPUS, "guobanfa_2010_28_rules_cleanup_notice.docx"));
    expect(r.findings.filter((f) => f.severity === "error")).toMatchObject([{ rule: "number.form", excerpt: "国办发[2010]28号", suggestion: "国办发〔2010〕28号" }]);
  }, 60_000);
});
