import { FakeApi, FakeRequest, FakeResponse, Ids, Route } from "./http";
import { parseSearch } from "./okta-search";

// The Okta Management API as okta provider 4.20 (apps, groups, authorization servers) and 6.12
// (okta_push_group) call it for this project's resources; paths and bodies from the providers'
// source (okta/*.go, sdk/*.go at v4.20.0; okta/services/idaas/resource_okta_push_group.go at
// v6.12.0) and Okta's API reference. The org is a Classic Engine org (`pipeline: "v1"`), for which the
// provider makes no authentication-policy calls.

type Json = Record<string, any>;

export interface OktaSeedGroup {
  readonly name: string;
  /** OKTA_GROUP (default) or APP_GROUP (imported from an app; may share an Okta group's name). */
  readonly type?: "OKTA_GROUP" | "APP_GROUP";
}

export interface FakeOktaOptions {
  /** The SSWS API token the provider must send. */
  readonly apiToken: string;
  readonly groups: readonly OktaSeedGroup[];
}

const PAGE_LIMIT_MAX = 200;

/** Okta's error body: an errorCode, a summary, and an id. */
function oktaError(status: number, errorCode: string, errorSummary: string): FakeResponse {
  return { status, body: { errorCode, errorSummary, errorLink: errorCode, errorId: "oaefake", errorCauses: [] } };
}

const notFound = (what: string) =>
  oktaError(404, "E0000007", `Not found: Resource not found: ${what} (${what.split(" ")[0]})`);

export class FakeOkta {
  public readonly api: FakeApi;
  public readonly groups: Json[] = [];
  public readonly apps = new Map<string, Json>();
  /** The groups claim of OIDC apps (the internal idToken settings endpoint). */
  public readonly groupsClaims = new Map<string, Json>();
  /** App ID -> group ID -> assignment. */
  public readonly assignments = new Map<string, Map<string, Json>>();
  /** App ID -> mapping ID -> Group Push mapping. */
  public readonly pushMappings = new Map<string, Map<string, Json>>();
  public readonly authServers = new Map<string, Json>();
  /** OIDC client secrets by app ID: returned by create and update, never by a read. */
  public readonly clientSecrets = new Map<string, string>();
  /** `<serverId>/<kind>` -> ID -> scope, claim or policy; `<serverId>/policies/<policyId>/rules` for rules. */
  private readonly serverChildren = new Map<string, Map<string, Json>>();
  private readonly ids = new Ids();
  private baseUrl = "";

  constructor(options: FakeOktaOptions) {
    for (const g of options.groups) this.addGroup(g.name, g.type ?? "OKTA_GROUP");
    this.api = new FakeApi(
      "okta",
      this.routes(),
      (req) =>
        req.path.startsWith("/.well-known/") || req.headers.authorization === `SSWS ${options.apiToken}`
          ? undefined
          : oktaError(401, "E0000011", "Invalid token provided"),
      // The provider paces itself by these (max_api_capacity); a bucket that never runs low.
      () => ({
        "x-rate-limit-limit": "600",
        "x-rate-limit-remaining": "599",
        "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 60),
      }),
    );
  }

  public async start(): Promise<string> {
    this.baseUrl = await this.api.start();
    return this.baseUrl;
  }

  public stop(): Promise<void> {
    return this.api.stop();
  }

  public addGroup(name: string, type: "OKTA_GROUP" | "APP_GROUP"): Json {
    const now = this.ids.now();
    const group = {
      id: this.ids.okta("00g"),
      created: now,
      lastUpdated: now,
      lastMembershipUpdated: now,
      objectClass: [type === "OKTA_GROUP" ? "okta:user_group" : "okta:app_group"],
      type,
      profile: { name, description: null },
      _links: {},
    };
    this.groups.push(group);
    return group;
  }

  /** A pushed group's mapping deleted in Okta, as a person would on the Push Groups tab. */
  public deletePushMapping(appId: string, mappingId: string): void {
    this.pushMappings.get(appId)?.delete(mappingId);
  }

  private routes(): Route[] {
    const r = (method: string, path: string, handle: (req: FakeRequest) => FakeResponse): Route => ({
      method,
      path,
      handle,
    });
    return [
      r("GET", "/.well-known/okta-organization", () => ({
        status: 200,
        body: { id: "00ofakeorg0000000001", pipeline: "v1", _links: { organization: { href: this.baseUrl } } },
      })),
      r("GET", "/api/v1/users/me", () => ({
        status: 200,
        body: {
          id: "00ufakeadmin00000001",
          status: "ACTIVE",
          profile: { login: "admin@example.com", email: "admin@example.com" },
        },
      })),
      r("GET", "/api/v1/groups", (req) => this.listGroups(req)),
      r("GET", "/api/v1/groups/:groupId", (req) => {
        const g = this.groups.find((x) => x.id === req.params.groupId);
        return g ? ok(g) : notFound(`Group ${req.params.groupId}`);
      }),
      r("POST", "/api/v1/apps", (req) => this.createApp(req)),
      // listApplications: every app, cursor-paged (limit at most 200).
      r("GET", "/api/v1/apps", (req) => this.page(req, [...this.apps.values()].map(publicApp))),
      r("GET", "/api/v1/apps/:appId", (req) => this.withApp(req, (app) => ok(publicApp(app)))),
      r("PUT", "/api/v1/apps/:appId", (req) => this.withApp(req, (app) => this.updateApp(app, req.body))),
      r("POST", "/api/v1/apps/:appId/lifecycle/activate", (req) =>
        this.withApp(req, (app) => ((app.status = "ACTIVE"), ok({}))),
      ),
      r("POST", "/api/v1/apps/:appId/lifecycle/deactivate", (req) =>
        this.withApp(req, (app) => ((app.status = "INACTIVE"), ok({}))),
      ),
      r("DELETE", "/api/v1/apps/:appId", (req) =>
        this.withApp(req, (app) => {
          // Okta deletes inactive apps only; the provider deactivates first.
          if (app.status !== "INACTIVE") return oktaError(403, "E0000056", "Delete application forbidden.");
          this.apps.delete(app.id);
          return { status: 204 };
        }),
      ),
      r("GET", "/api/v1/internal/apps/:appId/settings/oauth/idToken", (req) =>
        this.withApp(req, (app) =>
          ok(this.groupsClaims.get(app.id) ?? { issuerMode: "ORG_URL", orgUrl: this.baseUrl }),
        ),
      ),
      r("POST", "/api/v1/internal/apps/:appId/settings/oauth/idToken", (req) =>
        this.withApp(req, (app) => {
          this.groupsClaims.set(app.id, { ...req.body, issuer: this.baseUrl, orgUrl: this.baseUrl });
          return ok(this.groupsClaims.get(app.id));
        }),
      ),
      r("GET", "/api/v1/apps/:appId/sso/saml/metadata", (req) =>
        this.withApp(req, (app) => samlMetadata(app, this.baseUrl)),
      ),
      r("GET", "/api/v1/apps/:appId/credentials/keys", (req) => this.withApp(req, (app) => ok(app._keys ?? []))),
      r("GET", "/api/v1/apps/:appId/groups", (req) =>
        this.withApp(req, (app) => this.page(req, [...this.assignmentsOf(app.id).values()])),
      ),
      r("GET", "/api/v1/apps/:appId/groups/:groupId", (req) =>
        this.withApp(req, (app) => {
          const a = this.assignmentsOf(app.id).get(req.params.groupId);
          return a ? ok(a) : notFound(`AppGroup ${req.params.groupId}`);
        }),
      ),
      r("PUT", "/api/v1/apps/:appId/groups/:groupId", (req) => this.withApp(req, (app) => this.assignGroup(app, req))),
      r("DELETE", "/api/v1/apps/:appId/groups/:groupId", (req) =>
        this.withApp(req, (app) =>
          this.assignmentsOf(app.id).delete(req.params.groupId)
            ? { status: 204 }
            : notFound(`AppGroup ${req.params.groupId}`),
        ),
      ),
      r("POST", "/api/v1/apps/:appId/group-push/mappings", (req) =>
        this.withApp(req, (app) => this.createPushMapping(app, req.body)),
      ),
      // listGroupPushMappings: cursor-paged, limit at most 1000.
      r("GET", "/api/v1/apps/:appId/group-push/mappings", (req) =>
        this.withApp(req, (app) => this.page(req, [...(this.pushMappings.get(app.id)?.values() ?? [])], 1000)),
      ),
      r("GET", "/api/v1/apps/:appId/group-push/mappings/:mappingId", (req) => this.withMapping(req, (m) => ok(m))),
      r("PATCH", "/api/v1/apps/:appId/group-push/mappings/:mappingId", (req) =>
        this.withMapping(req, (m) => {
          if (req.body?.status !== "ACTIVE" && req.body?.status !== "INACTIVE")
            return oktaError(400, "E0000001", "Api validation failed: status");
          Object.assign(m, { status: req.body.status, lastUpdated: this.ids.now() });
          return ok(m);
        }),
      ),
      r("DELETE", "/api/v1/apps/:appId/group-push/mappings/:mappingId", (req) =>
        this.withMapping(req, (m) => {
          if (m.status !== "INACTIVE")
            return oktaError(400, "E0000001", "Api validation failed: the mapping must be INACTIVE to be deleted");
          this.pushMappings.get(req.params.appId)!.delete(m.id);
          return { status: 204 };
        }),
      ),
      ...this.authServerRoutes(),
    ];
  }

  private listGroups(req: FakeRequest): FakeResponse {
    let groups = this.groups;
    const search = req.query.get("search");
    const q = req.query.get("q");
    const filter = req.query.get("filter");
    try {
      for (const expression of [search, filter]) {
        if (expression === null) continue;
        const match = parseSearch(expression);
        groups = groups.filter((g) => match((attr) => attr.split(".").reduce<Json | undefined>((v, k) => v?.[k], g)));
      }
    } catch (e) {
      return oktaError(400, "E0000031", `Invalid search criteria. ${(e as Error).message}`);
    }
    if (q !== null) groups = groups.filter((g) => g.profile.name.toLowerCase().startsWith(q.toLowerCase()));
    return this.page(req, groups);
  }

  /** Okta's cursor paging: `limit` (at most `max`), `after` the last ID seen, a `Link: rel="next"` header. */
  private page(req: FakeRequest, items: Json[], max = PAGE_LIMIT_MAX): FakeResponse {
    const limit = Math.min(Number(req.query.get("limit") ?? max), max);
    const after = req.query.get("after");
    const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
    const page = items.slice(start, start + limit);
    const headers: Record<string, string> = {};
    if (start + limit < items.length) {
      const next = new URLSearchParams(req.query);
      next.set("after", page[page.length - 1].id);
      headers.link = `<${this.baseUrl}${req.path}?${next}>; rel="next"`;
    }
    return { status: 200, body: page, headers };
  }

  private withApp(req: FakeRequest, then: (app: Json) => FakeResponse): FakeResponse {
    const app = this.apps.get(req.params.appId);
    return app ? then(app) : notFound(`App ${req.params.appId}`);
  }

  private withMapping(req: FakeRequest, then: (mapping: Json) => FakeResponse): FakeResponse {
    return this.withApp(req, (app) => {
      const m = this.pushMappings.get(app.id)?.get(req.params.mappingId);
      return m ? then(m) : notFound(`GroupPushMapping ${req.params.mappingId}`);
    });
  }

  private createApp(req: FakeRequest): FakeResponse {
    const body = req.body ?? {};
    if (!body.name || !body.label || !body.signOnMode)
      return oktaError(400, "E0000001", "Api validation failed: name, label and signOnMode are required");
    const id = this.ids.okta("0oa");
    const now = this.ids.now();
    const app: Json = {
      ...body,
      id,
      status: req.query.get("activate") === "false" ? "INACTIVE" : "ACTIVE",
      created: now,
      lastUpdated: now,
      credentials: withDefaultUserNameTemplate(body.credentials),
      settings: body.settings ?? {},
      _links: { metadata: { href: `${this.baseUrl}/api/v1/apps/${id}/sso/saml/metadata` } },
    };
    if (body.signOnMode === "OPENID_CONNECT") {
      app.credentials.oauthClient = { ...app.credentials.oauthClient, client_id: id, autoKeyRotation: true };
      this.clientSecrets.set(id, app.credentials.oauthClient.client_secret ?? `fakeClientSecret${id}`);
      delete app.credentials.oauthClient.client_secret;
      this.apps.set(id, app);
      return ok(withClientSecret(publicApp(app), this.clientSecrets.get(id)!));
    }
    if (body.signOnMode === "SAML_2_0") {
      const kid = `fakeKid${id}`;
      app.credentials.signing = { kid };
      app._keys = [
        {
          kid,
          kty: "RSA",
          use: "sig",
          e: "AQAB",
          n: "fake",
          x5c: ["MIIfake"],
          created: now,
          lastUpdated: now,
          expiresAt: "2036-01-01T00:00:00.000Z",
        },
      ];
    }
    this.apps.set(id, app);
    return ok(publicApp(app));
  }

  private updateApp(app: Json, body: Json): FakeResponse {
    const credentials = withDefaultUserNameTemplate(body?.credentials);
    // PUT replaces the app's settings; Okta keeps what the caller cannot set (IDs, client ID, signing key).
    Object.assign(app, {
      ...body,
      id: app.id,
      status: app.status,
      created: app.created,
      lastUpdated: this.ids.now(),
      credentials: {
        ...credentials,
        ...(app.credentials.oauthClient
          ? { oauthClient: { ...credentials.oauthClient, client_id: app.credentials.oauthClient.client_id } }
          : {}),
        ...(app.credentials.signing ? { signing: app.credentials.signing } : {}),
      },
    });
    if (!app.credentials.oauthClient) return ok(publicApp(app));
    // A secret sent replaces the app's; none sent keeps it. Okta returns it on update as on create
    // (okta provider 4.20 resource_okta_app_oauth.go: "always returned from the API on update"), never on a read.
    if (app.credentials.oauthClient.client_secret)
      this.clientSecrets.set(app.id, app.credentials.oauthClient.client_secret);
    delete app.credentials.oauthClient.client_secret;
    return ok(withClientSecret(publicApp(app), this.clientSecrets.get(app.id)!));
  }

  private assignmentsOf(appId: string): Map<string, Json> {
    if (!this.assignments.has(appId)) this.assignments.set(appId, new Map());
    return this.assignments.get(appId)!;
  }

  private assignGroup(app: Json, req: FakeRequest): FakeResponse {
    const groupId = req.params.groupId;
    if (!this.groups.some((g) => g.id === groupId)) return notFound(`Group ${groupId}`);
    const assignment = {
      id: groupId,
      priority: req.body?.priority ?? this.assignmentsOf(app.id).size,
      profile: req.body?.profile ?? {},
      lastUpdated: this.ids.now(),
      _links: {},
    };
    this.assignmentsOf(app.id).set(groupId, assignment);
    return ok(assignment);
  }

  private createPushMapping(app: Json, body: Json | undefined): FakeResponse {
    const source = this.groups.find((g) => g.id === body?.sourceGroupId);
    if (!source) return oktaError(400, "E0000001", "Api validation failed: sourceGroupId");
    if ((body?.targetGroupName === undefined) === (body?.targetGroupId === undefined)) {
      return oktaError(400, "E0000001", "Api validation failed: give exactly one of targetGroupName and targetGroupId");
    }
    const mappings = this.pushMappings.get(app.id) ?? new Map<string, Json>();
    this.pushMappings.set(app.id, mappings);
    const now = this.ids.now();
    const mapping = {
      id: this.ids.okta("gPm"),
      sourceGroupId: source.id,
      targetGroupId: body!.targetGroupId ?? this.ids.okta("00g"),
      status: body!.status ?? "ACTIVE",
      created: now,
      lastUpdated: now,
      lastPush: now,
      errorSummary: null,
      _links: {},
    };
    mappings.set(mapping.id, mapping);
    return ok(mapping);
  }

  /** Authorization servers and their scopes, claims, policies and rules: plain create/read/replace/delete. */
  private authServerRoutes(): Route[] {
    const base = "/api/v1/authorizationServers";
    const children = (serverId: string, kind: string) => {
      const key = `${serverId}/${kind}`;
      if (!this.serverChildren.has(key)) this.serverChildren.set(key, new Map());
      return this.serverChildren.get(key)!;
    };
    // Servers, policies and rules have lifecycle operations; scopes and claims do not.
    const collection = (
      path: string,
      prefix: string,
      of: (req: FakeRequest) => Map<string, Json> | undefined,
      defaults: Json = {},
      lifecycle = false,
    ): Route[] => {
      const item = (req: FakeRequest, then: (items: Map<string, Json>, item: Json) => FakeResponse): FakeResponse => {
        const items = of(req);
        const found = items?.get(req.params.itemId);
        return items && found ? then(items, found) : notFound(`${path} ${req.params.itemId}`);
      };
      return [
        { method: "GET", path, handle: (req) => (of(req) ? ok([...of(req)!.values()]) : notFound(path)) },
        {
          method: "POST",
          path,
          handle: (req) => {
            const items = of(req);
            if (!items) return notFound(path);
            const now = this.ids.now();
            const created = { ...defaults, ...req.body, id: this.ids.okta(prefix), created: now, lastUpdated: now };
            items.set(created.id, created);
            return ok(created);
          },
        },
        { method: "GET", path: `${path}/:itemId`, handle: (req) => item(req, (_, found) => ok(found)) },
        {
          method: "PUT",
          path: `${path}/:itemId`,
          handle: (req) =>
            item(req, (_, found) =>
              ok(
                Object.assign(found, {
                  ...req.body,
                  id: found.id,
                  created: found.created,
                  lastUpdated: this.ids.now(),
                }),
              ),
            ),
        },
        {
          method: "DELETE",
          path: `${path}/:itemId`,
          handle: (req) => item(req, (items, found) => (items.delete(found.id), { status: 204 })),
        },
        ...(lifecycle ? (["activate", "deactivate"] as const) : []).map((action) => ({
          method: "POST",
          path: `${path}/:itemId/lifecycle/${action}`,
          handle: (req: FakeRequest) =>
            item(req, (_, found) => ((found.status = action === "activate" ? "ACTIVE" : "INACTIVE"), { status: 204 })),
        })),
      ];
    };
    const server = (req: FakeRequest) => this.authServers.get(req.params.serverId);
    return [
      ...collection(
        base,
        "aus",
        () => this.authServers,
        { status: "ACTIVE", issuerMode: "ORG_URL", credentials: { signing: { rotationMode: "AUTO" } } },
        true,
      ),
      ...collection(`${base}/:serverId/scopes`, "scp", (req) =>
        server(req) ? children(req.params.serverId, "scopes") : undefined,
      ),
      ...collection(
        `${base}/:serverId/claims`,
        "ocl",
        (req) => (server(req) ? children(req.params.serverId, "claims") : undefined),
        { status: "ACTIVE" },
      ),
      ...collection(
        `${base}/:serverId/policies`,
        "00p",
        (req) => (server(req) ? children(req.params.serverId, "policies") : undefined),
        { status: "ACTIVE" },
        true,
      ),
      ...collection(
        `${base}/:serverId/policies/:policyId/rules`,
        "0pr",
        (req) =>
          server(req) && children(req.params.serverId, "policies").has(req.params.policyId)
            ? children(req.params.serverId, `policies/${req.params.policyId}/rules`)
            : undefined,
        { status: "ACTIVE" },
        true,
      ),
    ];
  }
}

function ok(body: unknown): FakeResponse {
  return { status: 200, body };
}

/** Okta's default username format when the caller sends none: the Okta username. */
function withDefaultUserNameTemplate(credentials: Json | undefined): Json {
  return {
    ...credentials,
    userNameTemplate: credentials?.userNameTemplate ?? { template: "${source.login}", type: "BUILT_IN" },
  };
}

/** An OIDC app's answer to create or update: with its client secret. */
function withClientSecret(app: Json, secret: string): Json {
  return {
    ...app,
    credentials: { ...app.credentials, oauthClient: { ...app.credentials.oauthClient, client_secret: secret } },
  };
}

/** The app as the API returns it: no fake-internal fields. */
function publicApp(app: Json): Json {
  const { _keys, ...rest } = app;
  return rest;
}

/** A SAML app's IdP metadata, with what the provider reads: entityID, SSO endpoints, the signing certificate. */
function samlMetadata(app: Json, baseUrl: string): FakeResponse {
  const entity = `http://www.okta.com/exk${app.id.slice(3)}`;
  return {
    status: 200,
    headers: { "content-type": "application/xml" },
    text:
      `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entity}">` +
      '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
      '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIfake</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>' +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${baseUrl}/app/${app.name}/${app.id}/sso/saml"/>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${baseUrl}/app/${app.name}/${app.id}/sso/saml"/>` +
      "</md:IDPSSODescriptor></md:EntityDescriptor>",
  };
}
