import { Token } from "../../src/cdktf";
import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { ScimProvisioning } from "../../src/okta/scim-app";
import { SCIM_CATALOG } from "../../src/okta/private/scim-catalog";

// The person's steps: what no provider can do (provisioning of the SCIM 2.0 Test Apps, pushed groups
// before okta 6.6, the Okta API token of the login method, checks), in the order of Cloudflare's
// guides. Built from construct attributes only; `npm run runbook` and the stacks' `runbook` outputs
// render it. Never holds a secret: secrets are named by the command that prints them.

/**
 * Version of the JSON shape (`npm run runbook -- --json`). Fields are only added under it; one that
 * changes meaning or goes away bumps it.
 */
export const RUNBOOK_FORMAT = 1;

/** One thing a person does, or Terraform did (listed so the order matches the vendor's guide). */
export interface RunbookStep {
  /** Stable within its app, e.g. `base-url`; scripts may key on it. */
  readonly id: string;
  /** Short name, in the vendor's words (often the field or button). */
  readonly title: string;
  /** Where to click, from the top of the console. */
  readonly where: string;
  /** What to do; for a done step, what Terraform did. */
  readonly action: string;
  /** The exact value to enter or check, when known without credentials. A list of groups is quoted: `"A", "B, C"`. */
  readonly value?: string;
  /** The Okta groups of the step, one name each (a name may hold a comma): what `value` quotes. */
  readonly groups?: readonly string[];
  /** A shell command that prints the value or page (run after deploy); never the secret itself. */
  readonly command?: string;
  /** True when Terraform does this step. */
  readonly done: boolean;
  /** Traps that bite at this step. */
  readonly notes?: readonly string[];
  /** What the live APIs show of this step: set by `npm run check` only. */
  readonly check?: StepCheck;
}

/** `pass`: the APIs show the step done; `fail`: they show it not done; `unknown`: no API shows it, or the call failed. */
export type CheckStatus = "pass" | "fail" | "unknown";

/** The result of checking one step against the live APIs (`npm run check`). */
export interface StepCheck {
  readonly status: CheckStatus;
  /** What was seen, or why it could not be checked. Never holds a secret. */
  readonly detail: string;
}

/** How many checked steps passed, failed, or could not be checked. */
export interface CheckSummary {
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
}

/** The steps of one app. */
export interface RunbookApp {
  /** `access-login`, `access-scim` or `dashboard-scim`. */
  readonly id: string;
  /** The app's name in Okta. */
  readonly label: string;
  /** What it is, e.g. the Okta catalog app. */
  readonly app: string;
  /** The stack whose `runbook` output carries these steps. */
  readonly stack: string;
  readonly steps: readonly RunbookStep[];
}

/** Everything a person still does for one config. */
export interface Runbook {
  readonly format: typeof RUNBOOK_FORMAT;
  /** The config's `name`. */
  readonly name: string;
  readonly apps: readonly RunbookApp[];
  /** Counts of the steps' checks: set by `npm run check` only. */
  readonly summary?: CheckSummary;
}

/** A Terraform output of a deployed stack. */
export interface StackOutput {
  readonly stack: string;
  readonly output: string;
}

/** A value a person enters or opens: known at synth or not, always printable after deploy. */
export interface ValueSource {
  /** The value, or a token Terraform resolves at apply. */
  readonly value?: string;
  readonly from: StackOutput;
}

export interface RunbookOptions {
  /**
   * Where cdktf synthesized the stacks, as the person's shell sees it.
   * @default "cdktf.out"
   */
  readonly outdir?: string;
  /**
   * Keep values only Terraform knows (tokens): for a Terraform output, which resolves them at apply.
   * Otherwise such values are left to the commands.
   * @default false
   */
  readonly terraformValues?: boolean;
}

/** The ScimApp attributes the steps are made of. */
export interface ScimAppFacts {
  readonly catalogApp: ScimCatalogApp;
  readonly label: string;
  readonly assignedGroups: readonly string[];
  readonly pushGroups: readonly string[];
  readonly provisioning: ScimProvisioning;
}

/** Access SCIM: groups go to the identity of users signing in through the login method. */
export interface AccessTarget {
  readonly product: "access";
  readonly loginMethodName: string;
  /** Label of the OIDC app users sign in with. */
  readonly oidcAppLabel: string;
  /** Groups assigned to the OIDC app. */
  readonly signInGroups: readonly string[];
}

/** Dashboard SCIM: users become account members, pushed groups account User Groups. */
export interface DashboardTarget {
  readonly product: "dashboard";
}

export interface ScimAppRunbookInput {
  /** Stable id, e.g. `access-scim`. */
  readonly id: string;
  readonly app: ScimAppFacts;
  /** Where the app opens in the Okta Admin Console; its output's stack is the app's stack. */
  readonly adminUrl: ValueSource;
  readonly baseUrl: ValueSource;
  /** The output holding the token (sensitive): only its command is shown. */
  readonly token: StackOutput;
  /**
   * The token's source was adopted (imported): the login method (Access) or the account token
   * (dashboard). Its value is in no state, so the step says what to regenerate instead.
   * @default false
   */
  readonly tokenAdopted?: boolean;
  /** Config section of the app, e.g. `accessLogin.scim`. */
  readonly configPath: string;
  /** The stack that pushes the groups, when Terraform does. */
  readonly pushGroupsStack?: string;
  /** Address of that stack's `okta_push_group` block (`okta_push_group.<name>`), one instance per group name. */
  readonly pushGroupsResource?: string;
  /** The stack that would push them once `provisioningConfigured` is set. */
  readonly pushGroupsStackName: string;
  readonly target: AccessTarget | DashboardTarget;
}

export interface AccessLoginRunbookInput {
  /** Label of the OIDC app in Okta. */
  readonly oidcAppLabel: string;
  readonly oidcAdminUrl: ValueSource;
  readonly loginMethodName: string;
  /** Stack of the login method; carries the `runbook` output. */
  readonly loginMethodStack: string;
  readonly groupsClaimRegex: string;
  readonly assignedGroups: readonly string[];
  /**
   * The config adopts objects made by hand (its `existing` IDs): the first plan imports them.
   * @default false
   */
  readonly adopted?: boolean;
}

const OKTA_APPS = "Okta Admin Console > Applications > Applications";
const LOGIN_METHODS = "Zero Trust > Settings > Authentication > Login methods";
const USER_GROUPS = "Cloudflare dashboard > Manage Account > Manage members > Members > User Groups";

/** Field and button names of each catalog app's Configure API Integration page. */
const catalogFields: Record<ScimCatalogApp, { enable: string; baseUrl: string; token: string }> = {
  [ScimCatalogApp.HEADER_AUTH]: { enable: "Enable API integration", baseUrl: "Base URL", token: "API Token" },
  [ScimCatalogApp.OAUTH_BEARER_TOKEN]: {
    enable: "Enable API Integration",
    baseUrl: "SCIM 2.0 Base URL",
    token: "OAuth Bearer Token",
  },
};

const toAppSettings = [
  ["createUsers", "Create Users"],
  ["updateUserAttributes", "Update User Attributes"],
  ["deactivateUsers", "Deactivate Users"],
] as const satisfies ReadonlyArray<readonly [keyof ScimProvisioning, string]>;

/** `cd <outdir>/stacks/<stack> && terraform output -raw <output>`. */
export function outputCommand(from: StackOutput, outdir = "cdktf.out"): string {
  return `cd ${outdir}/stacks/${from.stack} && terraform output -raw ${from.output}`;
}

/** `cd <outdir>/stacks/<stack> && terraform state rm '<resource>["<key>"]'`, quoted for a POSIX shell. */
export function stateRmCommand(stack: string, resource: string, key: string, outdir = "cdktf.out"): string {
  const address = `${resource}[${JSON.stringify(key)}]`;
  return `cd ${outdir}/stacks/${stack} && terraform state rm '${address.replace(/'/g, "'\\''")}'`;
}

/**
 * okta_push_group's Read fails instead of forgetting a mapping deleted in Okta (okta provider 6.12,
 * resource_okta_push_group.go: "Error reading Okta push group mapping"), so every plan of the stack
 * fails until the mapping leaves the state.
 */
export function deletedMappingNote(stack: string, resource: string, example: string, outdir = "cdktf.out"): string {
  return (
    `If a pushed group's mapping is deleted in Okta (unlinked or removed on the Push Groups tab), every plan of ${stack} fails ` +
    'with "Error reading Okta push group mapping": the okta provider does not forget a mapping it cannot read. ' +
    `Remove that group's mapping from the state, then deploy to push it again: \`${stateRmCommand(stack, resource, example, outdir)}\` ` +
    `(with that group's name in place of "${example}").`
  );
}

/** Groups of `a` missing from `b`. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((g) => !b.includes(g));
}

export function runbook(name: string, apps: readonly RunbookApp[]): Runbook {
  return { format: RUNBOOK_FORMAT, name, apps };
}

/** How to read the first plan of a config that adopts a setup made by hand. */
const adoptionPlanStep: RunbookStep = {
  id: "adoption-plan",
  title: "Review the first plan: imports, then differences",
  where: "cdktf diff (or terraform plan in each cdktf.out/stacks/<stack>), before the first deploy",
  action:
    'The config adopts objects made by hand (its existing IDs): each stack\'s first plan must read "N to import, 0 to add, ... 0 to destroy", ' +
    "except what does not exist yet. Each change it shows is where the setup made by hand differs from the config, such as the SCIM apps' " +
    "Application username format (set to Email), the groups claim filter, an Access group's name or a login method setting: deploy to make " +
    'the setup match the config, or change the config to keep what you have and plan again. Stop at any destroy or any "to add" of an ' +
    "object you have: its ID is missing from existing (npm run discover finds them).",
  done: false,
  notes: [
    "okta provider 4.20 reads the OIDC app's client secret back only when it creates or updates the app: the first plan of okta-access-oidc " +
      "must update okta_app_oauth before cloudflare-access is planned, or the login method would get no client secret. If it does not, " +
      "deploy okta-access-oidc once with another accessLogin.appLabel, then set it back.",
    "After the first deploy the import blocks do nothing (an imported object stays in state): the IDs may stay in the config.",
  ],
};

/** Steps of the Access login: the OIDC app and the Zero Trust login method (seed: "Set up Okta as an OIDC provider"). */
export function accessLoginRunbook(input: AccessLoginRunbookInput, options: RunbookOptions = {}): RunbookApp {
  const oidcWhere = `${OKTA_APPS} > ${input.oidcAppLabel}`;
  const loginWhere = `${LOGIN_METHODS} > ${input.loginMethodName}`;
  return {
    id: "access-login",
    label: input.oidcAppLabel,
    app: `OIDC web app and Zero Trust login method "${input.loginMethodName}"`,
    stack: input.loginMethodStack,
    steps: [
      {
        id: "create",
        title: "OIDC app and login method",
        where: `${OKTA_APPS}; ${LOGIN_METHODS}`,
        action:
          `Done by Terraform: the OIDC web app "${input.oidcAppLabel}" (stack ${input.oidcAdminUrl.from.stack}: sign-in redirect URI, ` +
          `groups claim, assignments) and the login method "${input.loginMethodName}" (stack ${input.loginMethodStack}: client ID and secret, Okta account, SCIM).`,
        ...source(input.oidcAdminUrl, options),
        done: true,
      },
      ...(input.adopted ? [adoptionPlanStep] : []),
      {
        id: "groups-claim",
        title: "Groups claim filter",
        where: `${oidcWhere} > Sign On > OpenID Connect ID Token`,
        action: `Check that the Groups claim filter is "groups", Matches regex, with the value below. If it is not, select Edit, set it and Save.`,
        value: input.groupsClaimRegex,
        done: false,
        notes: [
          "Terraform writes this claim through an internal Okta endpoint that is skipped silently when the okta provider signs in with " +
            "OAuth private keys (OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY): deploy with OKTA_API_TOKEN to have it set.",
        ],
      },
      {
        id: "okta-api-token",
        title: "(Optional) Okta API token",
        where: `Okta Admin Console > Security > API > Tokens; ${loginWhere} > Edit`,
        action:
          "Only if users are in more than 100 Okta groups: create an Okta API token while signed in as a Read-Only Administrator " +
          "(the token can be read-only), enter it in the login method's Okta API token field, and Save.",
        done: false,
        notes: [
          "cloudflare provider 5.14 has no api_token in the okta login method, so Terraform cannot set it. A later change Terraform " +
            "makes to the login method may clear it: check it after such a deploy.",
        ],
      },
      {
        id: "test",
        title: "Test",
        where: loginWhere,
        action: `Select Test and sign in as a member of an assigned group. The identity shown should list the user's groups.`,
        ...groupsValue(input.assignedGroups),
        done: false,
      },
    ],
  };
}

/**
 * The SCIM app's token step. A token Terraform made is printed by its output's command. An adopted
 * (imported) one never passed through Terraform: Cloudflare returns the login method's SCIM Secret only
 * when SCIM is first enabled and an account token's value only at creation, so the output is empty and
 * the step says what to regenerate and where to enter it.
 */
function apiTokenStep(
  input: ScimAppRunbookInput,
  field: string,
  apiWhere: string,
  outdir: string | undefined,
): RunbookStep {
  const { target } = input;
  const secretNote =
    "The command prints a secret: run it in a private terminal, never in a pipeline log, and paste it straight into Okta.";
  const verbatim =
    'The Header Auth app sends this field verbatim as the Authorization header: paste the secret exactly as printed, with no "Bearer " prefix.';
  const adoptedNote =
    `Terraform adopted it from a setup made by hand, and an import cannot read a secret: the output ${input.token.output} of ${input.token.stack} stays empty. ` +
    "Until you regenerate it, Okta goes on using the value it has; the old value stops working as soon as the new one exists, so enter the new one right away.";
  if (target.product === "dashboard") {
    return input.tokenAdopted
      ? {
          id: "api-token",
          title: field,
          where: `Cloudflare dashboard > Manage Account > Account API Tokens; ${apiWhere}`,
          action: `Roll the account API token Okta provisions with (the one in existing.dashboardScimTokenId), copy its new value, enter it in the ${field} field, and Save. Keep the value in your secret store: Cloudflare shows it only once.`,
          done: false,
          notes: [adoptedNote, "Okta adds the Bearer prefix itself: paste the token alone."],
        }
      : {
          id: "api-token",
          title: field,
          where: apiWhere,
          action: `In the ${field} field, enter the value of the account API token Terraform created for SCIM, as the command prints it.`,
          command: outputCommand(input.token, outdir),
          done: false,
          notes: [secretNote, "Okta adds the Bearer prefix itself: paste the token alone."],
        };
  }
  if (input.tokenAdopted) {
    return {
      id: "api-token",
      title: field,
      where: `${LOGIN_METHODS} > ${target.loginMethodName} > Edit; ${apiWhere}`,
      action:
        `Generate a new SCIM secret for the login method "${target.loginMethodName}" (Edit, then regenerate the SCIM secret) and Save; ` +
        `enter it in the ${field} field exactly as shown, and Save. Keep it in your secret store: Cloudflare shows it only once.`,
      done: false,
      notes: [adoptedNote, verbatim],
    };
  }
  return {
    id: "api-token",
    title: field,
    where: apiWhere,
    action: `In the ${field} field, enter the SCIM Secret of the login method "${target.loginMethodName}", exactly as the command prints it.`,
    command: outputCommand(input.token, outdir),
    done: false,
    notes: [
      secretNote,
      verbatim,
      "Cloudflare returns the SCIM Secret once, when SCIM is first enabled; Terraform keeps it in the state of " +
        `${input.token.stack}. If it is lost (empty output, new state), open ${LOGIN_METHODS} > ${target.loginMethodName} > Edit, ` +
        "generate a new SCIM secret, Save, and paste that one here; keep it in your secret store, as the command goes on printing the old one.",
    ],
  };
}

/** Steps of a SCIM 2.0 Test App (seeds: "2. Configure SCIM in Okta"; "Provision with Okta"). */
export function scimAppRunbook(input: ScimAppRunbookInput, options: RunbookOptions = {}): RunbookApp {
  const { app, target } = input;
  const fields = catalogFields[app.catalogApp];

  const appWhere = `${OKTA_APPS} > ${app.label}`;
  const apiWhere = `${appWhere} > Provisioning > Integration > Configure API Integration`;
  const outdir = options.outdir;
  const dashboard = target.product === "dashboard";
  const appStack = input.adminUrl.from.stack;

  const steps: RunbookStep[] = [
    {
      id: "add-app",
      title: `Add ${SCIM_CATALOG[app.catalogApp].catalogName}`,
      where: `${OKTA_APPS} > Browse App Catalog`,
      action:
        `Done by Terraform (stack ${appStack}): "${app.label}" was added from the catalog with SAML 2.0 sign-on. ` +
        `Open it from ${OKTA_APPS}, or at the URL the command prints.`,
      ...source(input.adminUrl, options),
      done: true,
      notes: dashboard
        ? [
            "Dashboard SCIM is for Enterprise accounts and needs dashboard SSO already set up: without them the credentials test fails.",
          ]
        : undefined,
    },
  ];
  if (dashboard) {
    steps.push({
      id: "super-admin",
      title: "Keep a Super Administrator outside SCIM",
      where: "Cloudflare dashboard > Manage Account > Manage members > Members",
      action:
        "Before provisioning starts, make sure at least one Super Administrator is in none of the groups below, so that no change " +
        "in Okta can take away the last person able to repair the account.",
      ...groupsValue(unique([...app.assignedGroups, ...app.pushGroups])),
      done: false,
    });
  }
  steps.push(
    {
      id: "configure-api-integration",
      title: "Configure API Integration",
      where: `${appWhere} > Provisioning`,
      action: `Select Configure API Integration, then select ${fields.enable}.`,
      done: false,
    },
    {
      id: "base-url",
      title: fields.baseUrl,
      where: apiWhere,
      action: dashboard
        ? `In ${fields.baseUrl}, enter the account's SCIM base URL.`
        : `In the ${fields.baseUrl} field, enter the SCIM Endpoint of the login method "${target.loginMethodName}".`,
      ...source(input.baseUrl, options),
      done: false,
    },
    apiTokenStep(input, fields.token, apiWhere, outdir),
  );
  if (app.provisioning.importGroups !== undefined) {
    steps.push({
      id: "import-groups",
      title: "Import Groups",
      where: apiWhere,
      action: app.provisioning.importGroups ? "Select Import Groups." : "Deselect Import Groups.",
      done: false,
    });
  }
  steps.push(
    {
      id: "test-api-credentials",
      title: "Test API Credentials",
      where: apiWhere,
      action: "Select Test API Credentials to check the values above, then select Save.",
      done: false,
    },
    toAppStep(app.provisioning, `${appWhere} > Provisioning > To App`, dashboard),
    {
      id: "assignments",
      title: "Assignments",
      where: `${appWhere} > Assignments`,
      action:
        `Done by Terraform (stack ${appStack}): the groups below are assigned. Change them in \`${input.configPath}.assignedGroups\` ` +
        "and deploy: Terraform manages this list.",
      ...groupsValue(app.assignedGroups),
      done: true,
      notes: [
        "SCIM userName must equal the user's email: Terraform sets the Sign On tab's Application username format to Email " +
          "(the template source.email); a change made there is reverted by the next deploy.",
        ...(dashboard
          ? [
              "Removing a user from the app, directly or by removing them from an assigned group, deprovisions them from the Cloudflare account.",
            ]
          : []),
      ],
    },
    pushGroupsStep(input, `${appWhere} > Push Groups`, outdir),
  );
  if (dashboard && app.pushGroups.length > 0) {
    steps.push({
      id: "permission-policies",
      title: "Permission policies",
      where: USER_GROUPS,
      action:
        'Provisioned users get "Minimal Account Access" only. Attach to each pushed User Group below the permission policies its ' +
        "members need; this project does not manage them.",
      ...groupsValue(app.pushGroups),
      done: false,
    });
  }
  steps.push({
    id: "verify",
    title: "Verify",
    where: dashboard
      ? `${appWhere} > View Logs; Cloudflare dashboard > Manage Account > Audit Log`
      : `${appWhere} > View Logs`,
    action: dashboard
      ? "Select View Logs in the app and check the users and groups went through; then check the Audit Log in the Cloudflare dashboard."
      : "Provisioning begins immediately. Select View Logs in the app and check the users and groups went through.",
    done: false,
  });
  return { id: input.id, label: app.label, app: SCIM_CATALOG[app.catalogApp].catalogName, stack: appStack, steps };
}

function toAppStep(p: ScimProvisioning, where: string, dashboard: boolean): RunbookStep {
  const on = toAppSettings.filter(([key]) => p[key]).map(([, name]) => name);
  const off = toAppSettings.filter(([key]) => !p[key]).map(([, name]) => name);
  const notes: string[] = [];
  if (dashboard) {
    notes.push(
      p.updateUserAttributes
        ? "Cloudflare does not support profile updates: with Update User Attributes on, updates fail in View Logs."
        : "Leave Update User Attributes off: Cloudflare does not support profile updates.",
    );
    if (p.deactivateUsers)
      notes.push("Deactivate Users sends active:false, which removes the member from the Cloudflare account.");
  }
  return {
    id: "to-app",
    title: "Provisioning to App",
    where,
    action: `Select Edit, enable ${list(on) || "nothing"}${off.length > 0 ? `, leave ${list(off)} off` : ""}, then select Save.`,
    value: toAppSettings.map(([key, name]) => `${name}: ${p[key] ? "on" : "off"}`).join(", "),
    done: false,
    notes: notes.length > 0 ? notes : undefined,
  };
}

function pushGroupsStep(input: ScimAppRunbookInput, where: string, outdir?: string): RunbookStep {
  const { app, target } = input;
  const notes: string[] = [];
  if (target.product === "access") {
    notes.push(
      `Groups pushed by SCIM overwrite the groups in a user's Access identity: push the groups assigned to the OIDC app "${target.oidcAppLabel}".`,
    );
    const unpushed = missingFrom(target.signInGroups, app.pushGroups);
    if (unpushed.length > 0)
      notes.push(`Not pushed, so dropped from identities once SCIM runs: ${quotedGroups(unpushed)}.`);
  } else {
    notes.push(
      "View these groups in the Cloudflare dashboard under Manage Account > Manage members > Members > User Groups. " +
        'Cloudflare rejects group names starting with "CF" and does not create empty groups.',
    );
  }
  const base = { id: "push-groups", title: "Push Groups", where, ...groupsValue(app.pushGroups) };
  if (app.pushGroups.length === 0) {
    return { ...base, action: `Nothing to push: \`${input.configPath}.pushGroups\` is empty.`, done: true };
  }
  if (input.pushGroupsStack) {
    if (input.pushGroupsResource)
      notes.push(deletedMappingNote(input.pushGroupsStack, input.pushGroupsResource, app.pushGroups[0], outdir));
    return {
      ...base,
      action: `Done by Terraform (stack ${input.pushGroupsStack}): the groups below are pushed.`,
      done: true,
      notes,
    };
  }
  return {
    ...base,
    action:
      "Once the steps above are done, select Push Groups > Find groups by name, push each group below, and Save; " +
      `then set \`${input.configPath}.provisioningConfigured: true\` and deploy to manage pushed groups as code ` +
      `(stack ${input.pushGroupsStackName}). Or skip the pushes by hand and go straight to that deploy.`,
    done: false,
    notes: [
      ...notes,
      "Groups pushed by hand: before that deploy, unlink them (Push Groups > the group > Unlink pushed group > leave the group " +
        "in the target app). Terraform then links each to the existing group of its name instead of pushing it twice.",
    ],
  };
}

/** The value if it is known here (or Terraform resolves it), and the command that prints it. */
function source(s: ValueSource, options: RunbookOptions): { value?: string; command: string } {
  const known = s.value !== undefined && (options.terraformValues || !Token.isUnresolved(s.value));
  return { ...(known ? { value: s.value } : {}), command: outputCommand(s.from, options.outdir) };
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/** Group names as one unambiguous line: each quoted, so "IT Help-Desk, Tier 2" stays one group. */
export function quotedGroups(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(", ");
}

/** A step's `value` and `groups` for a list of Okta groups. */
function groupsValue(names: readonly string[]): { value: string; groups: readonly string[] } {
  return { value: quotedGroups(names), groups: names };
}
