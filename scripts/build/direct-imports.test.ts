import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { barrelExports, rewriteImports } from "./direct-imports";

const antd = barrelExports(join(import.meta.dirname, "../../node_modules/antd/es/index.js"), "antd/es");

describe("direct imports", () => {
  it("reads antd's barrel", () => {
    expect(antd.get("Table")).toBe("antd/es/table");
    expect(antd.get("theme")).toBe("antd/es/theme");
  });
  it("imports each component from its own file, aliases kept", () => {
    const out = rewriteImports(`import { Button, theme as antdTheme } from 'antd';\nuse(Button);`, "antd", antd);
    expect(out).toBe(`import Button from "antd/es/button"; import antdTheme from "antd/es/theme";\nuse(Button);`);
  });
  it("takes imports spread over lines", () => {
    expect(rewriteImports(`import {\n  Alert,\n  Flex,\n} from "antd";`, "antd", antd)).toBe(`import Alert from "antd/es/alert"; import Flex from "antd/es/flex";`);
  });
  it("leaves an import whole when it names something the barrel does not map", () => {
    const src = `import { Button, unstableSetRender } from "antd";`;
    expect(rewriteImports(src, "antd", antd)).toBe(src);
    expect(rewriteImports(`import x from "antd";`, "antd", antd)).toBe(`import x from "antd";`);
  });
  it("touches no other package", () => {
    const src = `import { Button } from "antd-mobile";`;
    expect(rewriteImports(src, "antd", antd)).toBe(src);
  });
});
