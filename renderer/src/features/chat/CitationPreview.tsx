import { PagePreview, type PreviewTarget } from "../../components/PagePreview";

export type { PreviewTarget };

/** The cited document at its page, the passage highlighted (the shared page preview, with the chat's test ids). */
export function CitationPreview({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  return <PagePreview target={target} onClose={onClose} testId="citation-preview" />;
}
