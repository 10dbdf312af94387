import { FolderOpenOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import type { PickPathsRequest } from "../../../electron/common/desktop";
import { hasFileDialog, pickPaths } from "../api/desktop";

/**
 * "浏览…" beside a path box: opens the native dialog in the desktop app and
 * hands back the chosen paths. Renders nothing under serve (type a path).
 */
export function BrowseButton(props: { request: PickPathsRequest; onPicked: (paths: string[]) => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!hasFileDialog) return null;
  return (
    <Button
      icon={<FolderOpenOutlined />}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={() =>
        void pickPaths(props.request).then((paths) => {
          if (paths.length) props.onPicked(paths);
        })
      }
    >
      {t("common.browse")}
    </Button>
  );
}
