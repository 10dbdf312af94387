import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import layers from "./scripts/eslint/import-layers.js";

export default tseslint.config(
  { ignores: ["dist/**", "release/**", "node_modules/**", "coverage/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    plugins: { govdesk: layers },
    rules: {
      "govdesk/import-layers": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='ipcRenderer']", message: "Use window.api from the contract, not raw ipcRenderer." },
      ],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The preload is the one place that may touch ipcRenderer, to build window.api.
    files: ["electron/preload/**/*.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
