import { lazy, Suspense, type ComponentProps } from "react";
import { LazyWhen } from "../../components/LazyWhen";
import type { PreviewTarget } from "./CitationPreview";

/*
 * Parts of 对话 that its first view does not show, loaded when first needed
 * instead of with the window's first screen (issue 15: start-up). The
 * Markdown renderer (micromark, mdast, hast: 0.17 MB) is needed only once an
 * answer is on screen; the page preview and the options dialog (antd's
 * Drawer, Form and Slider) only when opened. The renderer and the preview
 * are fetched once the window is idle anyway (摘要 and 起草, prefetched then,
 * use them); the options dialog loads when first opened.
 */
const Markdown = lazy(() => import("./AnswerMarkdown").then((m) => ({ default: m.AnswerMarkdown })));
const Preview = lazy(() => import("./CitationPreview").then((m) => ({ default: m.CitationPreview })));
const Options = lazy(() => import("./ConversationSettings").then((m) => ({ default: m.ConversationSettings })));

/** An answer as Markdown; its plain text until the renderer has loaded (a streamed answer never waits). */
export function AnswerMarkdown(props: ComponentProps<typeof Markdown>) {
  return (
    <Suspense fallback={<div className="govdesk-markdown govdesk-markdown--plain">{props.text}</div>}>
      <Markdown {...props} />
    </Suspense>
  );
}

export function CitationPreview({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  return (
    <LazyWhen when={target !== null}>
      <Preview target={target} onClose={onClose} />
    </LazyWhen>
  );
}

export function ConversationSettings(props: ComponentProps<typeof Options>) {
  return (
    <LazyWhen when={props.open}>
      <Options {...props} />
    </LazyWhen>
  );
}
