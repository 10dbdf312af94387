import type { Candidate, Detector } from "./numbers";

/**
 * Names and street addresses: heuristics, not checks. They find a common
 * surname after a label (申请人、联系人、姓名…) or before 同志/先生/女士,
 * and an address around "…路/街/巷…N号"; they miss names written without
 * such context and can mistake a phrase for a name. Off unless asked for
 * (redact.preview kinds, policy redaction.heuristic), and labelled as
 * 推测 wherever they are offered.
 */

const COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门"];
const SINGLE =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const SURNAME = `(?:${COMPOUND.join("|")}|[${SINGLE}])`;
/** Characters that end a name rather than continue it (the next word: 电话, 男, 的, 等…). */
const STOP = new Set([..."的了是在于和与及等同先女男老主局处科室电手身性联住号称说为将把被向对从到已未不也都就还要会能可"]);
const LABEL =
  "(?:姓名|联系人|申请人|被申请人|经办人|负责人|收件人|寄件人|发件人|签收人|法定代表人|委托代理人|代理人|当事人|户主|监护人|举报人|投诉人|被投诉人|举报对象|承办人|审核人|填表人|报告人|借款人|出借人|担保人|见证人|证明人|患者|学生|职工|员工|本人)";
const NAME_AFTER_LABEL = new RegExp(`${LABEL}[:：\\s]{0,3}(${SURNAME})([\\u4e00-\\u9fa5]{1,2})`, "gu");
const TITLE = /同志|先生|女士/gu;
const COMPOUND_SET = new Set(COMPOUND);
const SINGLE_SET = new Set([...SINGLE]);
/** Words that often stand right before a name ("向张三同志", "任命李四同志") and are not its surname there. */
const BEFORE_NAME = new Set([..."向给请由对和与及让叫派任免是为把被将同跟找问经致谢"]);
const isHan = (c: string | undefined): boolean => c !== undefined && /[\u4e00-\u9fa5]/u.test(c);

/** The given name's characters up to a word that is not part of a name. */
function givenName(chars: string): string {
  const [a, b] = [...chars];
  if (!a || STOP.has(a)) return "";
  return b && !STOP.has(b) ? a + b : a;
}

/** Han characters that can be part of a name, from a to b. */
function nameChars(norm: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isHan(norm[i]) || STOP.has(norm[i]!)) return false;
  return a < b;
}

/** The name that ends right before a title at `end`: a compound surname + 1–2, or a surname + 2, else + 1. */
function nameBefore(norm: string, end: number): { start: number; surname: number } | null {
  for (const given of [2, 1]) {
    const start = end - 2 - given;
    if (start >= 0 && COMPOUND_SET.has(norm.slice(start, start + 2)) && nameChars(norm, start + 2, end)) return { start, surname: 2 };
  }
  const three = end - 3;
  if (three >= 0 && SINGLE_SET.has(norm[three]!) && !BEFORE_NAME.has(norm[three]!) && nameChars(norm, three + 1, end)) return { start: three, surname: 1 };
  const two = end - 2;
  if (two >= 0 && SINGLE_SET.has(norm[two]!) && nameChars(norm, two + 1, end)) return { start: two, surname: 1 };
  return null;
}

const name: Detector = {
  kind: "name",
  *find(norm) {
    for (const m of norm.matchAll(NAME_AFTER_LABEL)) {
      const surname = m[1]!;
      const given = givenName(m[2]!);
      if (!given) continue;
      const start = m.index + m[0].length - m[1]!.length - m[2]!.length;
      yield { start, end: start + surname.length + given.length, masked: surname + "*".repeat(given.length) };
    }
    for (const m of norm.matchAll(TITLE)) {
      const found = nameBefore(norm, m.index);
      if (!found) continue;
      const text = norm.slice(found.start, m.index);
      yield { start: found.start, end: m.index, masked: text.slice(0, found.surname) + "*".repeat(text.length - found.surname) };
    }
  },
};

/** The core of a street address: a road and its number ("中关村大街27号"). */
const ROAD_NUMBER = /(?:大道|大街|胡同|路|街|巷|弄|道|里)(?:\d{1,5}(?:-\d{1,4})?|[一二三四五六七八九十百零〇]{1,6})号/gu;
/** After the number: building, unit, floor, room ("3号楼2单元501室"), at most four parts. */
const DETAIL = /(?:[\d一二三四五六七八九十]{1,5}(?:号楼|号院|栋|幢|座|单元|层|楼|室|号|户)){0,4}/uy;
const ADDRESS_LABEL = /^.*(?:住址|地址|住所|居住地|家住|住在|现住|户籍地|位于|寄往|送至|邮寄至|送达至)[:：]?/u;
const HAN_OR_DIGIT = /[\u4e00-\u9fa5\dA-Za-z]/u;
const MAX_BEFORE = 30;

const address: Detector = {
  kind: "address",
  *find(norm) {
    for (const m of norm.matchAll(ROAD_NUMBER)) {
      // Back from the road over the place names (province, city, district, road name), at most 30 characters.
      let start = m.index;
      while (start > 0 && m.index - start < MAX_BEFORE && HAN_OR_DIGIT.test(norm[start - 1]!)) start--;
      const label = ADDRESS_LABEL.exec(norm.slice(start, m.index));
      if (label) start += label[0].length;
      if (m.index - start < 2) continue; // a road needs a name
      DETAIL.lastIndex = m.index + m[0].length;
      const end = m.index + m[0].length + (DETAIL.exec(norm)?.[0].length ?? 0);
      yield addressCandidate(norm, start, end);
    }
  },
};

/** Keeps the administrative part (…省…市…区/县) and masks the road, number and rooms. */
function addressCandidate(norm: string, start: number, end: number): Candidate {
  const text = norm.slice(start, end);
  const admin = /^(?:[\u4e00-\u9fa5]{1,7}?(?:省|自治区|市|自治州|地区|盟|区|县|旗|镇|乡|街道)){1,4}/u.exec(text);
  const keep = admin ? admin[0].length : Math.min(2, text.length);
  return { start, end, masked: text.slice(0, keep) + "*".repeat(end - start - keep) };
}

export const HEURISTIC_DETECTORS: readonly Detector[] = [name, address];
