import { Alert, Button, Card, Flex, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RedactionSpan } from "../../../../electron/common/contracts/security";
import { api, errorText } from "../../api";

/** Paste text, see what redaction would mask (the same detector exports and intranet sends use). */
export function RedactPanel() {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ redacted: string; spans: RedactionSpan[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function preview(): Promise<void> {
    try {
      setResult(await api.call("redact.preview", { text }));
      setError(null);
    } catch (e) {
      setError(errorText(e, ""));
    }
  }

  return (
    <Card title={t("admin.redact.title")} size="small">
      <Flex vertical gap="small">
        <Input.TextArea
          data-testid="admin-redact-input"
          rows={3}
          value={text}
          placeholder={t("admin.redact.placeholder")}
          onChange={(e) => setText(e.target.value)}
        />
        <Button onClick={() => void preview()} disabled={!text} data-testid="admin-redact-preview" style={{ alignSelf: "flex-start" }}>
          {t("admin.redact.preview")}
        </Button>
        {error !== null && <Alert type="error" showIcon title={t("admin.loadFailed", { message: error })} />}
        {result && (
          <div data-testid="admin-redact-result">
            <Typography.Paragraph>{result.spans.length ? t("admin.redact.found", { count: result.spans.length }) : t("admin.redact.nothing")}</Typography.Paragraph>
            <ul>
              {result.spans.map((s) => (
                <li key={s.start}>
                  <Tag>{t(`admin.redact.kinds.${s.kind}`)}</Tag>
                  <Typography.Text delete>{s.text}</Typography.Text> → <Typography.Text code>{s.masked}</Typography.Text>
                </li>
              ))}
            </ul>
            <Typography.Paragraph code data-testid="admin-redact-output" style={{ whiteSpace: "pre-wrap" }}>
              {result.redacted}
            </Typography.Paragraph>
          </div>
        )}
      </Flex>
    </Card>
  );
}
