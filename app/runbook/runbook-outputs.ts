import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "../../src/cdktf";
import { dashboardScimBaseUrl } from "../../src/cloudflare/private/account";
import type { DashboardScimToken } from "../../src/cloudflare/dashboard-scim-token";
import type { OktaLoginMethod } from "../../src/cloudflare/okta-login-method";
import type { AccessOidcApp } from "../../src/okta/access-oidc-app";
import { Config } from "../config/schema";
import { ScimApp } from "../../src/okta/scim-app";
import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { CheckTargets, ScimCheckTarget } from "../../tools/check/check";
import {
  accessLoginRunbook,
  AccessTarget,
  DashboardTarget,
  Runbook,
  runbook,
  RunbookApp,
  RunbookOptions,
  scimAppRunbook,
  StackOutput,
} from "./model";
import { renderAppMarkdown } from "./render-markdown";
import { CloudflareAccessStack } from "../stacks/cloudflare-access-stack";
import { OktaAccessOidcStack } from "../stacks/okta-access-oidc-stack";
import { OktaPushGroupsStack } from "../stacks/okta-push-groups-stack";
import { output, stackOutput } from "../stacks/outputs";
import { stackIds } from "../stack-ids";

/** Where each SCIM app's values live, by its catalog app (the stack and output names are contracts). */
interface ScimAppWiring {
  readonly id: string;
  readonly product: "access" | "dashboard";
  readonly configPath: string;
  readonly baseUrl: StackOutput;
  readonly token: StackOutput;
  readonly pushGroupsStack: string;
}

const wiring: Record<ScimCatalogApp, ScimAppWiring> = {
  [ScimCatalogApp.HEADER_AUTH]: {
    id: "access-scim",
    product: "access",
    configPath: "accessLogin.scim",
    baseUrl: stackOutput<OktaLoginMethod>(stackIds.cloudflareAccess, "scimBaseUrl"),
    token: stackOutput<OktaLoginMethod>(stackIds.cloudflareAccess, "scimSecret"),
    pushGroupsStack: stackIds.oktaAccessPushGroups,
  },
  [ScimCatalogApp.OAUTH_BEARER_TOKEN]: {
    id: "dashboard-scim",
    product: "dashboard",
    configPath: "dashboardScim",
    baseUrl: stackOutput<DashboardScimToken>(stackIds.cloudflareDashboardScim, "scimBaseUrl"),
    token: stackOutput<DashboardScimToken>(stackIds.cloudflareDashboardScim, "tokenValue"),
    pushGroupsStack: stackIds.oktaDashboardPushGroups,
  },
};

/** The runbook of every app built under `scope` (the App), read from the constructs. */
export function projectRunbook(scope: Construct, config: Config, options: RunbookOptions = {}): Runbook {
  const all = scope.node.findAll();
  const oidc = all.find(is(OktaAccessOidcStack));
  const cloudflare = all.find(is(CloudflareAccessStack));
  const apps: RunbookApp[] = [];
  if (oidc && cloudflare) {
    apps.push(
      accessLoginRunbook(
        {
          oidcAppLabel: oidc.oidcApp.label,
          oidcAdminUrl: { value: oidc.oidcApp.adminUrl, from: stackOutput<AccessOidcApp>(oidc.node.id, "adminUrl") },
          loginMethodName: cloudflare.loginMethod.loginMethodName,
          loginMethodStack: cloudflare.node.id,
          groupsClaimRegex: oidc.oidcApp.groupsClaimRegex,
          assignedGroups: config.accessLogin.assignedGroups,
          adopted: config.existing !== undefined && Object.keys(config.existing).length > 0,
        },
        options,
      ),
    );
  }
  const pushStacks = all.filter(is(OktaPushGroupsStack));
  for (const app of all.filter(is(ScimApp))) {
    const w = wiring[app.catalogApp];
    const dashboard = w.product === "dashboard";
    // The Access SCIM app is built with the login method it provisions for.
    if (!dashboard && !cloudflare) continue;
    const push = pushStacks.find((s) => s.scimApp === app)?.pushGroups.pushGroup;
    const target: AccessTarget | DashboardTarget = dashboard
      ? { product: "dashboard" }
      : {
          product: "access",
          loginMethodName: cloudflare!.loginMethod.loginMethodName,
          oidcAppLabel: oidcAppOf(oidc).label,
          signInGroups: config.accessLogin.assignedGroups,
        };
    apps.push(
      scimAppRunbook(
        {
          id: w.id,
          app,
          adminUrl: {
            value: app.adminUrl,
            from: stackOutput<ScimApp>(TerraformStack.of(app).node.id, "adminUrl"),
          },
          // The dashboard's is known from the config; the app's own is a reference to the token's account.
          baseUrl: {
            value: dashboard ? dashboardScimBaseUrl(config.cloudflare.accountId) : app.baseUrl,
            from: w.baseUrl,
          },
          token: w.token,
          // Imported, so never returned to Terraform: the login method's SCIM secret, the account token's value.
          tokenAdopted:
            (dashboard ? config.existing?.dashboardScimTokenId : config.existing?.loginMethodId) !== undefined,
          configPath: w.configPath,
          pushGroupsStack: push && TerraformStack.of(push).node.id,
          pushGroupsResource: push && `${push.terraformResourceType}.${push.friendlyUniqueId}`,
          pushGroupsStackName: w.pushGroupsStack,
          target,
        },
        options,
      ),
    );
  }
  return runbook(config.name, apps);
}

/** What `npm run check` reads besides the runbook: each SCIM app's outputs, provisioning and pushed groups. */
export function projectCheckTargets(scope: Construct, config: Config): CheckTargets {
  const all = scope.node.findAll();
  const loginMethodStack = all.find(is(CloudflareAccessStack))?.node.id ?? stackIds.cloudflareAccess;
  const checkTargets = all.filter(is(ScimApp)).flatMap((app): ScimCheckTarget[] => {
    const w = wiring[app.catalogApp];
    const common = {
      runbookApp: w.id,
      scimAppId: stackOutput<ScimApp>(TerraformStack.of(app).node.id, "scimAppId"),
      provisioning: app.provisioning,
      pushGroups: app.pushGroups,
    };
    return w.product === "dashboard"
      ? [{ ...common, product: "dashboard", scimToken: w.token }]
      : [
          {
            ...common,
            product: "access",
            loginMethodId: stackOutput<OktaLoginMethod>(loginMethodStack, "loginMethodId"),
          },
        ];
  });
  return { accountId: config.cloudflare.accountId, scimApps: checkTargets };
}

/**
 * Adds a `runbook` output to each app's stack: that app's steps as Markdown, so a pipeline log shows
 * them after deploy. Values only Terraform knows (the SCIM base URL, the app's admin URL) are filled
 * in at apply; secrets appear only as the commands that print them.
 */
export function addRunbookOutputs(scope: Construct, config: Config): void {
  for (const app of projectRunbook(scope, config, { terraformValues: true }).apps) {
    const stack = scope.node.findChild(app.stack) as TerraformStack;
    output(
      stack,
      "runbook",
      renderAppMarkdown(app),
      `Steps a person still does for ${app.label} (npm run runbook prints them all)`,
    );
  }
}

/** Access SCIM users sign in through the OIDC app: its stack is always built with the SCIM app's. */
function oidcAppOf(oidc: OktaAccessOidcStack | undefined) {
  if (!oidc) throw new Error("An Access SCIM app needs the okta-access-oidc stack in the same app.");
  return oidc.oidcApp;
}

function is<T>(type: abstract new (...args: never[]) => T): (c: IConstruct) => c is IConstruct & T {
  return (c): c is IConstruct & T => c instanceof type;
}
