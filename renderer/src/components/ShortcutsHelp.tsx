import { Modal, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "../i18n/zh-CN";
import { useCommands } from "../state/commands";
import { useSettingsStore } from "../state/settings";
import { shortcutRows } from "./shortcuts";

/** The list of keyboard shortcuts (Ctrl+/, or 快捷键 in the status bar). */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const open = useCommands((s) => s.shortcutsOpen);
  const setOpen = useCommands((s) => s.setShortcutsOpen);
  const sendKey = useSettingsStore((s) => s.settings.sendKey);
  return (
    <Modal open={open} title={t("shell.shortcuts.title")} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={shortcutRows(sendKey)}
        data-testid="shortcuts-help"
        columns={[
          { title: t("shell.shortcuts.key"), dataIndex: "keys", width: 140, render: (k: string) => <Typography.Text keyboard>{k}</Typography.Text> },
          { title: t("shell.shortcuts.action"), dataIndex: "action", render: (a: string) => t(a as MessageKey) },
        ]}
      />
    </Modal>
  );
}
