import { configJsonSchema } from "../../app/config/json-schema";
import { exampleConfigInput } from "../support/helpers";
import { readStacks, runMain, writeConfig } from "../support/run-main";

const example = exampleConfigInput();

/** The okta provider block of every stack that has one. */
function oktaProviderBlocks(config: unknown): Record<string, unknown>[] {
  const { code, stderr, outdir } = runMain(writeConfig(config));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const blocks = Object.values(readStacks(outdir)).flatMap((s) => s.provider?.okta ?? []);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  return blocks;
}

describe("okta provider retry and rate-limit settings", () => {
  test("the defaults reach every okta provider block", () => {
    for (const block of oktaProviderBlocks(example)) {
      expect(block).toMatchObject({
        max_retries: 5,
        backoff: true,
        min_wait_seconds: 30,
        max_wait_seconds: 300,
        max_api_capacity: 50,
        parallelism: 1,
      });
    }
  });

  test("configured values reach every okta provider block", () => {
    const provider = { maxRetries: 10, minWaitSeconds: 10, maxWaitSeconds: 120, maxApiCapacity: 25, parallelism: 2 };
    for (const block of oktaProviderBlocks({ ...example, okta: { ...example.okta, provider } })) {
      expect(block).toMatchObject({
        max_retries: 10,
        backoff: true,
        min_wait_seconds: 10,
        max_wait_seconds: 120,
        max_api_capacity: 25,
        parallelism: 2,
      });
    }
  });

  test("the JSON schema describes each setting with its default", () => {
    type Props = Record<string, { description?: string; default?: unknown }>;
    const schema = JSON.parse(configJsonSchema()) as {
      properties: { okta: { properties: { provider: { properties: Props } } } };
    };
    const settings = schema.properties.okta.properties.provider.properties;
    expect(Object.keys(settings).sort()).toEqual(
      ["backoff", "maxApiCapacity", "maxRetries", "maxWaitSeconds", "minWaitSeconds", "parallelism"].sort(),
    );
    for (const setting of Object.values(settings)) {
      expect(setting.default).toBeDefined();
      expect(setting.description).toContain(`Default ${String(setting.default)}`);
    }
  });
});
