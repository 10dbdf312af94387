/**
 * Strings of the window around the screens (serve-mode connection states,
 * keyboard shortcuts, the shortcut list). zh-CN defines the keys; en.ts checks en.
 */
export const shellZhCN = {
  /** In a browser (govdesk serve) nothing restarts the core: the page reconnects to it. */
  serveState: {
    starting: "连接中",
    running: "运行中",
    restarting: "连接中断，正在重连",
    failed: "连接已断开",
  },
  serveBanner: {
    restartingTitle: "与 GovDesk 服务的连接已断开",
    restartingText: "正在重新连接（第 {{attempt}} 次）。如果终端里的 govdesk serve 已经退出，请重新运行它，本页会自动连上。",
    failedTitle: "无法连接 GovDesk 服务",
    failedText: "请确认终端里的 govdesk serve 仍在运行（已退出就重新运行），然后刷新本页。",
  },
  waitingCore: "核心服务未连接，恢复后会自动刷新。",
  shortcuts: {
    open: "快捷键",
    title: "快捷键",
    key: "按键",
    action: "作用",
    newConversation: "新建对话",
    search: "搜索对话",
    send: "发送（按设置）",
    newline: "换行",
    stop: "停止生成",
    list: "显示本列表",
    sendEnter: "Enter 发送，Shift+Enter 换行",
    sendCtrlEnter: "Ctrl+Enter 发送，Enter 换行",
  },
  unsaved: {
    title: "设置有未保存的更改",
    text: "离开前要保存吗？",
    save: "保存并离开",
    discard: "不保存",
    stay: "留在本页",
  },
} as const;

export const shellEn = {
  serveState: {
    starting: "Connecting",
    running: "Running",
    restarting: "Connection lost, reconnecting",
    failed: "Disconnected",
  },
  serveBanner: {
    restartingTitle: "The connection to the GovDesk service was lost",
    restartingText: "Reconnecting (attempt {{attempt}}). If govdesk serve has exited in its terminal, run it again and this page reconnects by itself.",
    failedTitle: "Cannot reach the GovDesk service",
    failedText: "Check that govdesk serve is still running in its terminal (run it again if it exited), then reload this page.",
  },
  waitingCore: "The core service is not connected; this refreshes when it is back.",
  shortcuts: {
    open: "Shortcuts",
    title: "Keyboard shortcuts",
    key: "Keys",
    action: "Action",
    newConversation: "New conversation",
    search: "Search conversations",
    send: "Send (as set)",
    newline: "New line",
    stop: "Stop generating",
    list: "Show this list",
    sendEnter: "Enter sends, Shift+Enter adds a line",
    sendCtrlEnter: "Ctrl+Enter sends, Enter adds a line",
  },
  unsaved: {
    title: "Unsaved changes in Settings",
    text: "Save them before leaving?",
    save: "Save and leave",
    discard: "Don't save",
    stay: "Stay",
  },
};
