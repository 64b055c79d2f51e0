import { ApiResult, ok } from "../check/http";
import { CloudflareApi, ZeroTrustObject } from "../check/cloudflare-api";
import { OktaApi, OktaAppSummary } from "../check/okta-api";
import { accessCallbackUrl } from "../../src/private/team";

// What `npm run discover` reads, all read-only: every Okta app (one list), the group assignments and
// Group Push mappings of the apps that can be Cloudflare's, the names of those groups, and the
// account's login methods, Access groups, reusable policies and applications.

/** Where to look: the org and the Zero Trust account of the setup. */
export interface DiscoverTarget {
  readonly name: string;
  readonly okta: { readonly orgName: string; readonly baseUrl: string };
  readonly cloudflare: { readonly accountId: string; readonly teamName: string };
}

/** A group an app pushes: its mapping and the Okta group's name. */
export interface PushedGroup {
  readonly mappingId: string;
  readonly groupName: string;
  readonly status: string;
}

export interface OktaFacts {
  readonly apps: readonly OktaAppSummary[];
  /** Assigned group names, by app ID (only the apps that can be Cloudflare's). */
  readonly assigned: ReadonlyMap<string, readonly string[]>;
  /** Pushed groups, by SCIM app ID. */
  readonly pushed: ReadonlyMap<string, readonly PushedGroup[]>;
}

export interface CloudflareFacts {
  readonly loginMethods: readonly ZeroTrustObject[];
  readonly accessGroups: readonly ZeroTrustObject[];
  readonly policies: readonly ZeroTrustObject[];
  readonly applications: readonly ZeroTrustObject[];
}

export interface Facts {
  readonly okta: OktaFacts;
  readonly cloudflare: CloudflareFacts;
}

/** Catalog names of the SCIM 2.0 Test Apps: Access SCIM (Header Auth) and dashboard SCIM (OAuth Bearer Token). */
export const SCIM_CATALOG_NAMES = ["scim2headerauth", "scim2testapp"];

/** OIDC apps that send users back to the team's Access callback. */
export function oidcCandidates(apps: readonly OktaAppSummary[], teamName: string): OktaAppSummary[] {
  const callback = accessCallbackUrl(teamName);
  return apps.filter((a) => a.signOnMode === "OPENID_CONNECT" && a.redirectUris.includes(callback));
}

export async function readFacts(
  target: DiscoverTarget,
  okta: OktaApi,
  cloudflare: CloudflareApi,
): Promise<ApiResult<Facts>> {
  const apps = await okta.apps();
  if (!apps.ok) return apps;
  const candidates = [
    ...oidcCandidates(apps.value, target.cloudflare.teamName),
    ...apps.value.filter((a) => SCIM_CATALOG_NAMES.includes(a.name)),
  ];
  const assignedIds = new Map<string, string[]>();
  const mappings = new Map<string, Array<{ id?: string; sourceGroupId: string; status: string }>>();
  for (const app of candidates) {
    const ids = await okta.assignedGroupIds(app.id);
    if (!ids.ok) return ids;
    assignedIds.set(app.id, ids.value);
    if (!SCIM_CATALOG_NAMES.includes(app.name)) continue;
    const pushed = await okta.groupPushMappings(app.id);
    if (!pushed.ok) return pushed;
    mappings.set(app.id, pushed.value);
  }
  const names = await okta.groupNames([
    ...[...assignedIds.values()].flat(),
    ...[...mappings.values()].flat().map((m) => m.sourceGroupId),
  ]);
  if (!names.ok) return names;
  const nameOf = (id: string) => names.value.get(id) ?? id;
  const lists = [
    cloudflare.identityProviders,
    cloudflare.accessGroups,
    cloudflare.accessPolicies,
    cloudflare.accessApplications,
  ];
  const read: ZeroTrustObject[][] = [];
  // One request at a time, as every read here: the rate limits are the account's, shared with its pipelines.
  for (const list of lists) {
    const res = await list.call(cloudflare, target.cloudflare.accountId);
    if (!res.ok) return res;
    read.push(res.value);
  }
  return ok({
    okta: {
      apps: apps.value,
      assigned: new Map([...assignedIds].map(([app, ids]) => [app, ids.map(nameOf)])),
      pushed: new Map(
        [...mappings].map(([app, ms]) => [
          app,
          ms
            .filter((m) => m.id !== undefined)
            .map((m) => ({ mappingId: m.id!, groupName: nameOf(m.sourceGroupId), status: m.status })),
        ]),
      ),
    },
    cloudflare: {
      loginMethods: read[0].filter((m) => m.type === "okta"),
      accessGroups: read[1],
      policies: read[2],
      applications: read[3],
    },
  });
}
