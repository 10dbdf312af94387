import { InboxOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import { useState, type DragEvent, type ReactNode } from "react";
import { droppedPaths } from "../api/desktop";

export interface DropZoneProps {
  /** Shown in the zone: what to drop here. */
  hint: string;
  /** Said when files were dropped but no path could be had (browser mode). */
  noPathMessage: string;
  onPaths: (paths: string[]) => void;
  onNoPath: (message: string) => void;
  children: ReactNode;
  testId?: string;
}

/**
 * Wraps a form so files dragged from the file manager can be dropped on it.
 * In the desktop app the dropped files' paths come back through
 * window.desktop; in a browser (serve) there are none and the user is told
 * to type the path instead.
 */
export function DropZone({ hint, noPathMessage, onPaths, onNoPath, children, testId }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes("Files");

  const onDrop = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setOver(false);
    const files = e.dataTransfer.files;
    void droppedPaths(files).then(
      (paths) => (paths.length ? onPaths(paths) : onNoPath(noPathMessage)),
      () => onNoPath(noPathMessage),
    );
  };

  return (
    <div
      data-testid={testId}
      data-dragover={over ? "true" : "false"}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        border: `1px dashed ${over ? "#1677ff" : "#d9d9d9"}`,
        borderRadius: 8,
        padding: 12,
        background: over ? "rgba(22,119,255,0.04)" : undefined,
      }}
    >
      {children}
      <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
        <InboxOutlined /> {hint}
      </Typography.Text>
    </div>
  );
}
