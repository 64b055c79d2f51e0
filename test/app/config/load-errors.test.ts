import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadConfig } from "../../../app/config/load";
import { exampleConfigInput } from "../../support/helpers";

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
    expect(() => loadConfig(path)).toThrow(
      `Config file ${path} is a directory: set OKTA_CLOUDFLARE_CONFIG to the JSON file in it.`,
    );
  });
});

describe("the problem list", () => {
  test("lists at most 50 problems, then how many more there are", () => {
    const input = {
      ...exampleConfigInput(),
      ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`unknown${i}`, i])),
    };
    const file = join(dir(), "config.json");
    writeFileSync(file, JSON.stringify(input));
    let message = "";
    try {
      loadConfig(file);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split("\n").filter((l) => l.startsWith("- unknown"))).toHaveLength(50);
    expect(message).toMatch(/- \.\.\. and 150 more problems: fix these first\.$/);
  });
});
