import { readFileSync } from "fs";
import { configJsonSchema } from "../../../app/config/json-schema";

describe("config JSON Schema", () => {
  test("config/config.schema.json is up to date with the zod schema (run npm run schema)", () => {
    expect(readFileSync("config/config.schema.json", "utf8")).toBe(configJsonSchema());
  });

  test("forbids unknown keys so editors flag typos", () => {
    const schema = JSON.parse(configJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.accessLogin.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(["name", "okta", "cloudflare", "accessLogin"]));
  });
});
