import { readFileSync } from "fs";
import { join } from "path";
import { synthApp } from "../support/helpers";

describe("the everything-on e2e config", () => {
  test("loads and builds every stack: push groups of both apps, dashboard SCIM, the authorization server", () => {
    const input = JSON.parse(readFileSync(join(__dirname, "..", "..", "e2e", "configs", "everything-on.json"), "utf8"));
    const app = synthApp(input);
    expect(Object.keys(app.manifest.stacks).sort()).toEqual([
      "cloudflare-access",
      "cloudflare-access-policies",
      "cloudflare-dashboard-scim",
      "okta-access-oidc",
      "okta-access-push-groups",
      "okta-access-scim",
      "okta-dashboard-push-groups",
      "okta-dashboard-scim",
    ]);
    expect(Object.keys(app.stack("okta-access-oidc").resource)).toContain("okta_auth_server");
  });
});
