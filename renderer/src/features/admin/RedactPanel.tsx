import { Alert, Button, Card, Checkbox, Flex, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RedactionKind, RedactionSpan } from "../../../../electron/common/contracts/security";
import { api, errorText } from "../../api";

const CHECKED: RedactionKind[] = ["idCard", "creditCode", "bankCard", "mobile", "email"];
const GUESSED: RedactionKind[] = ["name", "address"];

/**
 * Paste text, see what redaction would mask (the same detector exports and
 * intranet sends use). Names and addresses are guesses: asked for with a
 * box that says so, and tagged as guesses in the result.
 */
export function RedactPanel() {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ redacted: string; spans: RedactionSpan[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [guess, setGuess] = useState(false);

  async function preview(): Promise<void> {
    try {
      setResult(await api.call("redact.preview", { text, kinds: guess ? [...CHECKED, ...GUESSED] : CHECKED }));
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
        <Checkbox checked={guess} onChange={(e) => setGuess(e.target.checked)} data-testid="admin-redact-guess">
          {t("admin.redact.guess")}
        </Checkbox>
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
                  <Tag color={GUESSED.includes(s.kind) ? "orange" : undefined}>{t(`admin.redact.kinds.${s.kind}`)}</Tag>
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
