import type { ScimProvisioning } from "../../src/okta/scim-app";
import { CloudflareApi } from "./cloudflare-api";
import { ApiResult, failed, ok } from "./http";
import {
  CheckSummary,
  quotedGroups,
  Runbook,
  RunbookApp,
  RunbookStep,
  StackOutput,
  StepCheck,
} from "../../app/runbook/model";
import { GroupPushMapping, OktaApi } from "./okta-api";
import { StackOutputReader } from "./stack-outputs";

// `npm run check`: each step of the runbook against what the live APIs show. Requests run one at a
// time (Okta's rate limits); a step gets `pass` or `fail` only from what an API returned, and
// `unknown` with the reason otherwise. Which endpoint and field each rule reads: okta-api.ts and
// cloudflare-api.ts.

interface ScimTargetBase {
  /** The runbook app whose steps this checks, e.g. `access-scim`. */
  readonly runbookApp: string;
  /** The output holding the Okta app ID (`scim_app_id`). */
  readonly scimAppId: StackOutput;
  /** Provisioning > To App as declared. */
  readonly provisioning: ScimProvisioning;
  /** Okta group names (or IDs) to push. */
  readonly pushGroups: readonly string[];
}

/** Access SCIM: Cloudflare lists what it received per login method. */
export interface AccessScimTarget extends ScimTargetBase {
  readonly product: "access";
  /** The output holding the login method (identity provider) ID. */
  readonly loginMethodId: StackOutput;
}

/** Dashboard SCIM: Cloudflare's account SCIM API, read with the token Okta uses. */
export interface DashboardScimTarget extends ScimTargetBase {
  readonly product: "dashboard";
  /** The output holding the SCIM token (sensitive: used as a credential, never printed). */
  readonly scimToken: StackOutput;
}

export type ScimCheckTarget = AccessScimTarget | DashboardScimTarget;

/** What to check beyond the runbook's own steps: where the deployed IDs live. */
export interface CheckTargets {
  readonly accountId: string;
  readonly scimApps: readonly ScimCheckTarget[];
}

/** The live sides of the check. */
export interface CheckDeps {
  readonly outputs: StackOutputReader;
  readonly okta: OktaApi;
  readonly cloudflare: CloudflareApi;
}

/** A pushed group's state in Okta: its mapping, or why there is none. */
export type PushState = GroupPushMapping | "no group" | "no mapping";

/** What the APIs show of one SCIM app; each fact is a value or the reason it could not be read. */
export interface ScimFacts {
  readonly target: ScimCheckTarget;
  /** Okta's `features` of the app. */
  readonly features: ApiResult<readonly string[]>;
  /** Each pushed group's push mapping, by the name in the config. */
  readonly pushes: ApiResult<ReadonlyMap<string, PushState>>;
  /** Access: how many SCIM users Cloudflare holds for the login method. */
  readonly scimUsers: ApiResult<number>;
  /** Pushed groups Cloudflare holds (Access SCIM groups, or dashboard SCIM Groups read with the token). */
  readonly cloudflareGroups: ApiResult<ReadonlySet<string>>;
  /** Dashboard: permission policies of each pushed group's account User Group, when it exists. */
  readonly userGroupPolicies: ApiResult<ReadonlyMap<string, number>>;
}

/** Okta app features that exist only while provisioning (API integration) is on. */
const PROVISIONING_FEATURES = [
  "PUSH_NEW_USERS",
  "PUSH_PROFILE_UPDATES",
  "PUSH_USER_DEACTIVATION",
  "PUSH_PASSWORD_UPDATES",
  "GROUP_PUSH",
  "IMPORT_NEW_USERS",
  "IMPORT_PROFILE_UPDATES",
  "IMPORT_USER_SCHEMA",
  "REACTIVATE_USERS",
];

/** Provisioning > To App toggles and the Okta app feature each one turns on. */
export const toAppFeatures = [
  ["createUsers", "Create Users", "PUSH_NEW_USERS"],
  ["updateUserAttributes", "Update User Attributes", "PUSH_PROFILE_UPDATES"],
  ["deactivateUsers", "Deactivate Users", "PUSH_USER_DEACTIVATION"],
] as const satisfies ReadonlyArray<readonly [keyof ScimProvisioning, string, string]>;

const pass = (detail: string): StepCheck => ({ status: "pass", detail });
const fail = (detail: string): StepCheck => ({ status: "fail", detail });
const unknown = (detail: string): StepCheck => ({ status: "unknown", detail });

/** The runbook with a `check` on every person's step (and on Terraform's where an API shows it), and a summary. */
export async function checkRunbook(rb: Runbook, targets: CheckTargets, deps: CheckDeps): Promise<Runbook> {
  const output = outputsOf(deps.outputs);
  const apps: RunbookApp[] = [];
  for (const app of rb.apps) {
    const target = targets.scimApps.find((t) => t.runbookApp === app.id);
    const facts = target ? await gatherScimFacts(target, targets.accountId, deps, output) : undefined;
    apps.push({ ...app, steps: app.steps.map((step) => withCheck(step, facts)) });
  }
  return { ...rb, apps, summary: summarize(apps) };
}

/** Non-zero exit for a pipeline gate: some step is verifiably not done. */
export function hasFailure(rb: Runbook): boolean {
  return (rb.summary?.fail ?? 0) > 0;
}

/**
 * No step could be checked either way (nothing deployed where terraform output reads, APIs that
 * refuse the tokens): "0 not done" then proves nothing, so a pipeline gate must not pass on it.
 */
export function nothingChecked(rb: Runbook): boolean {
  const s = rb.summary;
  return s !== undefined && s.pass === 0 && s.fail === 0 && s.unknown > 0;
}

function withCheck(step: RunbookStep, facts: ScimFacts | undefined): RunbookStep {
  const rule = scimChecks[step.id];
  const check =
    facts && rule
      ? rule(facts)
      : (fixedChecks[step.id] ??
        (step.done ? undefined : unknown("No API shows whether this is done: check it by hand.")));
  return check ? { ...step, check } : step;
}

function summarize(apps: readonly RunbookApp[]): CheckSummary {
  const checks = apps.flatMap((a) => a.steps.flatMap((s) => (s.check ? [s.check.status] : [])));
  return { pass: count(checks, "pass"), fail: count(checks, "fail"), unknown: count(checks, "unknown") };
}

/** Steps no API shows, with the reason. */
const fixedChecks: Record<string, StepCheck> = {
  "groups-claim": unknown(
    "Okta's public API does not expose an app's groups claim (the okta provider reads and writes it through the internal " +
      "/api/v1/internal/apps/{id}/settings/oauth/idToken, which this check does not call): check it by hand.",
  ),
  "okta-api-token": unknown(
    "Cloudflare's API does not return the Okta API token of a login method: check it by hand if you set one.",
  ),
  test: unknown("A test sign-in is a person's: no API runs it."),
  "import-groups": unknown(
    "Okta's app features have no entry for Import Groups (IMPORT_NEW_USERS is about users): check it by hand.",
  ),
};

/** Checks of a SCIM app's steps, by step id. */
const scimChecks: Record<string, (f: ScimFacts) => StepCheck | undefined> = {
  "configure-api-integration": checkApiIntegration,
  "base-url": (f) => checkConnection(f, false),
  "api-token": (f) => checkConnection(f, true),
  "test-api-credentials": (f) => checkConnection(f, true),
  "to-app": checkToApp,
  "push-groups": checkPushGroups,
  "permission-policies": checkPermissionPolicies,
  verify: checkVerify,
};

/** Configure API Integration: Okta lists provisioning features only while it is enabled. */
export function checkApiIntegration(f: ScimFacts): StepCheck {
  if (!f.features.ok) return unknown(f.features.reason);
  const on = f.features.value.filter((x) => PROVISIONING_FEATURES.includes(x));
  return on.length > 0
    ? pass(`Okta lists provisioning features on the app: ${on.join(", ")}.`)
    : fail("Okta lists no provisioning feature on the app: API integration is not enabled (or nothing in it is).");
}

/** Provisioning to App: each toggle against its feature, both ways (on when declared on, off when declared off). */
export function checkToApp(f: ScimFacts): StepCheck {
  if (!f.features.ok) return unknown(f.features.reason);
  const features = f.features.value;
  const p = f.target.provisioning;
  const wrong = toAppFeatures
    .filter(([key, , feature]) => p[key] !== features.includes(feature))
    .map(([key, name]) => `${name} is ${p[key] ? "off, should be on" : "on, should be off"}`);
  if (wrong.length === 0)
    return pass(
      `Okta's app features match: ${toAppFeatures.map(([key, name]) => `${name} ${p[key] ? "on" : "off"}`).join(", ")}.`,
    );
  const dashboardNote =
    f.target.product === "dashboard" && !p.updateUserAttributes && features.includes("PUSH_PROFILE_UPDATES")
      ? " Cloudflare does not support profile updates: they fail in View Logs."
      : "";
  return fail(`${wrong.join("; ")}.${dashboardNote}`);
}

/**
 * Base URL, token and Test API Credentials: Okta never shows them, but Cloudflare holding what Okta
 * sent proves them. A dashboard token Cloudflare refuses is a failure Okta would hit too.
 */
export function checkConnection(f: ScimFacts, isToken: boolean): StepCheck {
  const hidden = "Okta's API does not show this value";
  if (f.target.product === "access") {
    if (!f.scimUsers.ok) return unknown(`${hidden}; ${f.scimUsers.reason}.`);
    return f.scimUsers.value > 0
      ? pass(
          `Cloudflare holds ${f.scimUsers.value} SCIM user(s) from this login method: Okta reaches the SCIM Endpoint with the secret.`,
        )
      : unknown(`${hidden}, and Cloudflare holds no SCIM user from this login method yet (see Verify).`);
  }
  if (refused(f)) {
    return isToken
      ? fail(
          `Cloudflare refuses the SCIM token Terraform created, so Okta cannot provision with it: ${reasonOf(f.cloudflareGroups)}.`,
        )
      : unknown(`${hidden}.`);
  }
  if (f.cloudflareGroups.ok && f.pushes.ok) {
    const held = f.cloudflareGroups.value;
    const pushed = [...f.pushes.value]
      .filter(([name, s]) => typeof s === "object" && s.status === "ACTIVE" && held.has(name))
      .map(([name]) => name);
    if (pushed.length > 0)
      return pass(
        `Cloudflare's SCIM API holds ${quotedGroups(pushed)}, which Okta pushes: Okta reaches the SCIM 2.0 Base URL with the token.`,
      );
  }
  return unknown(`${hidden}, and no pushed group shows it working yet (see Push Groups and Verify).`);
}

/** Push Groups: each group has an ACTIVE push mapping on the app (matched by its Okta group ID). */
export function checkPushGroups(f: ScimFacts): StepCheck | undefined {
  if (f.target.pushGroups.length === 0) return undefined;
  if (!f.pushes.ok) return unknown(f.pushes.reason);
  const problems: string[] = [];
  for (const [name, state] of f.pushes.value) {
    if (state === "no group") problems.push(`${JSON.stringify(name)}: Okta has no group of this name`);
    else if (state === "no mapping") problems.push(`${JSON.stringify(name)}: not pushed (no push mapping on the app)`);
    else if (state.status !== "ACTIVE")
      problems.push(
        `${JSON.stringify(name)}: push mapping is ${state.status}${state.errorSummary ? ` (${state.errorSummary})` : ""}`,
      );
  }
  return problems.length > 0
    ? fail(`${problems.join("; ")}.`)
    : pass(`Okta pushes ${quotedGroups(f.target.pushGroups)} (push mappings ACTIVE).`);
}

/** Permission policies (dashboard): each pushed group is an account User Group with at least one policy. */
export function checkPermissionPolicies(f: ScimFacts): StepCheck {
  if (!f.userGroupPolicies.ok) return unknown(f.userGroupPolicies.reason);
  const policies = f.userGroupPolicies.value;
  const problems = f.target.pushGroups.flatMap((name) => {
    const n = policies.get(name);
    if (n === undefined) return [`${JSON.stringify(name)}: no User Group of this name yet (not pushed?)`];
    return n === 0 ? [`${JSON.stringify(name)}: no permission policy attached`] : [];
  });
  return problems.length > 0
    ? fail(`${problems.join("; ")}.`)
    : pass(`Each pushed User Group has permission policies: ${quotedGroups(f.target.pushGroups)}.`);
}

/** Verify: Cloudflare holds users (Access) and the pushed groups. */
export function checkVerify(f: ScimFacts): StepCheck {
  const groups = f.cloudflareGroups;
  const missing = groups.ok ? f.target.pushGroups.filter((g) => !groups.value.has(g)) : [];
  if (f.target.product === "access") {
    if (!f.scimUsers.ok) return unknown(f.scimUsers.reason);
    if (f.scimUsers.value === 0)
      return fail(
        "Cloudflare holds no SCIM user from this login method yet: provisioning has not run, or fails (see View Logs).",
      );
    if (!groups.ok)
      return unknown(
        `Cloudflare holds ${f.scimUsers.value} SCIM user(s); the groups could not be read: ${groups.reason}.`,
      );
    return missing.length > 0
      ? fail(`Cloudflare holds ${f.scimUsers.value} SCIM user(s) but not the pushed group(s) ${quotedGroups(missing)}.`)
      : pass(
          `Cloudflare holds ${f.scimUsers.value} SCIM user(s)${f.target.pushGroups.length > 0 ? ` and the groups ${quotedGroups(f.target.pushGroups)}` : ""}.`,
        );
  }
  if (!groups.ok)
    return refused(f) ? fail(`Cloudflare refuses the SCIM token: ${groups.reason}.`) : unknown(groups.reason);
  if (f.target.pushGroups.length === 0)
    return unknown("No group is pushed, so there is nothing to look for: check View Logs.");
  return missing.length > 0
    ? fail(`Cloudflare's dashboard SCIM API does not hold the pushed group(s) ${quotedGroups(missing)}.`)
    : pass(`Cloudflare's dashboard SCIM API holds the pushed groups ${quotedGroups(f.target.pushGroups)}.`);
}

/** Dashboard: Cloudflare answered the SCIM token with 401 or 403. */
function refused(f: ScimFacts): boolean {
  const g = f.cloudflareGroups;
  return f.target.product === "dashboard" && !g.ok && (g.status === 401 || g.status === 403);
}

async function gatherScimFacts(
  t: ScimCheckTarget,
  accountId: string,
  deps: CheckDeps,
  output: (o: StackOutput) => Promise<ApiResult<string>>,
): Promise<ScimFacts> {
  const { okta, cloudflare } = deps;
  const appId = await output(t.scimAppId);
  const app = appId.ok ? await okta.app(appId.value) : appId;
  const features: ApiResult<readonly string[]> = !app.ok
    ? app
    : app.value.features
      ? ok(app.value.features)
      : failed("Okta's answer for the app has no features list, so its provisioning cannot be read");
  const pushes =
    t.pushGroups.length === 0
      ? ok(new Map<string, PushState>())
      : appId.ok
        ? await pushStates(okta, appId.value, t.pushGroups)
        : appId;
  const none = ok(new Map<string, number>());
  if (t.product === "access") {
    const idp = await output(t.loginMethodId);
    const scimUsers = idp.ok ? await cloudflare.accessScimUserCount(accountId, idp.value) : idp;
    const cloudflareGroups = idp.ok
      ? await present(t.pushGroups, (name) => cloudflare.accessScimGroupExists(accountId, idp.value, name))
      : idp;
    return { target: t, features, pushes, scimUsers, cloudflareGroups, userGroupPolicies: none };
  }
  const token = await output(t.scimToken);
  const cloudflareGroups = token.ok
    ? await present(t.pushGroups, (name) => cloudflare.dashboardScimGroupExists(accountId, token.value, name))
    : token;
  // No token output: the dashboard stacks are not deployed, so there are no User Groups to look for.
  const userGroupPolicies = token.ok
    ? await policiesOf(t.pushGroups, (name) => cloudflare.userGroups(accountId, name))
    : token;
  return { target: t, features, pushes, scimUsers: failed("not an Access app"), cloudflareGroups, userGroupPolicies };
}

/** Each pushed group's mapping: group names resolved in Okta, mappings listed once for the app. */
async function pushStates(
  okta: OktaApi,
  appId: string,
  groups: readonly string[],
): Promise<ApiResult<ReadonlyMap<string, PushState>>> {
  const ids = await okta.groupIds(groups);
  if (!ids.ok) return ids;
  const mappings = await okta.groupPushMappings(appId);
  if (!mappings.ok) return mappings;
  return ok(
    new Map(
      groups.map((name): [string, PushState] => {
        const groupIds = ids.value.get(name) ?? [];
        if (groupIds.length === 0) return [name, "no group"];
        const mine = mappings.value.filter((m) => groupIds.includes(m.sourceGroupId));
        return [name, mine.find((m) => m.status === "ACTIVE") ?? mine[0] ?? "no mapping"];
      }),
    ),
  );
}

/** The names for which `exists` says yes, asked one at a time; the first failure stops. */
async function present(
  names: readonly string[],
  exists: (name: string) => Promise<ApiResult<boolean>>,
): Promise<ApiResult<ReadonlySet<string>>> {
  const held = new Set<string>();
  for (const name of names) {
    const res = await exists(name);
    if (!res.ok) return res;
    if (res.value) held.add(name);
  }
  return ok(held);
}

async function policiesOf(
  names: readonly string[],
  find: (name: string) => Promise<ApiResult<ReadonlyArray<{ policies: number }>>>,
): Promise<ApiResult<ReadonlyMap<string, number>>> {
  const policies = new Map<string, number>();
  for (const name of names) {
    const res = await find(name);
    if (!res.ok) return res;
    if (res.value.length > 0) policies.set(name, Math.max(...res.value.map((g) => g.policies)));
  }
  return ok(policies);
}

/** Output values as strings, each stack read once; a missing or empty output is a reason, not a throw. */
function outputsOf(read: StackOutputReader): (o: StackOutput) => Promise<ApiResult<string>> {
  const stacks = new Map<string, Promise<ApiResult<Readonly<Record<string, unknown>>>>>();
  return async ({ stack, output }) => {
    if (!stacks.has(stack)) {
      stacks.set(
        stack,
        read(stack).then(ok, (e: Error) => failed(`the outputs of stack ${stack} could not be read (${e.message})`)),
      );
    }
    const outputs = await stacks.get(stack)!;
    if (!outputs.ok) return outputs;
    const value = outputs.value[output];
    return typeof value === "string" && value !== ""
      ? ok(value)
      : failed(`stack ${stack} has no output ${output}: deploy it first (cdktf deploy ${stack})`);
  };
}

function reasonOf(r: ApiResult<unknown>): string {
  return r.ok ? "" : r.reason;
}

function count<T>(items: readonly T[], item: T): number {
  return items.filter((i) => i === item).length;
}
