import { TerraformVariable, Testing } from "cdktf";
import type { Construct } from "constructs";
import { OktaProvider, type OktaProviderConfig } from "../../../src/okta/okta-provider";
import { PUSH_GROUP_PROVIDER_VERSION } from "../../../src/okta/private/okta-provider-version";
import { PushGroup } from "../../../src/okta/push-group";
import { ValidationError } from "../../../src/private/validation";

const APP = "0oa1b2c3d4E5F6g7h8i9";
const GROUP = "00g1b2c3d4E5F6g7h8i9";

function synth(build: (scope: Construct) => void) {
  return JSON.parse(Testing.synthScope(build));
}

describe("OktaProvider", () => {
  function provider(config: OktaProviderConfig) {
    return synth((scope) => new OktaProvider(scope, "okta", config));
  }

  it("declares okta/okta at the push group version, not 4.20.0", () => {
    expect(provider({}).terraform.required_providers).toEqual({
      okta: { source: "okta/okta", version: PUSH_GROUP_PROVIDER_VERSION },
    });
    expect(PUSH_GROUP_PROVIDER_VERSION).toBe("~> 6.11");
  });

  it("applies the documented retry and rate-limit defaults, and leaves org and domain to the environment", () => {
    expect(provider({}).provider.okta).toEqual([
      {
        backoff: true,
        min_wait_seconds: 30,
        max_wait_seconds: 300,
        max_retries: 5,
        max_api_capacity: 50,
        parallelism: 1,
      },
    ]);
  });

  it("synthesizes org, domain and rate-limit settings as snake_case, with no credentials", () => {
    expect(
      provider({
        orgName: "dev-123456",
        baseUrl: "oktapreview.com",
        backoff: true,
        minWaitSeconds: 10,
        maxWaitSeconds: 120,
        maxRetries: 8,
        maxApiCapacity: 50,
        parallelism: 2,
      }).provider.okta,
    ).toEqual([
      {
        org_name: "dev-123456",
        base_url: "oktapreview.com",
        backoff: true,
        min_wait_seconds: 10,
        max_wait_seconds: 120,
        max_retries: 8,
        max_api_capacity: 50,
        parallelism: 2,
      },
    ]);
  });

  it("supports an alias that resources select with `provider`", () => {
    const out = synth((scope) => {
      new OktaProvider(scope, "okta");
      const second = new OktaProvider(scope, "second", { alias: "second_org", orgName: "dev-654321" });
      new PushGroup(scope, "engineers", { appId: APP, sourceGroupId: GROUP, provider: second });
    });
    expect(out.provider.okta[1]).toMatchObject({ alias: "second_org", org_name: "dev-654321" });
    expect(out.resource.okta_push_group.engineers.provider).toBe("okta.second_org");
  });

  it("takes numbers from variables without checking them", () => {
    const out = synth((scope) => {
      const retries = new TerraformVariable(scope, "retries", { type: "number" });
      new OktaProvider(scope, "okta", { maxRetries: retries.numberValue });
    });
    expect(out.provider.okta[0].max_retries).toBe("${var.retries}");
  });

  it.each<[string, OktaProviderConfig, string]>([
    [
      "orgName",
      { orgName: "dev-123456.okta.com" },
      'orgName: "dev-123456.okta.com" is not valid. Use the subdomain only',
    ],
    ["baseUrl", { baseUrl: "https://okta.com" }, 'baseUrl: "https://okta.com" is not valid. Use the domain only'],
    ["backoff", { backoff: false }, "backoff: false is not valid. The okta provider treats false as unset"],
    ["maxRetries", { maxRetries: 0 }, "maxRetries: 0 is not valid. The okta provider treats 0 as unset"],
    ["maxRetries", { maxRetries: 101 }, "maxRetries: 101 is not valid. Use a number <= 100"],
    ["maxApiCapacity", { maxApiCapacity: 0 }, "maxApiCapacity: 0 is not valid."],
    ["maxApiCapacity", { maxApiCapacity: 101 }, "maxApiCapacity: 101 is not valid. Use a number <= 100"],
    ["minWaitSeconds", { minWaitSeconds: 1.5 }, "minWaitSeconds: 1.5 is not valid."],
    ["minWaitSeconds", { minWaitSeconds: 301 }, "minWaitSeconds: 301 is not valid. Use a number <= 300"],
    ["maxWaitSeconds", { maxWaitSeconds: 3601 }, "maxWaitSeconds: 3601 is not valid. Use a number <= 3600"],
    [
      "maxWaitSeconds",
      { minWaitSeconds: 60, maxWaitSeconds: 30 },
      "maxWaitSeconds: 30 is not valid. The longest wait cannot be shorter than the first (minWaitSeconds 60)",
    ],
    [
      "maxWaitSeconds below the default minWaitSeconds",
      { maxWaitSeconds: 20 },
      "maxWaitSeconds: 20 is not valid. The longest wait cannot be shorter than the first (minWaitSeconds 30)",
    ],
    ["parallelism", { parallelism: 0 }, "parallelism: 0 is not valid."],
    ["parallelism", { parallelism: 21 }, "parallelism: 21 is not valid. Use a number <= 20"],
    ["alias", { alias: "second org" }, 'alias: "second org" is not valid. Use a Terraform name'],
  ])("rejects a bad %s, naming field, value and fix", (_field, config, message) => {
    expect(() => provider(config)).toThrow(ValidationError);
    expect(() => provider(config)).toThrow(`stack/okta.${message}`);
  });
});
