import { Button } from "antd";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { useTranslation } from "react-i18next";
import { CITE_PREFIX, imageText, remarkCitations } from "./remark-citations";

/**
 * An answer or summary as Markdown (GFM tables and lists), never raw HTML:
 * HTML in the text is shown as text, images as their address (never
 * fetched: remark-citations.ts). [n] citations become buttons.
 */
export function AnswerMarkdown({ text, onCite }: { text: string; onCite?: (n: number) => void }) {
  const { t } = useTranslation();
  const imageLabel = t("chat.image");
  return (
    <div className="govdesk-markdown">
      <Markdown
        remarkPlugins={[remarkGfm, [remarkCitations, { imageLabel }]]}
        components={{
          a: ({ href, children }) => {
            if (href?.startsWith(CITE_PREFIX)) {
              const n = Number(href.slice(CITE_PREFIX.length));
              return (
                <Button type="link" size="small" style={{ padding: 0, height: "auto" }} data-testid="citation-link" data-n={n} onClick={() => onCite?.(n)}>
                  {children}
                </Button>
              );
            }
            // Links in answers are shown, not followed (the app never navigates).
            return <span>{children}</span>;
          },
          // remarkCitations already turned every image into text; this keeps an <img> from ever being made.
          img: ({ alt, src }) => <span>{imageText(imageLabel, alt, typeof src === "string" ? src : "")}</span>,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
