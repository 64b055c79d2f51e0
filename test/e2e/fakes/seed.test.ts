import { configGroupNames, seedFor } from "../../../e2e/fakes/seed";
import { exampleConfig } from "../../support/helpers";

describe("seedFor", () => {
  test("seeds Okta with every group the config names, once each, IDs left out; Cloudflare with its account and team", () => {
    const config = exampleConfig((c) => c.accessLogin.assignedGroups.push("00g1abcdefghijklmnop"));
    expect(configGroupNames(config)).toEqual(["Engineering", "Finance", "Cloudflare Admins"]);
    const seed = seedFor(config);
    expect(seed.okta.groups).toEqual([{ name: "Engineering" }, { name: "Finance" }, { name: "Cloudflare Admins" }]);
    expect(seed.cloudflare).toMatchObject({ accountId: "0123456789abcdef0123456789abcdef", teamName: "acme" });
    expect(seed.cloudflare.apiToken).toMatch(/^[A-Za-z0-9_-]{40}$/);
  });
});
