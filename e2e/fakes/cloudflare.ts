import { FakeApi, FakeRequest, FakeResponse, Ids, Route } from "./http";

// The Cloudflare API v4 (under /client/v4) as cloudflare provider 5.14 (cloudflare-go v6) calls it
// for this project's resources: Zero Trust Access identity providers, groups, policies and
// applications, account API tokens and their permission groups. Paths from cloudflare-go v6; the
// envelope ({ success, errors, messages, result }) and behaviour from Cloudflare's API reference.

type Json = Record<string, any>;

export interface PermissionGroup {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

export interface FakeCloudflareOptions {
  /** The API token the provider must send as a Bearer token. */
  readonly apiToken: string;
  readonly accountId: string;
  /** Zero Trust team name: SCIM base URLs are `https://<team>.cloudflareaccess.com/scim/<id>`. */
  readonly teamName: string;
  /** @default a few of the real account-scoped groups, "SCIM Provisioning" among them */
  readonly permissionGroups?: readonly PermissionGroup[];
}

export const defaultPermissionGroups: readonly PermissionGroup[] = [
  { id: "c1fde68c7bcc44588cbb6ddbc16d6480", name: "Account Settings Read", scopes: ["com.cloudflare.api.account"] },
  { id: "f7f0eda5697f475c90846e879bab8666", name: "SCIM Provisioning", scopes: ["com.cloudflare.api.account"] },
  { id: "82e64a83756745bbbb1c9c2701bf816b", name: "DNS Read", scopes: ["com.cloudflare.api.account.zone"] },
];

function envelope(
  status: number,
  result: unknown,
  errors: Array<{ code: number; message: string }> = [],
): FakeResponse {
  return { status, body: { success: errors.length === 0, errors, messages: [], result } };
}

const ok = (result: unknown) => envelope(200, result);
const failure = (status: number, code: number, message: string) => envelope(status, null, [{ code, message }]);
const notFound = (what: string) =>
  failure(404, 7003, `Could not route to ${what}, perhaps your object identifier is invalid?`);

/** Zero Trust objects with plain create/read/replace/delete: Access groups, policies, applications. */
const accessCollections = ["groups", "policies", "apps"] as const;

export class FakeCloudflare {
  public readonly api: FakeApi;
  public readonly identityProviders = new Map<string, Json>();
  public readonly access = new Map<(typeof accessCollections)[number], Map<string, Json>>(
    accessCollections.map((c) => [c, new Map()]),
  );
  public readonly tokens = new Map<string, Json>();
  private readonly permissionGroups: readonly PermissionGroup[];
  private readonly ids = new Ids();

  constructor(private readonly options: FakeCloudflareOptions) {
    this.permissionGroups = options.permissionGroups ?? defaultPermissionGroups;
    this.api = new FakeApi("cloudflare", this.routes(), (req) => {
      if (req.headers.authorization !== `Bearer ${options.apiToken}`)
        return failure(401, 10000, "Authentication error");
      if (req.params.accountId !== undefined && req.params.accountId !== options.accountId) return notFound(req.path);
      return undefined;
    });
  }

  /** Starts the server; the provider's base URL is the returned address plus `/client/v4`. */
  public start(): Promise<string> {
    return this.api.start();
  }

  public stop(): Promise<void> {
    return this.api.stop();
  }

  private routes(): Route[] {
    const account = "/client/v4/accounts/:accountId";
    const r = (method: string, path: string, handle: (req: FakeRequest) => FakeResponse): Route => ({
      method,
      path: `${account}${path}`,
      handle,
    });
    return [
      r("POST", "/access/identity_providers", (req) => this.createIdentityProvider(req.body)),
      r("GET", "/access/identity_providers", (req) =>
        this.list(req, [...this.identityProviders.values()].map(withoutSecret)),
      ),
      r("GET", "/access/identity_providers/:id", (req) =>
        this.withItem(this.identityProviders, req, (idp) => ok(withoutSecret(idp))),
      ),
      r("PUT", "/access/identity_providers/:id", (req) =>
        this.withItem(this.identityProviders, req, (idp) => this.updateIdentityProvider(idp, req.body)),
      ),
      r("DELETE", "/access/identity_providers/:id", (req) => this.deleteItem(this.identityProviders, req)),
      ...accessCollections.flatMap((kind) => {
        const items = this.access.get(kind)!;
        return [
          r("POST", `/access/${kind}`, (req) => this.createAccessObject(kind, req.body)),
          r("GET", `/access/${kind}`, (req) => this.list(req, [...items.values()])),
          r("GET", `/access/${kind}/:id`, (req) => this.withItem(items, req, ok)),
          r("PUT", `/access/${kind}/:id`, (req) =>
            this.withItem(items, req, (item) => ok(Object.assign(item, this.replaced(item, req.body)))),
          ),
          r("DELETE", `/access/${kind}/:id`, (req) => this.deleteItem(items, req)),
        ];
      }),
      // Before /tokens/:id, which would otherwise take "permission_groups" for a token ID.
      r("GET", "/tokens/permission_groups", (req) => this.listPermissionGroups(req)),
      r("POST", "/tokens", (req) => this.createToken(req.body)),
      r("GET", "/tokens/:id", (req) => this.withItem(this.tokens, req, ok)),
      r("PUT", "/tokens/:id", (req) => this.withItem(this.tokens, req, (t) => this.updateToken(t, req.body))),
      r("DELETE", "/tokens/:id", (req) => this.deleteItem(this.tokens, req)),
    ];
  }

  /** A list page: `page` from 1, `per_page` (default 25, at most 1000 here), with Cloudflare's result_info. */
  private list(req: FakeRequest, items: Json[]): FakeResponse {
    const page = Math.max(1, Number(req.query.get("page") ?? 1));
    const perPage = Math.min(1000, Math.max(1, Number(req.query.get("per_page") ?? 25)));
    const result = items.slice((page - 1) * perPage, page * perPage);
    const info = {
      page,
      per_page: perPage,
      count: result.length,
      total_count: items.length,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
    };
    return { status: 200, body: { success: true, errors: [], messages: [], result, result_info: info } };
  }

  private withItem(items: Map<string, Json>, req: FakeRequest, then: (item: Json) => FakeResponse): FakeResponse {
    const item = items.get(req.params.id);
    return item ? then(item) : notFound(req.path);
  }

  private deleteItem(items: Map<string, Json>, req: FakeRequest): FakeResponse {
    return items.delete(req.params.id) ? ok({ id: req.params.id }) : notFound(req.path);
  }

  private replaced(item: Json, body: Json): Json {
    return { ...body, id: item.id, created_at: item.created_at, updated_at: this.ids.now() };
  }

  private createIdentityProvider(body: Json | undefined): FakeResponse {
    if (!body?.name || !body?.type || !body?.config) return failure(400, 12130, "name, type and config are required");
    const now = this.ids.now();
    const id = this.ids.uuid();
    const idp: Json = { ...body, id, created_at: now, updated_at: now };
    idp.scim_config = this.scimConfig(id, undefined, body.scim_config);
    this.identityProviders.set(id, idp);
    return ok(idp.scim_config.enabled ? idp : withoutSecret(idp));
  }

  private updateIdentityProvider(idp: Json, body: Json): FakeResponse {
    const wasEnabled = idp.scim_config?.enabled === true;
    Object.assign(idp, this.replaced(idp, body));
    idp.scim_config = this.scimConfig(idp.id, idp.scim_config, body?.scim_config);
    // The SCIM secret is returned only by the call that first enables SCIM.
    return ok(!wasEnabled && idp.scim_config.enabled ? idp : withoutSecret(idp));
  }

  /** SCIM settings with Cloudflare's defaults; the base URL is fixed, the secret made on first enable. */
  private scimConfig(id: string, before: Json | undefined, sent: Json | undefined): Json {
    const enabled = sent?.enabled ?? before?.enabled ?? false;
    return {
      enabled,
      user_deprovision: sent?.user_deprovision ?? false,
      seat_deprovision: sent?.seat_deprovision ?? false,
      identity_update_behavior: sent?.identity_update_behavior ?? "no_action",
      scim_base_url: `https://${this.options.teamName}.cloudflareaccess.com/scim/${id}`,
      secret: before?.secret ?? (enabled ? `fakeScimSecret${id.replace(/-/g, "")}` : undefined),
    };
  }

  private createAccessObject(kind: (typeof accessCollections)[number], body: Json | undefined): FakeResponse {
    if (!body?.name && kind !== "apps") return failure(400, 12130, "name is required");
    const now = this.ids.now();
    const item: Json = { exclude: [], require: [], ...body, id: this.ids.uuid(), created_at: now, updated_at: now };
    if (kind === "apps") item.aud = this.ids.hex32() + this.ids.hex32();
    this.access.get(kind)!.set(item.id, item);
    return ok(item);
  }

  /** `name` and `scope` filter exactly, on the values decoded once. */
  private listPermissionGroups(req: FakeRequest): FakeResponse {
    const name = req.query.get("name");
    const scope = req.query.get("scope");
    const found = this.permissionGroups.filter(
      (g) => (name === null || g.name === name) && (scope === null || g.scopes.includes(scope)),
    );
    return {
      status: 200,
      body: {
        success: true,
        errors: [],
        messages: [],
        result: found,
        result_info: { page: 1, per_page: 20, count: found.length, total_count: found.length },
      },
    };
  }

  private checkPolicies(body: Json | undefined): FakeResponse | undefined {
    for (const policy of body?.policies ?? []) {
      for (const pg of policy.permission_groups ?? []) {
        if (!this.permissionGroups.some((g) => g.id === pg.id))
          return failure(400, 1001, `Invalid permission group id: ${pg.id}`);
      }
    }
    return undefined;
  }

  private tokenPolicies(body: Json): Json[] {
    return (body.policies ?? []).map((p: Json) => ({
      id: this.ids.hex32(),
      effect: p.effect,
      resources: p.resources,
      permission_groups: p.permission_groups.map((pg: Json) => ({
        id: pg.id,
        name: this.permissionGroups.find((g) => g.id === pg.id)!.name,
      })),
    }));
  }

  private createToken(body: Json | undefined): FakeResponse {
    if (!body?.name || !Array.isArray(body?.policies)) return failure(400, 1001, "name and policies are required");
    const invalid = this.checkPolicies(body);
    if (invalid) return invalid;
    const now = this.ids.now();
    const token: Json = {
      ...body,
      id: this.ids.hex32(),
      status: "active",
      issued_on: now,
      modified_on: now,
      policies: this.tokenPolicies(body),
    };
    this.tokens.set(token.id, token);
    // The value is returned by the create call only.
    return ok({ ...token, value: `fakeAccountTokenValue${token.id}`.slice(0, 40) });
  }

  private updateToken(token: Json, body: Json): FakeResponse {
    const invalid = this.checkPolicies(body);
    if (invalid) return invalid;
    Object.assign(token, {
      ...body,
      id: token.id,
      status: body.status ?? token.status,
      issued_on: token.issued_on,
      modified_on: this.ids.now(),
      policies: this.tokenPolicies(body),
    });
    return ok(token);
  }
}

function withoutSecret(idp: Json): Json {
  const { secret, ...scim } = idp.scim_config ?? {};
  return { ...idp, scim_config: scim };
}
