import { ScimProvisioning } from "../../../src/okta/scim-app";
import { checkRunbook, hasFailure } from "../../../tools/check/check";
import { CloudflareApi } from "../../../tools/check/cloudflare-api";
import { HttpOptions } from "../../../tools/check/http";
import { StepCheck } from "../../../app/runbook/model";
import { OktaApi } from "../../../tools/check/okta-api";
import {
  ACCESS_APP,
  allDone,
  DASHBOARD_APP,
  dashboardGroups,
  deployedOutputs,
  exampleProject,
  FAKE_CLOUDFLARE_TOKEN,
  FAKE_OKTA_TOKEN,
  FAKE_SCIM_TOKEN,
  fakeFetch,
  fakeOutputs,
  oktaApp,
  pushMappings,
  Routes,
  withRoutes,
} from "../../support/fake-apis";

async function check(
  routes: Routes,
  options: {
    outputs?: Record<string, Record<string, unknown>>;
    provisioning?: ScimProvisioning;
    http?: Partial<HttpOptions>;
  } = {},
) {
  const fetch = fakeFetch(routes);
  const sleeps: number[] = [];
  const http: HttpOptions = {
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    now: () => 1_700_000_000_000,
    ...options.http,
  };
  const { rb, targets } = exampleProject(options.provisioning);
  const checked = await checkRunbook(rb, targets, {
    outputs: fakeOutputs(options.outputs),
    okta: new OktaApi("https://acme.okta.com", FAKE_OKTA_TOKEN, http),
    cloudflare: new CloudflareApi(FAKE_CLOUDFLARE_TOKEN, http),
  });
  const step = (app: string, id: string): StepCheck | undefined =>
    checked.apps.find((a) => a.id === app)!.steps.find((s) => s.id === id)!.check;
  return { checked, step, fetch, sleeps };
}

describe("checkRunbook", () => {
  it("passes every checkable step once the person's steps are done, and says why the rest cannot be checked", async () => {
    const { checked, step, fetch } = await check(allDone());
    expect(hasFailure(checked)).toBe(false);
    for (const app of ["access-scim", "dashboard-scim"]) {
      for (const id of [
        "configure-api-integration",
        "to-app",
        "push-groups",
        "verify",
        "api-token",
        "base-url",
        "test-api-credentials",
      ]) {
        expect([app, id, step(app, id)?.status]).toEqual([app, id, "pass"]);
      }
    }
    expect(step("dashboard-scim", "permission-policies")?.status).toBe("pass");
    expect(step("access-scim", "verify")?.detail).toBe(
      'Cloudflare holds 2 SCIM user(s) and the groups "Engineering", "Finance".',
    );
    expect(step("access-login", "groups-claim")).toMatchObject({
      status: "unknown",
      detail: expect.stringContaining("public API does not expose"),
    });
    expect(step("dashboard-scim", "import-groups")?.status).toBe("unknown");
    expect(step("dashboard-scim", "super-admin")).toEqual({
      status: "unknown",
      detail: "No API shows whether this is done: check it by hand.",
    });
    // Terraform's steps carry no check unless an API shows them.
    expect(step("access-scim", "add-app")).toBeUndefined();
    expect(checked.summary).toEqual({ pass: 15, fail: 0, unknown: 5 });
    expect(fetch.maxInFlight).toBe(1);
  });

  it("sends the Okta token as SSWS to Okta only, the API token and the SCIM token as Bearer to Cloudflare only", async () => {
    const { fetch } = await check(allDone());
    for (const { url, headers } of fetch.calls) {
      const host = new URL(url).host;
      if (host === "acme.okta.com") expect(headers.authorization).toBe(`SSWS ${FAKE_OKTA_TOKEN}`);
      else if (url.includes("/scim/v2/")) expect(headers.authorization).toBe(`Bearer ${FAKE_SCIM_TOKEN}`);
      else expect([host, headers.authorization]).toEqual(["api.cloudflare.com", `Bearer ${FAKE_CLOUDFLARE_TOKEN}`]);
    }
  });

  it("fails Provisioning to App when a toggle that should be on is off", async () => {
    const { checked, step } = await check(
      withRoutes([
        [
          new RegExp(`^/api/v1/apps/${ACCESS_APP}$`),
          oktaApp(ACCESS_APP, ["IMPORT_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"]),
        ],
      ]),
    );
    expect(step("access-scim", "to-app")).toEqual({ status: "fail", detail: "Create Users is off, should be on." });
    expect(hasFailure(checked)).toBe(true);
  });

  it("fails Provisioning to App when Update User Attributes is on for the dashboard, which must keep it off", async () => {
    const { step } = await check(
      withRoutes([
        [
          new RegExp(`^/api/v1/apps/${DASHBOARD_APP}$`),
          oktaApp(DASHBOARD_APP, ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"]),
        ],
      ]),
    );
    expect(step("dashboard-scim", "to-app")).toEqual({
      status: "fail",
      detail:
        "Update User Attributes is on, should be off. Cloudflare does not support profile updates: they fail in View Logs.",
    });
  });

  it("fails Configure API Integration when the app lists no provisioning feature", async () => {
    const { step } = await check(withRoutes([[new RegExp(`^/api/v1/apps/${ACCESS_APP}$`), oktaApp(ACCESS_APP, [])]]));
    expect(step("access-scim", "configure-api-integration")?.status).toBe("fail");
    expect(step("access-scim", "to-app")?.detail).toBe(
      "Create Users is off, should be on; Update User Attributes is off, should be on; Deactivate Users is off, should be on.",
    );
  });

  it("fails Push Groups for a group with no push mapping, and for one whose mapping is in error", async () => {
    const { step } = await check(
      withRoutes([
        [new RegExp(`^/api/v1/apps/${ACCESS_APP}/group-push/mappings`), pushMappings(ACCESS_APP, ["Engineering"])],
        [
          new RegExp(`^/api/v1/apps/${DASHBOARD_APP}/group-push/mappings`),
          pushMappings(DASHBOARD_APP, dashboardGroups, "ERROR", "Group name already exists"),
        ],
      ]),
    );
    expect(step("access-scim", "push-groups")).toEqual({
      status: "fail",
      detail: '"Finance": not pushed (no push mapping on the app).',
    });
    expect(step("dashboard-scim", "push-groups")).toEqual({
      status: "fail",
      detail: '"Cloudflare Admins": push mapping is ERROR (Group name already exists).',
    });
  });

  it("fails Push Groups for a configured group Okta does not have", async () => {
    const { step } = await check(
      withRoutes([
        [/^\/api\/v1\/groups\?/, { body: [{ id: "00gEngineering0000001", profile: { name: "Engineering" } }] }],
      ]),
    );
    expect(step("access-scim", "push-groups")?.detail).toBe('"Finance": Okta has no group of this name.');
  });

  it("fails Verify when Cloudflare holds no SCIM user yet, and cannot vouch for the Base URL then", async () => {
    const { step } = await check(
      withRoutes([
        [
          /\/scim\/users/,
          { body: { success: true, errors: [], messages: [], result: [], result_info: { total_count: 0 } } },
        ],
      ]),
    );
    expect(step("access-scim", "verify")).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/^Cloudflare holds no SCIM user from this login method yet/),
    });
    expect(step("access-scim", "base-url")?.status).toBe("unknown");
  });

  it("fails Verify when a pushed group has not reached Cloudflare", async () => {
    const { step } = await check(
      withRoutes([
        [/\/scim\/groups\?name=Finance$/, { body: { success: true, errors: [], messages: [], result: [] } }],
      ]),
    );
    expect(step("access-scim", "verify")?.detail).toBe(
      'Cloudflare holds 2 SCIM user(s) but not the pushed group(s) "Finance".',
    );
  });

  it("fails the dashboard token and Verify when Cloudflare refuses the SCIM token", async () => {
    const { step } = await check(
      withRoutes([
        [
          /\/scim\/v2\/Groups/,
          {
            status: 401,
            body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], detail: "Unauthorized", status: "401" },
          },
        ],
      ]),
    );
    expect(step("dashboard-scim", "api-token")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("Cloudflare refuses the SCIM token"),
    });
    expect(step("dashboard-scim", "api-token")?.detail).toContain("HTTP 401");
    expect(step("dashboard-scim", "verify")?.status).toBe("fail");
    expect(step("dashboard-scim", "base-url")?.status).toBe("unknown");
  });

  it("fails Permission policies for a pushed User Group without any", async () => {
    const { step } = await check(
      withRoutes([
        [
          /\/iam\/user_groups/,
          {
            body: {
              success: true,
              errors: [],
              messages: [],
              result: [{ id: "ug1", name: "Cloudflare Admins", policies: [] }],
            },
          },
        ],
      ]),
    );
    expect(step("dashboard-scim", "permission-policies")).toEqual({
      status: "fail",
      detail: '"Cloudflare Admins": no permission policy attached.',
    });
  });

  it("says it could not check, and why, when an endpoint answers 403 or 404", async () => {
    const { checked, step } = await check(
      withRoutes([
        [
          /group-push\/mappings/,
          {
            status: 403,
            body: { errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action" },
          },
        ],
        [
          new RegExp(`^/api/v1/apps/${DASHBOARD_APP}$`),
          {
            status: 404,
            body: { errorCode: "E0000007", errorSummary: "Not found: Resource not found: x (AppInstance)" },
          },
        ],
      ]),
    );
    expect(step("access-scim", "push-groups")).toEqual({
      status: "unknown",
      detail: `Okta answered HTTP 403 to GET /api/v1/apps/${ACCESS_APP}/group-push/mappings?limit=1000 (You do not have permission to perform the requested action): the token lacks the permission for this call`,
    });
    expect(step("dashboard-scim", "to-app")).toMatchObject({
      status: "unknown",
      detail: expect.stringContaining("HTTP 404"),
    });
    expect(hasFailure(checked)).toBe(false);
  });

  it("says a stack is not deployed when its output is missing", async () => {
    const { "okta-dashboard-scim": _, ...outputs } = deployedOutputs;
    const { step } = await check(allDone(), { outputs });
    expect(step("dashboard-scim", "to-app")).toEqual({
      status: "unknown",
      detail: "stack okta-dashboard-scim has no output scim_app_id: deploy it first (cdktf deploy okta-dashboard-scim)",
    });
  });

  it("waits for Okta's rate limit to reset on 429 and then goes on", async () => {
    const reset = 1_700_000_000 + 5; // epoch seconds, 5 s after the fake now
    const { step, sleeps } = await check(
      withRoutes([
        [
          new RegExp(`^/api/v1/apps/${ACCESS_APP}$`),
          [
            { status: 429, headers: { "x-rate-limit-reset": String(reset) }, body: { errorCode: "E0000047" } },
            oktaApp(ACCESS_APP, ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"]),
          ],
        ],
      ]),
    );
    expect(sleeps).toEqual([6000]);
    expect(step("access-scim", "to-app")?.status).toBe("pass");
  });
});
