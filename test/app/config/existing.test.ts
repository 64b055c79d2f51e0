import { parseConfig } from "../../../app/config/load";
import { ValidationErrors } from "../../../src/private/validation";
import { exampleConfigInput } from "../../support/helpers";

// Every ID in `existing` must name a resource the config synthesizes, or its import would be dropped silently.

const APP = "0oa1accessscim000001";
const MAPPING = "gPm1engineering00001";
const UUID = "00000000-0000-4000-8000-000000000001";

function problems(edit: (raw: Record<string, any>) => void): string[] {
  const raw = exampleConfigInput() as Record<string, any>;
  edit(raw);
  try {
    parseConfig(raw);
    return [];
  } catch (e) {
    if (e instanceof ValidationErrors) return e.errors.map((v) => v.message);
    throw e;
  }
}

describe("existing: IDs of objects made by hand", () => {
  test("every ID of a resource the example config makes is accepted", () => {
    expect(
      problems((c) => {
        c.accessLogin.scim.provisioningConfigured = true;
        c.existing = {
          oidcAppId: "0oa1oidcapp000000001",
          loginMethodId: UUID,
          accessScimAppId: APP,
          accessPushMappingIds: { Engineering: MAPPING },
          accessGroupIds: { Engineering: UUID, Finance: UUID },
          accessApplicationIds: { Wiki: { applicationId: UUID, policyId: UUID } },
          dashboardScimAppId: "0oa1dashscim00000001",
          dashboardScimTokenId: "0123456789abcdef0123456789abcdef",
        };
      }),
    ).toEqual([]);
  });

  test.each([
    ["oidcAppId", "00g1notanapp00000001", /existing\.oidcAppId.*starting with "0oa"/],
    ["loginMethodId", "F0000000-0000-4000-8000-000000000001", /existing\.loginMethodId.*UUID/],
    ["dashboardScimTokenId", "not-hex", /existing\.dashboardScimTokenId.*32-character hex/],
  ])("%s of the wrong shape is refused", (field, value, message) => {
    expect(problems((c) => (c.existing = { [field]: value })).join("\n")).toMatch(message);
  });

  test("an authorization server is imported only when the stacks manage one", () => {
    const server = {
      id: "aus1server0000000001",
      groupsScopeId: "scp1groups0000000001",
      groupsClaimId: "ocl1groups0000000001",
      policyId: "00p1policy0000000001",
      policyRuleId: "0pr1rule000000000001",
    };
    expect(problems((c) => (c.existing = { authorizationServer: server })).join("\n")).toMatch(
      /existing\.authorizationServer.*createAuthorizationServer/,
    );
    expect(
      problems(
        (c) => ((c.existing = { authorizationServer: server }), (c.accessLogin.createAuthorizationServer = true)),
      ),
    ).toEqual([]);
  });

  test("a SCIM app ID needs its SCIM section on", () => {
    expect(
      problems((c) => ((c.accessLogin.scim.enabled = false), (c.existing = { accessScimAppId: APP }))).join("\n"),
    ).toMatch(/existing\.accessScimAppId.*accessLogin\.scim is off or missing/);
    expect(
      problems(
        (c) => (
          delete c.dashboardScim,
          (c.existing = { dashboardScimAppId: APP, dashboardScimTokenId: "0123456789abcdef0123456789abcdef" })
        ),
      ).join("\n"),
    ).toMatch(
      /existing\.dashboardScimAppId.*dashboardScim is off[\s\S]*existing\.dashboardScimTokenId.*Dashboard SCIM is off/,
    );
  });

  test("push mappings need the adopted app, provisioningConfigured, and a group that is pushed", () => {
    expect(problems((c) => (c.existing = { accessPushMappingIds: { Engineering: MAPPING } })).join("\n")).toMatch(
      /set existing\.accessScimAppId too/,
    );
    expect(
      problems((c) => (c.existing = { accessScimAppId: APP, accessPushMappingIds: { Engineering: MAPPING } })).join(
        "\n",
      ),
    ).toMatch(/accessLogin\.scim\.provisioningConfigured is true/);
    expect(
      problems(
        (c) => (
          (c.accessLogin.scim.provisioningConfigured = true),
          (c.existing = { accessScimAppId: APP, accessPushMappingIds: { Sales: MAPPING } })
        ),
      ).join("\n"),
    ).toMatch(/"Sales" is not pushed by accessLogin\.scim/);
  });

  test("Access group and application IDs must name groups and applications of the config", () => {
    expect(problems((c) => (c.existing = { accessGroupIds: { Sales: UUID } })).join("\n")).toMatch(
      /existing\.accessGroupIds.*"Sales" has no Access group/,
    );
    expect(
      problems(
        (c) => (c.existing = { accessApplicationIds: { Intranet: { applicationId: UUID, policyId: UUID } } }),
      ).join("\n"),
    ).toMatch(/existing\.accessApplicationIds.*"Intranet" is not in accessApplications/);
  });

  test("unknown keys in existing are refused, like everywhere in the config", () => {
    expect(problems((c) => (c.existing = { oidcAppID: "0oa1oidcapp000000001" })).join("\n")).toMatch(/oidcAppID/);
  });
});
