// @ts-check
// Lint rules only; prettier owns formatting (npm run format). Not type-aware: `npm run typecheck`
// already runs tsc, and the type-checked rule sets cost three times the time here (README, Development).
import js from "@eslint/js";
import prettier from "eslint-config-prettier/flat";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // Build output and generated files (dist/, lib/, cdktf.out/ and .gen/ are also git-ignored).
  { ignores: ["dist/", "lib/", "cdktf.out/", ".gen/", "coverage/", "docs/api/"] },
  // A disable comment that no longer suppresses anything is an error, so each one stays meaningful.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // tsc reports unused locals and parameters already (noUnusedLocals, noUnusedParameters), with
      // the same exceptions (a rest sibling that omits a key, a `_` name).
      "@typescript-eslint/no-unused-vars": "off",
    },
  },
  {
    // Tests, fakes and harnesses read synthesized Terraform JSON and API bodies field by field; the
    // assertions check the shape, and a type per shape would repeat the schema the code under test has.
    files: ["test/**", "e2e/**", "compat/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The few CommonJS scripts (the launcher, the bundler, the lock pruner, jest's config).
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Formatting is prettier's job: turn off the rules it would fight.
  prettier,
);
