import { Alert, Flex, Input, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

interface LicenseFile {
  entries: { name: string; version: string; license: string; text: number | null }[];
  texts: string[];
}

/**
 * Third-party licences: every package bundled into the UI or installed as a
 * runtime dependency, and llama.cpp (licenses.json, written by the build
 * into the app's own folder, read here like any other of its files).
 */
export function Licenses() {
  const { t } = useTranslation();
  const [file, setFile] = useState<LicenseFile | null>(null);
  const [error, setError] = useState(false);
  const [query, setQuery] = useState("");
  useEffect(() => {
    fetch(new URL("licenses.json", document.baseURI)).then(
      (r) => (r.ok ? r.json().then((j: LicenseFile) => setFile(j)) : setError(true)),
      () => setError(true),
    );
  }, []);
  const rows = useMemo(() => (file?.entries ?? []).filter((e) => !query.trim() || e.name.toLowerCase().includes(query.trim().toLowerCase())), [file, query]);
  if (error) return <Alert type="warning" showIcon title={t("about.licensesMissing")} />;
  return (
    <Flex vertical gap="small" data-testid="about-licenses">
      <Typography.Text type="secondary">{t("about.licensesIntro", { count: file?.entries.length ?? 0 })}</Typography.Text>
      <Input.Search allowClear placeholder={t("about.licensesSearch")} aria-label={t("about.licensesSearch")} value={query} onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 320 }} />
      <Table
        size="small"
        rowKey={(e) => `${e.name}@${e.version}`}
        loading={file === null}
        dataSource={rows}
        tableLayout="fixed"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        expandable={{
          rowExpandable: (e) => e.text !== null,
          expandedRowRender: (e) => (
            <pre style={{ maxHeight: 180, overflow: "auto", whiteSpace: "pre-wrap", margin: 0, fontSize: 12 }} tabIndex={0} aria-label={t("about.licenseText", { name: e.name })}>
              {e.text !== null ? file?.texts[e.text] : ""}
            </pre>
          ),
        }}
        columns={[
          { title: t("about.licenseName"), dataIndex: "name", ellipsis: { showTitle: true } },
          { title: t("about.licenseVersion"), dataIndex: "version", width: 110, ellipsis: true },
          { title: t("about.licenseType"), dataIndex: "license", width: 150, ellipsis: { showTitle: true } },
        ]}
        data-testid="about-licenses-table"
      />
    </Flex>
  );
}
