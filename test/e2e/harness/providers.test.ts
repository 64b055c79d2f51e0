import { providerReleases, releaseFor, releasesFor, requiredProviders } from "../../../e2e/harness/providers";
import { satisfies } from "../../../e2e/harness/versions";
import { exampleConfigInput, synthApp } from "../../support/helpers";

describe("provider releases", () => {
  test("version constraints as the stacks write them", () => {
    expect(satisfies("4.20.0", "4.20.0")).toBe(true);
    expect(satisfies("4.20.1", "4.20.0")).toBe(false);
    expect(satisfies("6.12.0", "~> 6.11")).toBe(true);
    expect(satisfies("7.0.0", "~> 6.11")).toBe(false);
    expect(satisfies("6.10.0", "~> 6.11")).toBe(false);
    expect(satisfies("6.11.9", "~> 6.11.2")).toBe(true);
    expect(satisfies("6.12.0", "~> 6.11.2")).toBe(false);
    expect(satisfies("1.11.4", ">= 1.2.0")).toBe(true);
    expect(satisfies("1.1.9", ">= 1.2.0")).toBe(false);
    expect(satisfies("1.5.0", ">= 1.2, < 2.0")).toBe(true);
    expect(() => satisfies("1.0.0", "latest")).toThrow(/unsupported version constraint "latest"/);
  });

  test("everything on: okta 4.20.0, okta ~> 6.11 (push groups, built as 6.12.0), cloudflare 5.14.0", () => {
    const input = exampleConfigInput();
    input.accessLogin.scim!.provisioningConfigured = true;
    input.dashboardScim!.provisioningConfigured = true;
    const app = synthApp(input);
    const stacks = Object.keys(app.manifest.stacks).map((s) => app.stack(s));
    expect(requiredProviders(stacks)).toEqual([
      { source: "cloudflare/cloudflare", constraint: "5.14.0" },
      { source: "okta/okta", constraint: "4.20.0" },
      { source: "okta/okta", constraint: "~> 6.11" },
    ]);
    expect(releasesFor(stacks).map((r) => [r.source, r.release, r.version])).toEqual([
      ["cloudflare/cloudflare", "5.14.0", "v0.0.0-20251206005714-262c3ddc4869"],
      ["okta/okta", "4.20.0", "v0.0.0-20250610104238-1924ec5199ea"],
      ["okta/okta", "6.12.0", "v0.0.0-20260610080325-e59c130b0b6e"],
    ]);
  });

  test("pseudo-versions are of the tagged commits; cloudflare's version goes in by ldflags", () => {
    for (const r of providerReleases) expect(r.version).toMatch(/^v0\.0\.0-\d{14}-[0-9a-f]{12}$/);
    expect(releaseFor("cloudflare/cloudflare", "5.14.0").ldflags).toEqual(["-X main.version=5.14.0"]);
    expect(() => releaseFor("okta/okta", "~> 7.0")).toThrow(
      'no known release of okta/okta meets "~> 7.0": add one to providerReleases in e2e/harness/providers.ts',
    );
  });
});
