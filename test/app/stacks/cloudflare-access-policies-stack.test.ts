import { readFileSync } from "fs";
import { StackJson, synthApp } from "../../support/helpers";

const example = JSON.parse(readFileSync("config/example.json", "utf8"));

/** The login method resource's id as the policies stack reads it: the cloudflare-access output whose value it is. */
function loginMethodIdRef(app: ReturnType<typeof synthApp>): string {
  const access = app.stack("cloudflare-access");
  const [loginAddress] = Object.keys(access.resource.cloudflare_zero_trust_access_identity_provider);
  const id = `\${cloudflare_zero_trust_access_identity_provider.${loginAddress}.id}`;
  const [outputName] = Object.entries(access.output as StackJson).find(
    ([name, o]) => name.startsWith("cross-stack-output-") && o.value === id,
  )!;
  return `\${data.terraform_remote_state.cross-stack-reference-input-cloudflare-access.outputs.${outputName}}`;
}

describe("cloudflare-access-policies stack", () => {
  const app = synthApp(example);
  const stack = app.stack("cloudflare-access-policies");
  const groups = stack.resource.cloudflare_zero_trust_access_group as StackJson;
  const [groupBlock] = Object.keys(groups);
  /** One Access group's instance of the for_each block: keyed by its Okta group's name. */
  const groupAddress = (okta: string) => `${groupBlock}["${okta}"]`;

  it("is deployed after cloudflare-access", () => {
    expect(app.manifest.stacks["cloudflare-access-policies"].dependencies).toEqual(["cloudflare-access"]);
  });

  it("creates an Access group per pushed Okta group, through the login method of cloudflare-access", () => {
    const consumer = loginMethodIdRef(app);
    expect(Object.values(groups)).toEqual([
      expect.objectContaining({
        for_each: { Engineering: "Okta: Engineering", Finance: "Okta: Finance" },
        name: "${each.value}",
        include: [{ okta: { name: "${each.key}", identity_provider_id: consumer } }],
      }),
    ]);
  });

  it("protects the example's Wiki with the Okta login method only, allowing the Engineering Access group", () => {
    const consumer = loginMethodIdRef(app);
    const [app0] = Object.values(stack.resource.cloudflare_zero_trust_access_application) as StackJson[];
    expect(app0).toMatchObject({
      name: "Wiki",
      domain: "wiki.acme.example",
      type: "self_hosted",
      allowed_idps: [consumer],
      auto_redirect_to_identity: true,
    });
    const [[policyAddress, policy]] = Object.entries(stack.resource.cloudflare_zero_trust_access_policy as StackJson);
    expect(app0.policies).toEqual([
      { id: `\${cloudflare_zero_trust_access_policy.${policyAddress}.id}`, precedence: 1 },
    ]);
    expect(policy.include).toEqual([
      { group: { id: `\${cloudflare_zero_trust_access_group.${groupAddress("Engineering")}.id}` } },
    ]);
  });

  it("outputs Access group and application IDs by name", () => {
    expect(stack.output.access_group_ids.value).toEqual({
      Engineering: `\${cloudflare_zero_trust_access_group.${groupAddress("Engineering")}.id}`,
      Finance: `\${cloudflare_zero_trust_access_group.${groupAddress("Finance")}.id}`,
    });
    const [appAddress] = Object.keys(stack.resource.cloudflare_zero_trust_access_application);
    expect(stack.output.access_application_ids.value).toEqual({
      Wiki: `\${cloudflare_zero_trust_access_application.${appAddress}.id}`,
    });
  });

  it("keeps an Access group's address when other groups come and go", () => {
    const fewer = synthApp({
      ...example,
      accessApplications: undefined,
      accessLogin: { ...example.accessLogin, accessGroups: ["Finance"] },
    });
    const remaining = fewer.stack("cloudflare-access-policies").resource
      .cloudflare_zero_trust_access_group as StackJson;
    expect(Object.keys(remaining)).toEqual([groupBlock]);
    expect(remaining[groupBlock].for_each).toEqual({ Finance: "Okta: Finance" });
  });

  it("passes an application's session duration to the application and its policy", () => {
    const apps = [{ ...example.accessApplications[0], sessionDuration: "8h" }];
    const resources = synthApp({ ...example, accessApplications: apps }).stack("cloudflare-access-policies").resource;
    expect(Object.values(resources.cloudflare_zero_trust_access_application)).toEqual([
      expect.objectContaining({ session_duration: "8h" }),
    ]);
    expect(Object.values(resources.cloudflare_zero_trust_access_policy)).toEqual([
      expect.objectContaining({ session_duration: "8h" }),
    ]);
  });

  it("is synthesized empty without groups or applications (SCIM on), so removing the last one destroys it", () => {
    const login = { ...example.accessLogin, accessGroups: [] };
    const empty = synthApp({ ...example, accessLogin: login, accessApplications: undefined }).stack(
      "cloudflare-access-policies",
    );
    expect(empty.resource).toBeUndefined();
    expect(empty.output.access_group_ids.value).toEqual({});
    expect(empty.output.access_application_ids.value).toEqual({});
  });
});
