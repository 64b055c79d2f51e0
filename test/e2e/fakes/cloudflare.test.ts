import { FakeCloudflare } from "../../../e2e/fakes/cloudflare";
import { call, goQuery } from "../../support/fake-client";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const TOKEN = "fakeE2eCloudflareApiToken000000000000000";
const auth = { token: `Bearer ${TOKEN}` };

describe("FakeCloudflare", () => {
  let fake: FakeCloudflare;
  let base: string;
  beforeEach(async () => {
    fake = new FakeCloudflare({ apiToken: TOKEN, accountId: ACCOUNT, teamName: "acme" });
    base = `${await fake.start()}/client/v4/accounts/${ACCOUNT}`;
  });
  afterEach(() => fake.stop());

  test("permission groups: the raw name filter finds the group; the pre-encoded one (sent as %2520) finds nothing", async () => {
    const raw = await call(
      base,
      "GET",
      `/tokens/permission_groups?${goQuery({ name: "SCIM Provisioning", scope: "com.cloudflare.api.account" })}`,
      auth,
    );
    expect(raw.body.result).toEqual([
      { id: "f7f0eda5697f475c90846e879bab8666", name: "SCIM Provisioning", scopes: ["com.cloudflare.api.account"] },
    ]);
    // What the provider sent for name = "SCIM%20Provisioning": cloudflare-go encodes the % again.
    const encoded = await call(
      base,
      "GET",
      `/tokens/permission_groups?${goQuery({ name: "SCIM%20Provisioning" })}`,
      auth,
    );
    expect(encoded.body).toMatchObject({ success: true, result: [] });
    expect(fake.api.requests.map((r) => r.query.name)).toEqual([["SCIM Provisioning"], ["SCIM%20Provisioning"]]);
    expect(fake.api.requests[1].rawQuery).toBe("name=SCIM%2520Provisioning");
  });

  test("identity provider: the SCIM secret comes back only from the call that first enables SCIM", async () => {
    const body = {
      name: "Okta",
      type: "okta",
      config: { client_id: "0oa1", client_secret: "s", okta_account: "https://acme.okta.com", claims: ["groups"] },
      scim_config: {
        enabled: true,
        user_deprovision: true,
        seat_deprovision: false,
        identity_update_behavior: "reauth",
      },
    };
    const created = await call(base, "POST", "/access/identity_providers", { ...auth, body });
    const id = created.body.result.id;
    expect(created.body.result.scim_config).toEqual({
      ...body.scim_config,
      scim_base_url: `https://acme.cloudflareaccess.com/scim/${id}`,
      secret: expect.stringMatching(/^fakeScimSecret/),
    });
    const read = await call(base, "GET", `/access/identity_providers/${id}`, auth);
    expect(read.body.result.scim_config.secret).toBeUndefined();
    expect(read.body.result.scim_config.scim_base_url).toBe(`https://acme.cloudflareaccess.com/scim/${id}`);
    const updated = await call(base, "PUT", `/access/identity_providers/${id}`, {
      ...auth,
      body: { ...body, name: "Okta 2" },
    });
    expect(updated.body.result).toMatchObject({ name: "Okta 2", scim_config: { enabled: true } });
    expect(updated.body.result.scim_config.secret).toBeUndefined();
  });

  test("identity provider created without SCIM: defaults no_action, the secret on the update that enables it", async () => {
    const body = { name: "Okta", type: "okta", config: { client_id: "0oa1" } };
    const created = await call(base, "POST", "/access/identity_providers", { ...auth, body });
    expect(created.body.result.scim_config).toMatchObject({ enabled: false, identity_update_behavior: "no_action" });
    expect(created.body.result.scim_config.secret).toBeUndefined();
    const enabled = await call(base, "PUT", `/access/identity_providers/${created.body.result.id}`, {
      ...auth,
      body: { ...body, scim_config: { enabled: true } },
    });
    expect(enabled.body.result.scim_config.secret).toMatch(/^fakeScimSecret/);
  });

  test("access groups, policies and apps: created with IDs and timestamps, read, replaced, deleted, then 404", async () => {
    const group = await call(base, "POST", "/access/groups", {
      ...auth,
      body: { name: "Engineering", include: [{ okta: { name: "Engineering", identity_provider_id: "x" } }] },
    });
    const id = group.body.result.id;
    expect(group.body.result).toMatchObject({
      name: "Engineering",
      exclude: [],
      require: [],
      created_at: expect.any(String),
    });
    expect((await call(base, "GET", `/access/groups/${id}`, auth)).body.result.name).toBe("Engineering");
    expect(
      (await call(base, "PUT", `/access/groups/${id}`, { ...auth, body: { name: "Eng" } })).body.result,
    ).toMatchObject({ id, name: "Eng" });
    expect((await call(base, "DELETE", `/access/groups/${id}`, auth)).body.result).toEqual({ id });
    const gone = await call(base, "GET", `/access/groups/${id}`, auth);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ success: false, errors: [{ code: 7003 }] });
    const app = await call(base, "POST", "/access/apps", {
      ...auth,
      body: { domain: "wiki.acme.example", type: "self_hosted", policies: [] },
    });
    expect(app.body.result.aud).toMatch(/^[0-9a-f]{64}$/);
  });

  test("account tokens: the value only from create; permission groups must exist", async () => {
    const policies = [
      {
        effect: "allow",
        permission_groups: [{ id: "f7f0eda5697f475c90846e879bab8666" }],
        resources: { [`com.cloudflare.api.account.${ACCOUNT}`]: "*" },
      },
    ];
    const created = await call(base, "POST", "/tokens", { ...auth, body: { name: "Okta dashboard SCIM", policies } });
    expect(created.body.result).toMatchObject({
      status: "active",
      value: expect.any(String),
      policies: [{ permission_groups: [{ name: "SCIM Provisioning" }] }],
    });
    const read = await call(base, "GET", `/tokens/${created.body.result.id}`, auth);
    expect(read.body.result.value).toBeUndefined();
    const bad = await call(base, "POST", "/tokens", {
      ...auth,
      body: { name: "x", policies: [{ ...policies[0], permission_groups: [{ id: "nope" }] }] },
    });
    expect(bad.status).toBe(400);
  });

  test("refuses a wrong token and another account; an unknown path is a 501 that names it and is kept as a failure", async () => {
    expect((await call(base, "GET", "/tokens/permission_groups", { token: "Bearer wrong" })).status).toBe(401);
    expect((await call(base.replace(ACCOUNT, "f".repeat(32)), "GET", "/tokens/permission_groups", auth)).status).toBe(
      404,
    );
    const unknown = await call(base, "GET", "/access/bookmarks", auth);
    expect(unknown.status).toBe(501);
    expect(unknown.body.error).toBe(
      `fake cloudflare does not implement GET /client/v4/accounts/${ACCOUNT}/access/bookmarks`,
    );
    expect(fake.api.failures).toEqual([
      `fake cloudflare does not implement GET /client/v4/accounts/${ACCOUNT}/access/bookmarks`,
    ]);
  });
});
