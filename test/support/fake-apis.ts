import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { ScimProvisioning } from "../../src/okta/scim-app";
import { SCIM_CATALOG } from "../../src/okta/private/scim-catalog";
import type { CheckTargets } from "../../tools/check/check";
import type { Fetch } from "../../tools/check/http";
import { accessLoginRunbook, Runbook, runbook, scimAppRunbook } from "../../app/runbook/model";
import type { StackOutputReader } from "../../tools/check/stack-outputs";

// Canned answers in the shapes Okta's and Cloudflare's API specs document (see src/runbook/okta-api.ts
// and cloudflare-api.ts for the sources), served by a fake fetch: no test touches the network.

export const FAKE_OKTA_TOKEN = "00fakeOktaApiToken0000000000000000000000";
export const FAKE_CLOUDFLARE_TOKEN = "fakeCloudflareApiToken000000000000000000";
export const FAKE_SCIM_TOKEN = "fakeDashboardScimToken00000000000000000";

export const ACCOUNT = "0123456789abcdef0123456789abcdef";
export const IDP = "f174e90a-fafe-4643-bbbc-4a0ed4fc8415";
export const ACCESS_APP = "0oaAccessScim00000001";
export const DASHBOARD_APP = "0oaDashboardScim00001";
export const GROUP_IDS: Record<string, string> = {
  Engineering: "00gEngineering0000001",
  Finance: "00gFinance00000000001",
  "Cloudflare Admins": "00gCloudflareAdmins01",
};

/** One answer; a list of them is served in turn (the last one repeats). */
export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Routes = Array<[RegExp, Reply | Reply[]]>;

export interface FakeFetch extends Fetch {
  /** Every request, with its headers (to assert on auth and on what is never sent). */
  readonly calls: Array<{ url: string; headers: Record<string, string> }>;
  /** Most requests in flight at once. */
  readonly maxInFlight: number;
}

/** Matches routes against the decoded path and query; the first match answers. Unmatched: 404. */
export function fakeFetch(routes: Routes): FakeFetch {
  const served = new Map<Reply[], number>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const calls: FakeFetch["calls"] = [];
  const fn = async (url: string, init: { headers: Record<string, string> }) => {
    calls.push({ url, headers: init.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    const u = new URL(url);
    const target = decodeURIComponent(u.pathname + u.search);
    const route = routes.find(([pattern]) => pattern.test(target));
    let reply: Reply = { status: 404, body: { errorSummary: "Not found: Resource not found" } };
    if (route) {
      const replies = Array.isArray(route[1]) ? route[1] : [route[1]];
      const i = served.get(replies) ?? 0;
      served.set(replies, i + 1);
      reply = replies[Math.min(i, replies.length - 1)];
    }
    return new Response(JSON.stringify(reply.body ?? null), {
      status: reply.status ?? 200,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  };
  // defineProperty keeps the getter live (Object.assign would copy its value once).
  return Object.defineProperty(Object.assign(fn, { calls }), "maxInFlight", {
    get: () => state.maxInFlight,
  }) as unknown as FakeFetch;
}

/** Outputs of the deployed example stacks, the sensitive SCIM token included. */
export const deployedOutputs: Record<string, Record<string, unknown>> = {
  "okta-access-scim": {
    scim_app_id: ACCESS_APP,
    admin_url: "https://acme-admin.okta.com/admin/app/scim2headerauth/instance/x/",
  },
  "cloudflare-access": {
    login_method_id: IDP,
    scim_base_url: `https://acme.cloudflareaccess.com/scim/${IDP}`,
    scim_secret: "fakeAccessScimSecret",
  },
  "okta-dashboard-scim": { scim_app_id: DASHBOARD_APP },
  "cloudflare-dashboard-scim": {
    scim_base_url: `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/scim/v2`,
    token_value: FAKE_SCIM_TOKEN,
  },
};

export function fakeOutputs(outputs: Record<string, Record<string, unknown>> = deployedOutputs): StackOutputReader {
  return async (stack) => outputs[stack] ?? {};
}

const okta = (body: unknown, headers?: Record<string, string>): Reply => ({ body, headers });
const cloudflare = (result: unknown, total?: number): Reply => ({
  body: {
    success: true,
    errors: [],
    messages: [],
    result,
    ...(total !== undefined ? { result_info: { total_count: total } } : {}),
  },
});

/** An app as GET /api/v1/apps/{appId} answers it. */
export function oktaApp(id: string, features: string[]): Reply {
  return okta({ id, label: id, status: "ACTIVE", signOnMode: "SAML_2_0", features });
}

/** A list of group push mappings as GET /api/v1/apps/{appId}/group-push/mappings answers it. */
export function pushMappings(appId: string, groups: string[], status = "ACTIVE", errorSummary = ""): Reply {
  return okta(
    groups.map((g, i) => ({
      id: `gPm0000000000000000${i}`,
      sourceGroupId: GROUP_IDS[g],
      targetGroupId: `00gTarget${i}`,
      status,
      errorSummary,
      created: "2025-01-01T00:00:00Z",
      lastPush: "2025-01-01T00:00:00Z",
      lastUpdated: "2025-01-01T00:00:00Z",
      _links: { app: { href: `https://acme.okta.com/api/v1/apps/${appId}` } },
    })),
  );
}

/** The Okta groups a `search=profile.name eq ...` finds: those of GROUP_IDS named in it. */
function groupSearch(): Reply[] {
  const all = Object.entries(GROUP_IDS).map(([name, id]) => ({
    id,
    type: "OKTA_GROUP",
    profile: { name, description: "" },
  }));
  return [okta(all)];
}

/** Everything set up as the runbook says: the example config's apps, groups pushed, data received. */
export function allDone(): Routes {
  return [
    [
      new RegExp(`^/api/v1/apps/${ACCESS_APP}$`),
      oktaApp(ACCESS_APP, [
        "IMPORT_NEW_USERS",
        "PUSH_NEW_USERS",
        "PUSH_PROFILE_UPDATES",
        "PUSH_USER_DEACTIVATION",
        "GROUP_PUSH",
      ]),
    ],
    [
      new RegExp(`^/api/v1/apps/${DASHBOARD_APP}$`),
      oktaApp(DASHBOARD_APP, ["PUSH_NEW_USERS", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"]),
    ],
    [
      new RegExp(`^/api/v1/apps/${ACCESS_APP}/group-push/mappings`),
      pushMappings(ACCESS_APP, ["Engineering", "Finance"]),
    ],
    [
      new RegExp(`^/api/v1/apps/${DASHBOARD_APP}/group-push/mappings`),
      pushMappings(DASHBOARD_APP, ["Cloudflare Admins"]),
    ],
    [/^\/api\/v1\/groups\?/, groupSearch()],
    [
      new RegExp(`/access/identity_providers/${IDP}/scim/users`),
      cloudflare([{ id: "u1", externalId: "00u1", displayName: "Ada", active: true }], 2),
    ],
    [/\/scim\/groups\?name=Engineering$/, cloudflare([{ id: "g1", displayName: "Engineering", externalId: "00g1" }])],
    [/\/scim\/groups\?name=Finance$/, cloudflare([{ id: "g2", displayName: "Finance", externalId: "00g2" }])],
    [
      /\/scim\/v2\/Groups\?filter=displayName eq "Cloudflare Admins"$/,
      {
        body: {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          totalResults: 1,
          Resources: [{ id: "ug1", displayName: "Cloudflare Admins" }],
        },
      },
    ],
    [
      /\/iam\/user_groups\?name=Cloudflare Admins$/,
      cloudflare([{ id: "ug1", name: "Cloudflare Admins", policies: [{ id: "p1", access: "allow" }] }]),
    ],
  ];
}

/** `allDone()` with some routes answered differently (matched first). */
export function withRoutes(overrides: Routes): Routes {
  return [...overrides, ...allDone()];
}

export const accessGroups = ["Engineering", "Finance"];
export const dashboardGroups = ["Cloudflare Admins"];

/** The example config's runbook and check targets, built by hand (the stacks are not synthesized). */
export function exampleProject(
  dashboardProvisioning: ScimProvisioning = SCIM_CATALOG[ScimCatalogApp.OAUTH_BEARER_TOKEN].defaultProvisioning,
): {
  rb: Runbook;
  targets: CheckTargets;
} {
  const rb = runbook("acme", [
    accessLoginRunbook({
      oidcAppLabel: "Cloudflare Access",
      oidcAdminUrl: {
        value: "https://acme-admin.okta.com/admin/app/oidc_client/instance/x/",
        from: { stack: "okta-access-oidc", output: "admin_url" },
      },
      loginMethodName: "Okta",
      loginMethodStack: "cloudflare-access",
      groupsClaimRegex: ".*",
      assignedGroups: accessGroups,
    }),
    scimAppRunbook({
      id: "access-scim",
      app: {
        catalogApp: ScimCatalogApp.HEADER_AUTH,
        label: "Cloudflare Access SCIM",
        assignedGroups: accessGroups,
        pushGroups: accessGroups,
        provisioning: SCIM_CATALOG[ScimCatalogApp.HEADER_AUTH].defaultProvisioning,
      },
      adminUrl: { from: { stack: "okta-access-scim", output: "admin_url" } },
      baseUrl: { from: { stack: "cloudflare-access", output: "scim_base_url" } },
      token: { stack: "cloudflare-access", output: "scim_secret" },
      configPath: "accessLogin.scim",
      pushGroupsStackName: "okta-access-push-groups",
      target: {
        product: "access",
        loginMethodName: "Okta",
        oidcAppLabel: "Cloudflare Access",
        signInGroups: accessGroups,
      },
    }),
    scimAppRunbook({
      id: "dashboard-scim",
      app: {
        catalogApp: ScimCatalogApp.OAUTH_BEARER_TOKEN,
        label: "Cloudflare Dashboard SCIM",
        assignedGroups: dashboardGroups,
        pushGroups: dashboardGroups,
        provisioning: dashboardProvisioning,
      },
      adminUrl: { from: { stack: "okta-dashboard-scim", output: "admin_url" } },
      baseUrl: { from: { stack: "cloudflare-dashboard-scim", output: "scim_base_url" } },
      token: { stack: "cloudflare-dashboard-scim", output: "token_value" },
      configPath: "dashboardScim",
      pushGroupsStackName: "okta-dashboard-push-groups",
      target: { product: "dashboard" },
    }),
  ]);
  const targets: CheckTargets = {
    accountId: ACCOUNT,
    scimApps: [
      {
        runbookApp: "access-scim",
        product: "access",
        scimAppId: { stack: "okta-access-scim", output: "scim_app_id" },
        loginMethodId: { stack: "cloudflare-access", output: "login_method_id" },
        provisioning: SCIM_CATALOG[ScimCatalogApp.HEADER_AUTH].defaultProvisioning,
        pushGroups: accessGroups,
      },
      {
        runbookApp: "dashboard-scim",
        product: "dashboard",
        scimAppId: { stack: "okta-dashboard-scim", output: "scim_app_id" },
        scimToken: { stack: "cloudflare-dashboard-scim", output: "token_value" },
        provisioning: dashboardProvisioning,
        pushGroups: dashboardGroups,
      },
    ],
  };
  return { rb, targets };
}
