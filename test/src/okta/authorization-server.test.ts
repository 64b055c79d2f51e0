import { AccessAuthorizationServer } from "../../../src/okta/authorization-server";
import { onlyResource, synthStack } from "../../support/helpers";

const synth = (props: Partial<ConstructorParameters<typeof AccessAuthorizationServer>[2]> = {}) =>
  synthStack(
    (s) =>
      void new AccessAuthorizationServer(s, "server", {
        audience: "https://acme.cloudflareaccess.com",
        clientId: "0oa123",
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

  test("refuses an invalid groups claim regex", () => {
    expect(() => synth({ groupsClaimRegex: "[" })).toThrow(/server\.groupsClaimRegex: "\[" is not valid/);
  });
});
