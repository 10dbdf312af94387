import { Checkbox, Collapse, Flex, Form, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DocElement, KindInfo } from "../../../../electron/common/contracts/doc-kinds";
import { composeTitle } from "../../../../electron/common/drafting/title";
import type { DraftForm } from "./form";

interface Props {
  form: DraftForm;
  kinds: KindInfo[];
  onChange: (next: (f: DraftForm) => DraftForm) => void;
}

type TextField = Exclude<keyof DraftForm, "kind" | "seal" | "attachmentBodies">;

/**
 * The fields of a 公文 in GB/T 9704 order; only those the chosen kind uses
 * (its template says which) are shown. The title is composed from 发文机关
 * + 关于 + 事由 + 的 + 文种 unless one is typed.
 */
export function DraftFields({ form, kinds, onChange }: Props) {
  const { t } = useTranslation();
  const kind = kinds.find((k) => k.kind === form.kind);
  const uses = (e: DocElement) => !kind || kind.elements.find((x) => x.element === e)?.use !== "none";
  const set = (field: TextField) => (e: { target: { value: string } }) => onChange((f) => ({ ...f, [field]: e.target.value }));
  const text = (field: TextField, label: string, placeholder?: string) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Input value={form[field]} onChange={set(field)} placeholder={placeholder} data-testid={`draft-field-${field}`} />
    </Form.Item>
  );
  const composed = !form.title.trim() && form.subject.trim() && kind ? composeTitle(form.issuer, form.subject, kind.kind) : "";
  return (
    <Form layout="vertical" data-testid="draft-fields">
      <Flex gap="middle" wrap>
        <Form.Item label={t("draft.fields.kind")} style={{ marginBottom: 8, minWidth: 160 }} tooltip={kind?.purpose}>
          <Select
            value={form.kind}
            onChange={(v) => onChange((f) => ({ ...f, kind: v }))}
            options={kinds.map((k) => ({ value: k.kind, label: `${k.label}（${k.direction}）` }))}
            data-testid="draft-kind"
          />
        </Form.Item>
        <div style={{ flex: 1, minWidth: 220 }}>{text("issuer", t("draft.fields.issuer"))}</div>
        {uses("发文字号") && <div style={{ flex: 1, minWidth: 220 }}>{text("number", t("draft.fields.number"), t("draft.fields.numberPlaceholder"))}</div>}
      </Flex>
      {(uses("签发人") || kind?.format === "命令") && (
        <Flex gap="middle" wrap>
          <div style={{ flex: 1, minWidth: 220 }}>{text("signer", t("draft.fields.signer"), t("draft.fields.signerPlaceholder"))}</div>
          {kind?.format === "命令" && <div style={{ flex: 1, minWidth: 160 }}>{text("signerTitle", t("draft.fields.signerTitle"))}</div>}
        </Flex>
      )}
      <Flex gap="middle" wrap>
        <div style={{ flex: 1, minWidth: 220 }}>{text("subject", t("draft.fields.subject"), t("draft.fields.subjectPlaceholder"))}</div>
        <div style={{ flex: 2, minWidth: 280 }}>{text("title", t("draft.fields.title"), t("draft.fields.titlePlaceholder"))}</div>
      </Flex>
      {composed && (
        <Typography.Text type="secondary" data-testid="draft-composed-title">
          {t("draft.fields.composed", { title: composed })}
        </Typography.Text>
      )}
      {uses("主送机关") && text("to", t("draft.fields.to"), t("draft.fields.toPlaceholder"))}
      <Form.Item label={t("draft.fields.body")} style={{ marginBottom: 8 }}>
        <Input.TextArea value={form.body} onChange={set("body")} placeholder={t("draft.fields.bodyPlaceholder")} autoSize={{ minRows: 10, maxRows: 30 }} data-testid="draft-body" />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item label={t("draft.fields.attachments")} style={{ marginBottom: 8, flex: 2, minWidth: 280 }}>
          <Input.TextArea value={form.attachments} onChange={set("attachments")} placeholder={t("draft.fields.attachmentsPlaceholder")} autoSize={{ minRows: 1, maxRows: 6 }} data-testid="draft-field-attachments" />
        </Form.Item>
        <div style={{ flex: 1, minWidth: 180 }}>{text("date", t("draft.fields.date"), t("draft.fields.datePlaceholder"))}</div>
      </Flex>
      <Collapse
        size="small"
        items={[
          {
            key: "more",
            label: t("draft.fields.more"),
            children: (
              <Flex vertical>
                <Flex gap="middle" wrap>
                  <div style={{ flex: 1, minWidth: 120 }}>{text("copyNo", t("draft.fields.copyNo"))}</div>
                  <div style={{ flex: 1, minWidth: 160 }}>{text("secret", t("draft.fields.secret"))}</div>
                  <div style={{ flex: 1, minWidth: 120 }}>{text("urgency", t("draft.fields.urgency"))}</div>
                </Flex>
                {text("note", t("draft.fields.note"))}
                {text("cc", t("draft.fields.cc"))}
                <Flex gap="middle" wrap>
                  <div style={{ flex: 2, minWidth: 220 }}>{text("printer", t("draft.fields.printer"))}</div>
                  <div style={{ flex: 1, minWidth: 160 }}>{text("printDate", t("draft.fields.printDate"))}</div>
                </Flex>
                {kind?.format === "纪要" && (
                  <>
                    {text("present", t("draft.fields.present"))}
                    {text("absent", t("draft.fields.absent"))}
                    {text("attending", t("draft.fields.attending"))}
                  </>
                )}
                {uses("印章") && (
                  <Checkbox checked={form.seal} onChange={(e) => onChange((f) => ({ ...f, seal: e.target.checked }))} data-testid="draft-seal">
                    {t("draft.fields.seal")}
                  </Checkbox>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Form>
  );
}
