import { Fetch } from "../../tools/check/http";
import { FakeCloudflare } from "./cloudflare";
import { FakeOkta } from "./okta";
import { FAKE_CLOUDFLARE_API_TOKEN, FAKE_OKTA_API_TOKEN } from "./seed";

// A setup made by hand, the way the seeds (cloudflare-zero-trust-okta.txt, cloudflare-dashboard-scim-okta.txt)
// walk a person through it, made through the fakes' own API routes as the admin consoles would: the
// project never saw its IDs. Names are what a person might type, not the project's defaults.

type Json = Record<string, any>;

export interface HandMadeSetup {
  readonly oidcAppId: string;
  readonly clientId: string;
  readonly loginMethodId: string;
  readonly accessScimAppId: string;
  readonly accessPushMappingIds: Record<string, string>;
  readonly accessGroupIds: Record<string, string>;
  readonly applicationId: string;
  readonly policyId: string;
  readonly dashboardScimAppId: string;
  readonly dashboardPushMappingIds: Record<string, string>;
  /** The account API token entered in the dashboard SCIM app (Manage Account > Account API Tokens). */
  readonly dashboardTokenId: string;
}

export interface HandMadeOptions {
  readonly teamName: string;
  /** What the person enters as the login method's Okta account: `https://<org>.okta.com`. */
  readonly oktaAccount: string;
  /** Groups assigned to both the OIDC and the Access SCIM app, and pushed. */
  readonly accessGroups: readonly string[];
  /** Groups assigned to and pushed by the dashboard SCIM app. */
  readonly dashboardGroups: readonly string[];
}

/** Calls one of the fakes' routes the way a vendor console would; fails loudly on anything but 2xx. */
async function send(base: string, authorization: string, method: string, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`seeding by hand: ${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as Json;
}

/** Builds the hand-made setup in the running fakes and returns its IDs. */
export async function seedByHand(
  fakes: {
    okta: FakeOkta;
    oktaUrl: string;
    oktaToken: string;
    cloudflare: FakeCloudflare;
    cloudflareUrl: string;
    cloudflareToken: string;
    accountId: string;
  },
  options: HandMadeOptions,
): Promise<HandMadeSetup> {
  const okta = (method: string, path: string, body?: unknown) =>
    send(fakes.oktaUrl, `SSWS ${fakes.oktaToken}`, method, path, body);
  const cf = (method: string, path: string, body?: unknown) =>
    send(
      fakes.cloudflareUrl,
      `Bearer ${fakes.cloudflareToken}`,
      method,
      `/client/v4/accounts/${fakes.accountId}${path}`,
      body,
    ).then((r) => r.result as Json);
  const groupId = (name: string) =>
    fakes.okta.groups.find((g) => g.profile.name === name && g.type === "OKTA_GROUP")!.id as string;
  const assign = async (appId: string, groups: readonly string[]) => {
    for (const g of groups) await okta("PUT", `/api/v1/apps/${appId}/groups/${groupId(g)}`, {});
  };
  const push = async (appId: string, groups: readonly string[]) => {
    const ids: Record<string, string> = {};
    for (const g of groups)
      ids[g] = (
        await okta("POST", `/api/v1/apps/${appId}/group-push/mappings`, {
          sourceGroupId: groupId(g),
          targetGroupName: g,
          status: "ACTIVE",
        })
      ).id;
    return ids;
  };

  // Zero Trust seed, "Set up Okta as an OIDC provider": a web app, any name, the Access callback.
  const oidc = await okta("POST", "/api/v1/apps?activate=true", {
    name: "oidc_client",
    label: "Zero Trust (by hand)",
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic", pkce_required: false } },
    settings: {
      oauthClient: {
        application_type: "web",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [`https://${options.teamName}.cloudflareaccess.com/cdn-cgi/access/callback`],
        consent_method: "TRUSTED",
      },
    },
  });
  await assign(oidc.id, options.accessGroups);
  const clientId = oidc.credentials.oauthClient.client_id as string;
  // "Add new > Okta", then "Enable SCIM" with user deprovisioning and reauthentication on group change.
  const loginMethod = await cf("POST", "/access/identity_providers", {
    name: "Okta SSO",
    type: "okta",
    config: {
      client_id: clientId,
      client_secret: oidc.credentials.oauthClient.client_secret,
      okta_account: options.oktaAccount,
      claims: [],
      pkce_enabled: false,
    },
    scim_config: { enabled: true, user_deprovision: true, seat_deprovision: false, identity_update_behavior: "reauth" },
  });
  // "Configure SCIM in Okta": the Header Auth test app, assignments, pushed groups (username format left at Okta's default).
  const accessScim = await okta("POST", "/api/v1/apps?activate=true", {
    name: "scim2headerauth",
    label: "Cloudflare SCIM",
    signOnMode: "SAML_2_0",
  });
  await assign(accessScim.id, options.accessGroups);
  const accessPushMappingIds = await push(accessScim.id, options.accessGroups);
  // A policy built on the synced groups: one Access group per Okta group, one application.
  const accessGroupIds: Record<string, string> = {};
  for (const g of options.accessGroups) {
    accessGroupIds[g] = (
      await cf("POST", "/access/groups", {
        name: g,
        include: [{ okta: { name: g, identity_provider_id: loginMethod.id } }],
      })
    ).id;
  }
  const policy = await cf("POST", "/access/policies", {
    name: "Wiki staff",
    decision: "allow",
    include: [{ group: { id: accessGroupIds[options.accessGroups[0]] } }],
  });
  const application = await cf("POST", "/access/apps", {
    name: "Wiki",
    domain: "wiki.acme.example",
    type: "self_hosted",
    allowed_idps: [loginMethod.id],
    auto_redirect_to_identity: true,
    session_duration: "24h",
    policies: [{ id: policy.id, precedence: 1 }],
  });
  // Dashboard SCIM seed, "Provision with Okta": the OAuth Bearer Token test app.
  const dashboard = await okta("POST", "/api/v1/apps?activate=true", {
    name: "scim2testapp",
    label: "Cloudflare Dashboard",
    signOnMode: "SAML_2_0",
  });
  await assign(dashboard.id, options.dashboardGroups);
  const dashboardPushMappingIds = await push(dashboard.id, options.dashboardGroups);
  // Its OAuth Bearer Token: an account token with the SCIM Provisioning permission group only.
  const [scimPermission] = (await cf("GET", "/tokens/permission_groups?name=SCIM+Provisioning")) as unknown as Json[];
  const token = await cf("POST", "/tokens", {
    name: "Okta SCIM",
    policies: [
      {
        effect: "allow",
        permission_groups: [{ id: scimPermission.id }],
        resources: { [`com.cloudflare.api.account.${fakes.accountId}`]: "*" },
      },
    ],
  });
  return {
    oidcAppId: oidc.id,
    clientId,
    loginMethodId: loginMethod.id,
    accessScimAppId: accessScim.id,
    accessPushMappingIds,
    accessGroupIds,
    applicationId: application.id,
    policyId: policy.id,
    dashboardScimAppId: dashboard.id,
    dashboardPushMappingIds,
    dashboardTokenId: token.id,
  };
}

/** Both fakes, running on 127.0.0.1, holding a setup made by hand. */
export interface HandMadeFakes {
  readonly okta: FakeOkta;
  readonly cloudflare: FakeCloudflare;
  readonly oktaUrl: string;
  readonly cloudflareUrl: string;
  readonly setup: HandMadeSetup;
  /** Sends what a command sends to the org's host and to api.cloudflare.com to the fakes; any other host is refused. */
  fetch(hostsSeen?: string[]): Fetch;
  stop(): Promise<void>;
}

/**
 * Starts both fakes with the groups a person would have (`otherGroups` besides the assigned ones)
 * and builds the hand-made setup in them, for discover's tests and the adopt e2e.
 */
export async function startHandMadeFakes(
  options: HandMadeOptions & { readonly accountId: string; readonly otherGroups?: readonly string[] },
): Promise<HandMadeFakes> {
  const groups = [...options.accessGroups, ...options.dashboardGroups, ...(options.otherGroups ?? [])];
  const okta = new FakeOkta({ apiToken: FAKE_OKTA_API_TOKEN, groups: groups.map((name) => ({ name })) });
  const cloudflare = new FakeCloudflare({
    apiToken: FAKE_CLOUDFLARE_API_TOKEN,
    accountId: options.accountId,
    teamName: options.teamName,
  });
  const [oktaUrl, cloudflareUrl] = [await okta.start(), await cloudflare.start()];
  const stop = () => Promise.all([okta.stop(), cloudflare.stop()]).then(() => undefined);
  try {
    const setup = await seedByHand(
      {
        okta,
        oktaUrl,
        oktaToken: FAKE_OKTA_API_TOKEN,
        cloudflare,
        cloudflareUrl,
        cloudflareToken: FAKE_CLOUDFLARE_API_TOKEN,
        accountId: options.accountId,
      },
      options,
    );
    const oktaHost = new URL(options.oktaAccount).host;
    const fetchThroughFakes =
      (hostsSeen: string[] = []): Fetch =>
      (url, init) => {
        const u = new URL(url);
        hostsSeen.push(u.host);
        const base = u.host === oktaHost ? oktaUrl : u.host === "api.cloudflare.com" ? cloudflareUrl : undefined;
        if (!base) return Promise.reject(new Error(`called ${u.host}, which the fakes do not stand for`));
        return fetch(`${base}${u.pathname}${u.search}`, init);
      };
    return { okta, cloudflare, oktaUrl, cloudflareUrl, setup, fetch: fetchThroughFakes, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
