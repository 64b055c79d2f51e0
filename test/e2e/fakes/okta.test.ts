import { FakeOkta } from "../../../e2e/fakes/okta";
import { call, goQuery } from "../../support/fake-client";

const TOKEN = "00fakeE2eOktaApiToken0000000000000000000";
const auth = { token: `SSWS ${TOKEN}` };

describe("FakeOkta", () => {
  let fake: FakeOkta;
  let base: string;
  beforeEach(async () => {
    fake = new FakeOkta({
      apiToken: TOKEN,
      groups: [
        { name: "Engineering" },
        { name: "Engineering", type: "APP_GROUP" },
        { name: "Finance" },
        { name: 'Ops "On Call"' },
      ],
    });
    base = await fake.start();
  });
  afterEach(() => fake.stop());

  const idOf = (name: string, type = "OKTA_GROUP") =>
    fake.groups.find((g) => g.profile.name === name && g.type === type)!.id;

  test("okta_groups search: the expression decoded once, every group of a matching name, APP_GROUPs included", async () => {
    const search = 'profile.name eq "Engineering" or profile.name eq "Ops \\"On Call\\""';
    const res = await call(base, "GET", `/api/v1/groups?${goQuery({ limit: "200", search })}`, auth);
    expect(res.body.map((g: { profile: { name: string }; type: string }) => [g.profile.name, g.type])).toEqual([
      ["Engineering", "OKTA_GROUP"],
      ["Engineering", "APP_GROUP"],
      ['Ops "On Call"', "OKTA_GROUP"],
    ]);
    expect(fake.api.requests[0].query.search).toEqual([search]);
    const typed = await call(
      base,
      "GET",
      `/api/v1/groups?${goQuery({ search: 'profile.name eq "Engineering" and type eq "OKTA_GROUP"' })}`,
      auth,
    );
    expect(typed.body.map((g: { id: string }) => g.id)).toEqual([idOf("Engineering")]);
  });

  test("okta_groups search: pages of `limit` with a Link rel=next cursor; a bad expression is Okta's 400", async () => {
    const first = await call(base, "GET", "/api/v1/groups?limit=2", auth);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")![1];
    expect(next).toBe(`${base}/api/v1/groups?limit=2&after=${first.body[1].id}`);
    const second = await call(next, "GET", "", auth);
    expect(second.body).toHaveLength(2);
    expect(second.headers.get("link")).toBeNull();
    const bad = await call(base, "GET", `/api/v1/groups?${goQuery({ search: "profile.name sw Eng" })}`, auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errorCode).toBe("E0000031");
  });

  test("SAML catalog app: created active, Okta's default username format unless one is sent, metadata and keys readable", async () => {
    const app = {
      name: "scim2headerauth",
      label: "Cloudflare Access SCIM",
      signOnMode: "SAML_2_0",
      visibility: { autoSubmitToolbar: false },
    };
    const created = await call(base, "POST", "/api/v1/apps?activate=true", { ...auth, body: app });
    expect(created.body).toMatchObject({ status: "ACTIVE", id: expect.stringMatching(/^0oa[A-Za-z0-9]{17}$/) });
    expect(created.body.credentials.userNameTemplate).toEqual({ template: "${source.login}", type: "BUILT_IN" });
    const id = created.body.id;
    const email = { template: "${source.email}", type: "BUILT_IN" };
    await call(base, "PUT", `/api/v1/apps/${id}`, {
      ...auth,
      body: { ...app, credentials: { userNameTemplate: email } },
    });
    const read = await call(base, "GET", `/api/v1/apps/${id}`, auth);
    expect(read.body.credentials).toMatchObject({ userNameTemplate: email, signing: { kid: expect.any(String) } });
    const metadata = await call(
      base,
      "GET",
      `/api/v1/apps/${id}/sso/saml/metadata?kid=${read.body.credentials.signing.kid}`,
      auth,
    );
    expect(metadata.text).toMatch(/<md:EntityDescriptor [^>]*entityID="http:\/\/www\.okta\.com\/exk/);
    expect(metadata.text).toContain("<ds:X509Certificate>");
    expect((await call(base, "GET", `/api/v1/apps/${id}/credentials/keys`, auth)).body).toEqual([
      expect.objectContaining({ kid: read.body.credentials.signing.kid }),
    ]);
  });

  test("OIDC app: the client secret from create and update, never from a read; the groups claim through the internal idToken endpoint", async () => {
    const created = await call(base, "POST", "/api/v1/apps?activate=true", {
      ...auth,
      body: {
        name: "oidc_client",
        label: "Cloudflare Access",
        signOnMode: "OPENID_CONNECT",
        credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      },
    });
    const id = created.body.id;
    expect(created.body.credentials.oauthClient).toMatchObject({ client_id: id, client_secret: expect.any(String) });
    const secret = created.body.credentials.oauthClient.client_secret;
    expect(
      (await call(base, "GET", `/api/v1/apps/${id}`, auth)).body.credentials.oauthClient.client_secret,
    ).toBeUndefined();
    // An update that sends no secret (an imported app's state has none) gets the app's own back.
    const updated = await call(base, "PUT", `/api/v1/apps/${id}`, {
      ...auth,
      body: { name: "oidc_client", label: "Access", signOnMode: "OPENID_CONNECT", credentials: { oauthClient: {} } },
    });
    expect(updated.body.credentials.oauthClient).toMatchObject({ client_id: id, client_secret: secret });
    expect(
      (await call(base, "GET", `/api/v1/apps/${id}`, auth)).body.credentials.oauthClient.client_secret,
    ).toBeUndefined();
    const path = `/api/v1/internal/apps/${id}/settings/oauth/idToken`;
    expect((await call(base, "GET", path, auth)).body.name).toBeUndefined();
    await call(base, "POST", path, {
      ...auth,
      body: { valueType: "FILTER", groupFilterType: "REGEX", name: "groups", value: ".*" },
    });
    expect((await call(base, "GET", path, auth)).body).toMatchObject({
      valueType: "FILTER",
      groupFilterType: "REGEX",
      name: "groups",
      value: ".*",
    });
  });

  test("apps are deleted only once deactivated, as Okta requires", async () => {
    const { body } = await call(base, "POST", "/api/v1/apps", {
      ...auth,
      body: { name: "scim2testapp", label: "x", signOnMode: "SAML_2_0" },
    });
    expect((await call(base, "DELETE", `/api/v1/apps/${body.id}`, auth)).status).toBe(403);
    await call(base, "POST", `/api/v1/apps/${body.id}/lifecycle/deactivate`, auth);
    expect((await call(base, "DELETE", `/api/v1/apps/${body.id}`, auth)).status).toBe(204);
    expect((await call(base, "GET", `/api/v1/apps/${body.id}`, auth)).status).toBe(404);
  });

  test("group assignments: PUT per group, listed 200 a page, unknown groups refused", async () => {
    const { body: app } = await call(base, "POST", "/api/v1/apps", {
      ...auth,
      body: { name: "scim2testapp", label: "x", signOnMode: "SAML_2_0" },
    });
    await call(base, "PUT", `/api/v1/apps/${app.id}/groups/${idOf("Engineering")}`, { ...auth, body: { priority: 0 } });
    await call(base, "PUT", `/api/v1/apps/${app.id}/groups/${idOf("Finance")}`, { ...auth, body: {} });
    expect(
      (await call(base, "PUT", `/api/v1/apps/${app.id}/groups/00gmissing00000000000`, { ...auth, body: {} })).status,
    ).toBe(404);
    const listed = await call(base, "GET", `/api/v1/apps/${app.id}/groups?limit=200`, auth);
    expect(listed.body.map((a: { id: string }) => a.id)).toEqual([idOf("Engineering"), idOf("Finance")]);
    await call(base, "DELETE", `/api/v1/apps/${app.id}/groups/${idOf("Finance")}`, auth);
    expect((await call(base, "GET", `/api/v1/apps/${app.id}/groups`, auth)).body).toHaveLength(1);
  });

  test("Group Push mappings: create, read, deactivate before delete; a mapping deleted in Okta reads as 404", async () => {
    const { body: app } = await call(base, "POST", "/api/v1/apps", {
      ...auth,
      body: { name: "scim2headerauth", label: "x", signOnMode: "SAML_2_0" },
    });
    const mappings = `/api/v1/apps/${app.id}/group-push/mappings`;
    const created = await call(base, "POST", mappings, {
      ...auth,
      body: { sourceGroupId: idOf("Engineering"), targetGroupName: "Engineering", status: "ACTIVE" },
    });
    const m = created.body;
    expect(m).toMatchObject({
      sourceGroupId: idOf("Engineering"),
      status: "ACTIVE",
      targetGroupId: expect.stringMatching(/^00g/),
    });
    expect((await call(base, "DELETE", `${mappings}/${m.id}?deleteTargetGroup=true`, auth)).status).toBe(400);
    expect(
      (await call(base, "PATCH", `${mappings}/${m.id}`, { ...auth, body: { status: "INACTIVE" } })).body.status,
    ).toBe("INACTIVE");
    expect((await call(base, "DELETE", `${mappings}/${m.id}?deleteTargetGroup=true`, auth)).status).toBe(204);
    const again = await call(base, "POST", mappings, {
      ...auth,
      body: { sourceGroupId: idOf("Finance"), targetGroupName: "Finance" },
    });
    fake.deletePushMapping(app.id, again.body.id);
    const gone = await call(base, "GET", `${mappings}/${again.body.id}`, auth);
    expect(gone.status).toBe(404);
    expect(gone.body.errorCode).toBe("E0000007");
  });

  test("authorization server with scopes, claims, policies and rules", async () => {
    const server = (
      await call(base, "POST", "/api/v1/authorizationServers", {
        ...auth,
        body: { name: "Cloudflare Access", audiences: ["https://acme.cloudflareaccess.com"] },
      })
    ).body;
    expect(server).toMatchObject({ id: expect.stringMatching(/^aus/), status: "ACTIVE" });
    const at = `/api/v1/authorizationServers/${server.id}`;
    expect((await call(base, "POST", `${at}/scopes`, { ...auth, body: { name: "groups" } })).body.id).toMatch(/^scp/);
    expect(
      (await call(base, "POST", `${at}/claims`, { ...auth, body: { name: "groups", valueType: "GROUPS" } })).body.id,
    ).toMatch(/^ocl/);
    const policy = (
      await call(base, "POST", `${at}/policies`, { ...auth, body: { name: "Cloudflare Access", priority: 1 } })
    ).body;
    expect(
      (await call(base, "POST", `${at}/policies/${policy.id}/rules`, { ...auth, body: { name: "all" } })).body.id,
    ).toMatch(/^0pr/);
    expect((await call(base, "GET", `${at}/policies/${policy.id}/rules`, auth)).body).toHaveLength(1);
    expect((await call(base, "POST", `${at}/policies/${policy.id}/lifecycle/deactivate`, auth)).status).toBe(204);
    expect((await call(base, "GET", `${at}/policies/${policy.id}`, auth)).body.status).toBe("INACTIVE");
    expect((await call(base, "POST", `${at}/lifecycle/deactivate`, auth)).status).toBe(204);
    // Scopes have no lifecycle in Okta's API.
    expect((await call(base, "POST", `${at}/scopes/scpx/lifecycle/activate`, auth)).status).toBe(501);
    expect(
      (await call(base, "POST", `/api/v1/authorizationServers/ausnope/scopes`, { ...auth, body: { name: "x" } }))
        .status,
    ).toBe(404);
  });

  test("the org: a Classic Engine org; API calls need the SSWS token; unknown paths are 501 failures", async () => {
    expect((await call(base, "GET", "/.well-known/okta-organization")).body.pipeline).toBe("v1");
    const me = await call(base, "GET", "/api/v1/users/me", auth);
    expect(me.status).toBe(200);
    expect(me.headers.get("x-rate-limit-remaining")).toBe("599");
    expect((await call(base, "GET", "/api/v1/users/me", { token: "SSWS wrong" })).body.errorCode).toBe("E0000011");
    expect((await call(base, "POST", "/api/v1/apps/0oa1/connections/default", auth)).status).toBe(501);
    expect(fake.api.failures).toEqual(["fake okta does not implement POST /api/v1/apps/0oa1/connections/default"]);
    expect(fake.api.requestsTo("GET", "/api/v1/users/me").map((r) => r.status)).toEqual([200, 401]);
  });
});
