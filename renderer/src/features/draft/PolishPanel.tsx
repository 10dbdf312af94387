import { App, Button, Card, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WordingSuggestion } from "../../../../electron/common/contracts/drafting";
import { errorText, runJob } from "../../api";
import { diffChars } from "./diff";
import { replaceParagraph, type DraftForm } from "./form";

/**
 * 润色建议: the model's revisions of whole paragraphs, each shown as a diff
 * against the text with its reason; nothing changes until the user accepts.
 */
export function PolishPanel({ form, onBody }: { form: DraftForm; onBody: (body: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<WordingSuggestion[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(): Promise<void> {
    setBusy(true);
    try {
      const r = await runJob("drafting.polish", { kind: form.kind, body: form.body });
      setItems(r.suggestions);
    } catch (e) {
      void message.error(errorText(e, t("draft.failed")));
    } finally {
      setBusy(false);
    }
  }

  function accept(s: WordingSuggestion): void {
    const next = replaceParagraph(form.body, s.paragraph, s.original, s.revised);
    if (next === null) void message.warning(t("draft.polish.stale"));
    else onBody(next);
    setItems((list) => list?.filter((x) => x !== s) ?? null);
  }

  return (
    <Flex vertical gap="small" data-testid="draft-polish">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t("draft.polish.title")}</Typography.Text>
        <Button size="small" loading={busy} disabled={!form.body.trim()} onClick={() => void run()} data-testid="draft-polish-run">
          {t("draft.polish.run")}
        </Button>
      </Flex>
      {items?.length === 0 && <Typography.Text type="secondary">{t("draft.polish.none")}</Typography.Text>}
      {items?.map((s, i) => (
        <Card key={`${s.paragraph}-${i}`} size="small" data-testid="draft-polish-item">
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {diffChars(s.original, s.revised).map((p, j) =>
              p.type === "same" ? <span key={j}>{p.text}</span> : p.type === "removed" ? <del key={j} style={{ color: "#cf1322" }}>{p.text}</del> : <ins key={j} style={{ color: "#389e0d" }}>{p.text}</ins>,
            )}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t("draft.polish.reason", { reason: s.reason })}</Typography.Text>
          <Flex gap="small" style={{ marginTop: 4 }}>
            <Button size="small" type="primary" onClick={() => accept(s)}>
              {t("draft.polish.accept")}
            </Button>
            <Button size="small" onClick={() => setItems((list) => list?.filter((x) => x !== s) ?? null)}>
              {t("draft.polish.dismiss")}
            </Button>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
