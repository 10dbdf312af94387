/**
 * What surrounds a candidate number: the label just before it ("手机：",
 * "订单号") and the unit just after it ("元"). Redaction reads context from
 * a width-folded copy of the text of the same length, so offsets agree.
 */

/** Full-width digits, letters and signs (and ideographic space, dashes) as ASCII, one code unit for one. */
export function foldWidth(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let a = -1;
    if (c >= 0xff01 && c <= 0xff5e) a = c - 0xfee0; // ！…～ → !…~ (digits, letters, ＋ － ＠ ．)
    else if (c === 0x3000) a = 0x20;
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2212) a = 0x2d; // hyphens, en dash, minus
    if (a < 0) continue;
    out += text.slice(from, i) + String.fromCharCode(a);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const SEPARATORS = /[\s:：,，(（)）[\]【】"“”'‘’#№]+$/u;

/** Up to `n` characters before `start`, trailing separators (": ", "（") removed. */
export function labelBefore(norm: string, start: number, n = 12): string {
  return norm.slice(Math.max(0, start - n - 4), start).replace(SEPARATORS, "").slice(-n);
}

/** Up to `n` characters after `end`, leading spaces removed. */
export function unitAfter(norm: string, end: number, n = 4): string {
  return norm.slice(end, end + n + 2).replace(/^\s+/, "").slice(0, n);
}

/** Labels that make the number that follows an identifier of a thing, not of a person. */
export const THING_LABEL = /(?:订单|合同|协议|项目|编|单|流水|文|批|凭证|发票|票据|工单|快递|运单|档案|案|证书|登记|备案|许可证|批准)(?:号码?|编号|编码|代码)$|编号$|单号$|序号$/u;
/** Labels of amounts: what follows is money or a quantity. */
export const AMOUNT_LABEL = /(?:金额|总额|总计|合计|共计|小计|价款|价格|投资|资金|预算|款项|余额|收入|支出|产值|数额|人民币|￥|¥|\$)$/u;
/** Units after a number that make it an amount or a quantity. */
export const AMOUNT_UNIT = /^(?:元|万元|亿元|万|亿|千元|百万|美元|欧元|港元|人民币|圆|角|分钱|吨|千克|公斤|克|平方米|平米|亩|公里|千米|米|股|份|件|个|次|人次|户|辆|台|套|册|字节|KB|MB|GB|kWh|度)/u;
export const PHONE_LABEL = /(?:电话|手机|手机号|手机号码|联系电话|联系方式|移动电话|手提|电话号码|联系人|Tel|TEL|tel|Mobile|mobile|Phone|phone|短信)$/u;
export const CARD_LABEL = /(?:卡号|银行卡|银行卡号|储蓄卡|信用卡|借记卡|账号|帐号|账户|帐户|开户行?|收款人?账号|户名|银行)$/u;
export const ID_LABEL = /(?:身份证|身份证号|身份证号码|公民身份号码|身份号码|证件号|证件号码|证号|居民身份证)$/u;
