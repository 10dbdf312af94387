import { Alert, Card, Descriptions, Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PolicyStatus } from "../../../../electron/common/contracts/policy";
import { policyRows, settingLabel, showValue, type Cell } from "./policy-rows";

/** The policy in force, or the lock-down message; and which settings are locked, with the reason. */
export function PolicyPanel({ status }: { status: PolicyStatus }) {
  const { t } = useTranslation();
  const show = (c: Cell) => ("key" in c ? t(c.key, c.values) : c.text);

  if (!status.ok) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="admin-policy-error"
        title={t("admin.policy.lockedDown")}
        description={
          <>
            <Typography.Paragraph>{status.error}</Typography.Paragraph>
            <ul>
              {status.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
            <Typography.Text type="secondary">{t("admin.policy.lockedDownHelp")}</Typography.Text>
          </>
        }
      />
    );
  }

  return (
    <>
      <Card title={t("admin.policy.title")} size="small">
        <Descriptions
          bordered
          column={1}
          size="small"
          styles={{ label: { width: "16em" } }}
          items={[
            { key: "file", label: t("admin.policy.file"), children: <span data-testid="admin-policy-path">{status.path}</span> },
            // Windows Group Policy can set the policy too (or alone): say where it came from.
            ...(status.sources && status.sources.some((src) => src !== status.path)
              ? [{ key: "sources", label: t("admin.policy.sources"), children: <span data-testid="admin-policy-sources" style={{ whiteSpace: "pre-wrap" }}>{status.sources.join("\n")}</span> }]
              : []),
            {
              key: "status",
              label: t("admin.policy.status"),
              children: <span data-testid="admin-policy-status">{status.exists ? t("admin.policy.valid") : t("admin.policy.missing")}</span>,
            },
            ...policyRows(status.policy).map((row) => ({
              key: row.id,
              label: t(row.label),
              children: <span style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{show(row.value)}</span>,
            })),
          ]}
        />
      </Card>
      <Card title={t("admin.locked.title")} size="small">
        {status.locked.length === 0 ? (
          <Empty description={t("admin.locked.empty")} />
        ) : (
          <Table
            data-testid="admin-locked"
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={status.locked}
            columns={[
              { title: t("admin.locked.key"), dataIndex: "key", render: (k: string) => show(settingLabel(k)) },
              { title: t("admin.locked.value"), dataIndex: "value", render: (v: unknown) => showValue(v) },
              { title: t("admin.locked.reason"), dataIndex: "reason" },
            ]}
          />
        )}
      </Card>
    </>
  );
}
