import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import "../../i18n";
import { AnswerMarkdown } from "./AnswerMarkdown";

/** The real component rendered by React (to static HTML): what the page would hold. */
const html = (text: string): string => renderToStaticMarkup(createElement(AnswerMarkdown, { text }));

describe("AnswerMarkdown: a model's answer cannot make the page fetch", () => {
  it("shows a remote image as its address in text, with no <img>", () => {
    const out = html("见下图：![示意图](http://10.0.0.9/track.png?u=zhangsan) 以上[1]。");
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain("[图片：示意图] http://10.0.0.9/track.png?u=zhangsan");
    expect(out).toContain('data-testid="citation-link"');
  });

  it("also for an image by reference, a data: image and raw <img> HTML", () => {
    const out = html('![logo][a]\n\n![](data:image/png;base64,AAAA)\n\n<img src="http://evil/x.png">\n\n[a]: https://evil.example/logo.png');
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain("[图片：logo] https://evil.example/logo.png");
    expect(out).toContain("[图片] data:image/png;base64,AAAA");
    expect(out).toContain("&lt;img src=&quot;http://evil/x.png&quot;&gt;");
  });

  it("keeps links as text, not anchors", () => {
    const out = html("[点击](http://evil.example/)");
    expect(out).not.toMatch(/<a /i);
    expect(out).toContain("点击");
  });
});
