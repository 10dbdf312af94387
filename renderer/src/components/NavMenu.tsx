import { Menu } from "antd";
import { createElement } from "react";
import { useTranslation } from "react-i18next";
import { features, resolveFeature } from "../features/registry";
import { useNavigation } from "../state/navigation";

/** The side menu: one item per registered screen, nothing for screens not built yet. */
export function NavMenu() {
  const { t } = useTranslation();
  const current = useNavigation((s) => s.current);
  const navigate = useNavigation((s) => s.navigate);
  const selected = resolveFeature(current).id;
  return (
    <Menu
      mode="inline"
      aria-label={t("nav.label")}
      selectedKeys={[selected]}
      style={{ borderInlineEnd: "none" }}
      // antd wraps each item in a Tooltip for an icons-only menu; ours folds away whole (the side bar
      // collapses to nothing on a narrow window), so the tooltips never show, yet each mounted a Trigger
      // that renders twice on start (issue 15).
      tooltip={false}
      items={features.map((f) => ({
        key: f.id,
        icon: createElement(f.icon),
        label: t(f.titleKey),
        "data-testid": `nav-${f.id}`,
      }))}
      onClick={({ key }) => {
        const target = features.find((f) => f.id === key);
        if (target) navigate(target.id);
      }}
    />
  );
}
