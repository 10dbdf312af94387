import { Alert, Button, Card, Flex, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PackInstallResult } from "../../../../electron/common/contracts/security";
import { api, errorText } from "../../api";
import { BrowseButton } from "../../components/BrowseButton";

/** Install a knowledge pack (.govpack) handed out by IT: verified, then installed read-only. */
export function PacksPanel() {
  const { t } = useTranslation();
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackInstallResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function install(): Promise<void> {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.call("packs.import", { path: path.trim() }));
      setPath("");
    } catch (e) {
      setError(errorText(e, t("admin.packs.failed")));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t("admin.packs.title")} size="small">
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t("admin.packs.help")}</Typography.Text>
        <Flex gap="small">
          <Input
            data-testid="admin-pack-path"
            value={path}
            placeholder={t("admin.packs.placeholder")}
            onChange={(e) => setPath(e.target.value)}
            onPressEnter={() => path.trim() && !busy && void install()}
            disabled={busy}
          />
          <BrowseButton request={{ kind: "file", filters: [{ name: "GovDesk 知识包", extensions: ["govpack"] }] }} onPicked={([p]) => p && setPath(p)} disabled={busy} />
          <Button type="primary" data-testid="admin-pack-install" loading={busy} disabled={!path.trim()} onClick={() => void install()}>
            {t("admin.packs.install")}
          </Button>
        </Flex>
        {result && (
          <Alert
            data-testid="admin-pack-result"
            type={result.embedModelMismatch ? "warning" : "success"}
            showIcon
            title={t("admin.packs.installed", { base: result.base, documents: result.documents })}
            description={result.embedModelMismatch ? t("admin.packs.mismatch") : undefined}
          />
        )}
        {error && <Alert data-testid="admin-pack-error" type="error" showIcon title={error} />}
      </Flex>
    </Card>
  );
}
