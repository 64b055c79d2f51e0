import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { jsonSyntaxProblem, loadConfig } from "../../../src/config/load";
import { exampleConfigInput } from "../../helpers";

function dir(): string {
  return mkdtempSync(join(tmpdir(), "config-"));
}

describe("reading the config file", () => {
  test("a byte order mark (some Windows editors write one) is accepted", () => {
    const file = join(dir(), "config.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(exampleConfigInput())}`);
    expect(loadConfig(file).name).toBe("acme");
  });

  test("a directory is named as such", () => {
    const path = dir();
    expect(() => loadConfig(path)).toThrow(`Config file ${path} is a directory: set OKTA_CLOUDFLARE_CONFIG to the JSON file in it.`);
  });
});

describe("jsonSyntaxProblem", () => {
  const problem = (text: string) => {
    try {
      JSON.parse(text);
    } catch (e) {
      return jsonSyntaxProblem(text, (e as Error).message);
    }
    throw new Error("expected invalid JSON");
  };

  test("points at the line and column, and names a trailing comma", () => {
    expect(problem('{\n  "a": 1,\n}')).toMatch(/at line 3, column 1\. Remove the trailing comma: JSON allows none\.$/);
  });

  test("names a comment, single quotes and a file that ends early", () => {
    expect(problem('{\n  // note\n  "a": 1\n}')).toMatch(/Remove the comment/);
    expect(problem("{'a': 1}")).toMatch(/Use double quotes/);
    expect(problem('{"a": [1, 2')).toMatch(/The file ends early: close every \{ and \[\.$/);
  });
});
