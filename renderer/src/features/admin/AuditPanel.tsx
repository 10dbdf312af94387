import { Alert, App, Button, Card, Flex, Space, Table } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry, AuditVerifyResult } from "../../../../electron/common/contracts/security";
import { api, errorText } from "../../api";
import { useLoad } from "../../components/use-load";
import { detailParts, type DetailKey } from "./audit-labels";
import { downloadText } from "./download-text";

const PAGE = 20;

/** The audit log, newest first, with verification of its hash chain and export. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [busy, setBusy] = useState<"verify" | "export" | null>(null);
  const load = useCallback(() => api.call("audit.list", { offset: (page - 1) * PAGE, limit: PAGE }), [page]);
  const list = useLoad(load);

  async function runVerify(): Promise<void> {
    setBusy("verify");
    try {
      setVerify(await api.call("audit.verify", {}));
    } catch (e) {
      void message.error(errorText(e, ""));
    } finally {
      setBusy(null);
    }
  }

  async function runExport(): Promise<void> {
    setBusy("export");
    try {
      const out = await api.call("audit.export", {});
      downloadText(out.fileName, out.content);
      setVerify(out.verify);
      void message.success(t("admin.audit.exported", { count: out.entries }));
      void list.reload();
    } catch (e) {
      void message.error(errorText(e, ""));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      title={t("admin.audit.title")}
      size="small"
      extra={
        <Space>
          <Button onClick={() => void runVerify()} loading={busy === "verify"} data-testid="admin-audit-verify">
            {t("admin.audit.verify")}
          </Button>
          <Button onClick={() => void runExport()} loading={busy === "export"} data-testid="admin-audit-export">
            {t("admin.audit.export")}
          </Button>
          <Button onClick={() => void list.reload()}>{t("admin.reload")}</Button>
        </Space>
      }
    >
      <Flex vertical gap="small">
        {verify && <VerifyAlert result={verify} />}
        {list.error !== null && <Alert type="error" showIcon title={t("admin.loadFailed", { message: list.error })} />}
        <Table<AuditEntry>
          data-testid="admin-audit-table"
          size="small"
          rowKey="seq"
          loading={list.loading}
          dataSource={list.data?.entries ?? []}
          locale={{ emptyText: t("admin.audit.empty") }}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          tableLayout="fixed"
          columns={[
            { title: "#", dataIndex: "seq", width: 64 },
            { title: t("admin.audit.time"), dataIndex: "time", width: 170, render: (v: string) => new Date(v).toLocaleString() },
            { title: t("admin.audit.user"), dataIndex: "user", width: 100, ellipsis: true },
            {
              title: t("admin.audit.type"),
              dataIndex: "type",
              width: 130,
              render: (type: AuditEntry["type"]) => (
                <span data-testid="admin-audit-type" data-type={type} title={type}>
                  {t(`admin.audit.types.${type}`)}
                </span>
              ),
            },
            { title: t("admin.audit.object"), dataIndex: "object", ellipsis: { showTitle: true } },
            { title: t("admin.audit.detail"), dataIndex: "detail", render: (d: AuditEntry["detail"]) => <AuditDetail detail={d} /> },
          ]}
        />
      </Flex>
    </Card>
  );
}

function VerifyAlert({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return <Alert type="success" showIcon data-testid="admin-audit-verify-result" title={t("admin.audit.verifyOk", { entries: result.entries, files: result.files })} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="admin-audit-verify-result"
      title={t("admin.audit.verifyFailed", { count: result.issues.length })}
      description={
        <ul>
          {result.issues.map((i) => (
            <li key={`${i.file}:${i.line}:${i.kind}`}>
              [{t(`admin.audit.kinds.${i.kind}`)}] {i.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** An entry's details as "label：value" lines in the user's language, whole (not cut JSON). */
function AuditDetail({ detail }: { detail: AuditEntry["detail"] }) {
  const { t } = useTranslation();
  const parts = detailParts(detail);
  if (!parts.length) return null;
  const value = (v: string | number | boolean | null): string => (v === true ? t("admin.audit.yes") : v === false ? t("admin.audit.no") : v === null ? "—" : String(v));
  return (
    <Flex vertical gap={0} style={{ fontSize: 12 }} className="govdesk-break" data-testid="admin-audit-detail">
      {parts.map((p) => (
        <span key={p.key}>
          {t("knowledge.meta.item", { label: p.known ? t(`admin.audit.detailKeys.${p.key as DetailKey}`) : p.key, value: value(p.value) })}
        </span>
      ))}
    </Flex>
  );
}
