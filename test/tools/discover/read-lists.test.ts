import { FakeCloudflare } from "../../../e2e/fakes/cloudflare";
import { FakeOkta } from "../../../e2e/fakes/okta";
import { CloudflareApi } from "../../../tools/check/cloudflare-api";
import { HttpOptions } from "../../../tools/check/http";
import { OktaApi } from "../../../tools/check/okta-api";

// The lists discover reads, paged against the fake APIs (on 127.0.0.1) as against the vendors': every
// page followed, and a list longer than the page cap is a failure, never a part taken for the whole.

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const CF_TOKEN = "fakeE2eCloudflareApiToken000000000000000";
const OKTA_TOKEN = "00fakeE2eOktaApiToken0000000000000000000";
const http = (maxPages?: number): HttpOptions => ({ fetch: (url, init) => fetch(url, init), maxPages });

describe("the lists discover reads", () => {
  test("Cloudflare: every page of Access groups (50 a page), and a failure past maxPages", async () => {
    const fake = new FakeCloudflare({ apiToken: CF_TOKEN, accountId: ACCOUNT, teamName: "acme" });
    const base = await fake.start();
    try {
      for (let i = 0; i < 120; i++) {
        await fetch(`${base}/client/v4/accounts/${ACCOUNT}/access/groups`, {
          method: "POST",
          headers: { authorization: `Bearer ${CF_TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ name: `g${i}`, include: [] }),
        });
      }
      const all = await new CloudflareApi(CF_TOKEN, http(), `${base}/client/v4`).accessGroups(ACCOUNT);
      expect(all.ok && all.value.map((g) => g.name)).toEqual(Array.from({ length: 120 }, (_, i) => `g${i}`));
      expect(fake.api.requestsTo("GET", `/client/v4/accounts/${ACCOUNT}/access/groups`).map((r) => r.rawQuery)).toEqual(
        ["page=1&per_page=50", "page=2&per_page=50", "page=3&per_page=50"],
      );
      const capped = await new CloudflareApi(CF_TOKEN, http(2), `${base}/client/v4`).accessGroups(ACCOUNT);
      expect(capped).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/has more than 2 pages, more than is read: the list could not be read/),
      });
    } finally {
      await fake.stop();
    }
  });

  test("Okta: apps with what tells them apart, assignments and push mappings with their IDs, group names by ID", async () => {
    const fake = new FakeOkta({ apiToken: OKTA_TOKEN, groups: [{ name: "Engineering" }] });
    const base = await fake.start();
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `SSWS ${OKTA_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: string }>);
    try {
      const oidc = await send("POST", "/api/v1/apps", {
        name: "oidc_client",
        label: "Access",
        signOnMode: "OPENID_CONNECT",
        credentials: { oauthClient: { pkce_required: true } },
        settings: { oauthClient: { redirect_uris: ["https://acme.cloudflareaccess.com/cdn-cgi/access/callback"] } },
      });
      const scim = await send("POST", "/api/v1/apps", {
        name: "scim2headerauth",
        label: "SCIM",
        signOnMode: "SAML_2_0",
      });
      const group = fake.groups[0].id;
      await send("PUT", `/api/v1/apps/${scim.id}/groups/${group}`, {});
      const mapping = await send("POST", `/api/v1/apps/${scim.id}/group-push/mappings`, {
        sourceGroupId: group,
        targetGroupName: "Engineering",
      });
      const api = new OktaApi(base, OKTA_TOKEN, http());
      const apps = await api.apps();
      expect(apps.ok && apps.value).toEqual([
        expect.objectContaining({
          id: oidc.id,
          name: "oidc_client",
          clientId: oidc.id,
          pkceRequired: true,
          redirectUris: ["https://acme.cloudflareaccess.com/cdn-cgi/access/callback"],
        }),
        expect.objectContaining({
          id: scim.id,
          name: "scim2headerauth",
          label: "SCIM",
          userNameTemplate: "${source.login}",
        }),
      ]);
      expect(await api.assignedGroupIds(scim.id)).toEqual({ ok: true, value: [group] });
      expect(await api.groupPushMappings(scim.id)).toMatchObject({
        ok: true,
        value: [{ id: mapping.id, sourceGroupId: group, status: "ACTIVE" }],
      });
      expect(await api.groupNames([group, "00gunknown0000000000"])).toEqual({
        ok: true,
        value: new Map([[group, "Engineering"]]),
      });
    } finally {
      await fake.stop();
    }
  });
});
