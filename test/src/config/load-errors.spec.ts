import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadConfig } from "../../../src/config/load";
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
