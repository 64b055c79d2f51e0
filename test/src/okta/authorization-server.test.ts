import { TerraformStack, TerraformVariable, Testing } from "../../../src/cdktf";
import { AccessOidcApp } from "../../../src/okta/access-oidc-app";
import { AccessAuthorizationServer } from "../../../src/okta/authorization-server";
import { onlyResource, synthStack } from "../../support/helpers";

const synth = (props: Partial<ConstructorParameters<typeof AccessAuthorizationServer>[2]> = {}) =>
  synthStack(
    (s) =>
      void new AccessAuthorizationServer(s, "server", {
        audience: "https://acme.cloudflareaccess.com",
        oidcApp: AccessOidcApp.fromOidcAppAttributes(s, "oidc", {
          oidcAppId: "0oa1b2c3d4E5F6g7h8i9",
          clientId: "0oa123",
          clientSecret: new TerraformVariable(s, "secret", { type: "string", sensitive: true }).stringValue,
          okta: { orgName: "acme" },
        }),
        ...props,
      }),
  );

describe("AccessAuthorizationServer", () => {
  test("has the groups scope enabled and a groups claim filtered by regex", () => {
    const stack = synth({ groupsClaimRegex: "^eng" });
    expect(onlyResource(stack, "okta_auth_server_scope")).toMatchObject({
      name: "groups",
      metadata_publish: "ALL_CLIENTS",
    });
    expect(onlyResource(stack, "okta_auth_server_claim")).toMatchObject({
      name: "groups",
      value_type: "GROUPS",
      group_filter_type: "REGEX",
      value: "^eng",
      scopes: [expect.stringMatching(/^\$\{okta_auth_server_scope\.[^.]+\.name\}$/)],
    });
  });

  test("lets the Access app get tokens through a policy on its client ID", () => {
    const stack = synth();
    expect(onlyResource(stack, "okta_auth_server_policy").client_whitelist).toEqual(["0oa123"]);
    expect(onlyResource(stack, "okta_auth_server_policy_rule").grant_type_whitelist).toEqual(["authorization_code"]);
    expect(onlyResource(stack, "okta_auth_server").audiences).toEqual(["https://acme.cloudflareaccess.com"]);
  });

  test("names the server Cloudflare Access and sends every group by default", () => {
    const stack = synth();
    expect(onlyResource(stack, "okta_auth_server").name).toBe("Cloudflare Access");
    expect(onlyResource(stack, "okta_auth_server_claim").value).toBe(".*");
  });

  test("refuses something that is not an OIDC app", () => {
    expect(() => synth({ oidcApp: { clientId: 1 } as never })).toThrow(
      /server\.oidcApp.*Pass an AccessOidcApp, or one imported with AccessOidcApp\.fromOidcAppAttributes/,
    );
  });

  test("refuses an invalid groups claim regex", () => {
    expect(() => synth({ groupsClaimRegex: "[" })).toThrow(/server\.groupsClaimRegex: "\[" is not valid/);
  });
});

describe("AccessAuthorizationServer.fromAuthorizationServerId", () => {
  test("gives the ID of a server made elsewhere, as is", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const server = AccessAuthorizationServer.fromAuthorizationServerId(stack, "server", "aus1a2b3c4d5e6f7g8h9");
    expect(server.authorizationServerId).toBe("aus1a2b3c4d5e6f7g8h9");
    expect(server.node.path).toBe("test/server");
  });

  test("takes a reference without checking it", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const id = new TerraformVariable(stack, "server_id", { type: "string" }).stringValue;
    expect(AccessAuthorizationServer.fromAuthorizationServerId(stack, "server", id).authorizationServerId).toBe(id);
  });

  test("refuses an ID that is not an authorization server's, naming the field", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    expect(() => AccessAuthorizationServer.fromAuthorizationServerId(stack, "server", "default")).toThrow(
      /server\.authorizationServerId: "default" is not valid\. Use the ID of an existing custom authorization server/,
    );
  });
});
