import fc from "fast-check";
import { isJsonKey } from "../../src/private/validation";

// Configs that follow src/config/schema.ts, built by hand from its rules (not from the schema, so a
// schema that drifts from what users can write shows up here), and ways to break them.

const word = fc.constantFrom(
  "Engineering",
  "Finance",
  "Sales Team",
  "IT/Ops",
  "R&D",
  "Ünïcode Grüppe",
  'Say "hi"',
  "back\\slash",
  "a.b",
);
/** Okta group names: any text but `${`/`%{` and what cdktf cannot key by; names starting with "CF" are kept out (dashboard SCIM refuses them). */
const groupName = fc
  .oneof(word, fc.string({ minLength: 1, maxLength: 40 }))
  .filter((n) => !/[$%]\{/.test(n) && !/^cf/i.test(n) && isJsonKey(n));
const groupId = fc.stringMatching(/^00g[A-Za-z0-9]{17}$/);
const groups = fc.uniqueArray(fc.oneof({ arbitrary: groupName, weight: 4 }, { arbitrary: groupId, weight: 1 }), {
  minLength: 1,
  maxLength: 5,
});
const isGroupId = (g: string) => /^00g[A-Za-z0-9]{17}$/.test(g);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Names and labels: any text Terraform takes literally (no `${` or `%{`). */
const text = fc.string({ minLength: 1, maxLength: 30 }).filter((t) => !/[$%]\{/.test(t));

/** Assigned groups with push groups drawn from them (at least one), as the schema requires. */
const assignedAndPushed = groups.chain((assignedGroups) =>
  fc.record({
    assignedGroups: fc.constant(assignedGroups),
    pushGroups: optional(fc.subarray(assignedGroups, { minLength: 1 })),
  }),
);

const scimSettings = fc
  .record({
    enabled: optional(fc.boolean()),
    userDeprovision: optional(fc.boolean()),
    seatDeprovision: optional(fc.boolean()),
    identityUpdateBehavior: optional(fc.constantFrom("automatic", "reauth", "no_action")),
    appLabel: optional(text),
    provisioningConfigured: optional(fc.boolean()),
  })
  // Seat removal needs user deprovisioning.
  .map((s) => (s.userDeprovision === false && s.seatDeprovision ? { ...s, seatDeprovision: false } : s));

const authorizationServer = fc.oneof(
  fc.constant({}),
  fc.record({ createAuthorizationServer: fc.boolean() }),
  fc.record({ authorizationServerId: fc.stringMatching(/^aus[A-Za-z0-9]{10,30}$/) }),
);

const loginWithoutAccessGroups = fc
  .tuple(
    fc.record({
      name: optional(text),
      appLabel: optional(text),
      groupsClaimRegex: optional(fc.constantFrom(".*", "^eng-.*", "Engineering|Finance", "[A-Z]+")),
      pkce: optional(fc.boolean()),
      claims: optional(fc.array(fc.constantFrom("email", "profile", "groups", "department"), { maxLength: 3 })),
      preventDestroy: optional(fc.boolean()),
    }),
    authorizationServer,
    groups,
    optional(fc.tuple(scimSettings, assignedAndPushed)),
  )
  .map(([login, server, assignedGroups, scim]) => ({
    ...login,
    ...server,
    assignedGroups,
    scim: scim && { ...scim[0], ...scim[1] },
  }));

/** Groups Access SCIM pushes (src/config/access-policies-schema.ts). */
function pushed(login: { scim?: { enabled?: boolean; assignedGroups: string[]; pushGroups?: string[] } }): string[] {
  return login.scim && login.scim.enabled !== false ? (login.scim.pushGroups ?? login.scim.assignedGroups) : [];
}

/** Access groups are pushed group names; left to default only when no pushed group is an ID. */
const accessLogin = loginWithoutAccessGroups.chain((login) => {
  const names = pushed(login).filter((g) => !isGroupId(g));
  const explicit = fc
    .subarray(names)
    .map((accessGroups) => ({ ...login, accessGroups: accessGroups as string[] | undefined }));
  return pushed(login).some(isGroupId)
    ? explicit
    : fc.oneof(fc.constant({ ...login, accessGroups: undefined }), explicit);
});

/** Self-hosted applications allowing some of the login's Access groups; none when there are none. */
function accessApplications(accessGroups: string[]) {
  if (accessGroups.length === 0) return fc.constant(undefined);
  const app = (i: number) =>
    fc.record({
      name: fc.constant(`App ${i}`),
      domain: fc.constantFrom(`app${i}.acme.example`, `acme.example/app${i}`),
      sessionDuration: optional(fc.constantFrom("24h", "30m", "2h45m")),
      allowGroups: fc.subarray(accessGroups, { minLength: 1 }),
    });
  return optional(fc.nat({ max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n + 1 }, (_, i) => app(i)))));
}

const dashboardScim = fc
  .tuple(
    fc.record({
      enabled: optional(fc.boolean()),
      appLabel: optional(text),
      provisioningConfigured: optional(fc.boolean()),
      provisioning: optional(
        fc.record({ createUsers: optional(fc.boolean()), updateUserAttributes: optional(fc.constant(false)) }),
      ),
      token: optional(
        fc.record({
          name: optional(fc.constantFrom("Okta dashboard SCIM", "okta-scim")),
          expiresOn: optional(fc.constant("2030-01-01T00:00:00Z")),
        }),
      ),
    }),
    assignedAndPushed,
  )
  .map(([d, g]) => ({ ...d, ...g }));

const provider = fc.record({
  maxRetries: optional(fc.integer({ min: 1, max: 100 })),
  minWaitSeconds: optional(fc.integer({ min: 1, max: 300 })),
  maxWaitSeconds: optional(fc.integer({ min: 300, max: 3600 })),
  maxApiCapacity: optional(fc.integer({ min: 1, max: 100 })),
  parallelism: optional(fc.integer({ min: 1, max: 20 })),
  backoff: optional(fc.constant(true)),
});

const backend = fc.oneof(
  fc.record({
    type: fc.constant("local"),
    directory: optional(fc.constantFrom(".", "state", "state/../shared-state")),
  }),
  fc
    .tuple(
      fc.record({
        type: fc.constant("s3"),
        bucket: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{2,20}$/),
        region: fc.constantFrom("eu-west-1", "us-east-1", "ap-southeast-2", "eu-central-1"),
        keyPrefix: optional(fc.constantFrom("okta", "infra/identity")),
        encrypt: optional(fc.boolean()),
        kmsKeyId: optional(fc.constant("alias/terraform")),
      }),
      fc.oneof(fc.record({ useLockfile: fc.boolean() }), fc.record({ dynamodbTable: fc.constant("terraform-locks") })),
    )
    .map(([s3, lock]) => ({ ...s3, ...lock })),
  fc.record({
    type: fc.constant("cloud"),
    organization: fc.constantFrom("acme", "Acme Corp"),
    workspacePrefix: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
    hostname: optional(fc.constant("tfe.example.com")),
  }),
);

/** A config the schema must accept (undefined members are dropped when written as JSON). */
export const validConfig = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/),
    okta: fc.record({
      orgName: fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/),
      baseUrl: optional(fc.constantFrom("okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com")),
      provider: optional(provider),
    }),
    cloudflare: fc.record({
      accountId: fc.stringMatching(/^[0-9a-f]{32}$/),
      teamName: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
    }),
    accessLogin,
    dashboardScim: optional(dashboardScim),
    backend: optional(backend),
  })
  .chain((config) =>
    accessApplications(config.accessLogin.accessGroups ?? pushed(config.accessLogin)).map((apps) => ({
      ...config,
      accessApplications: apps,
    })),
  );

/** Every path to a value inside a JSON value, objects and lists alike (the root excluded). */
export function valuePaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...valuePaths(v, [...prefix, i])]);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) =>
      v === undefined ? [] : [[...prefix, k], ...valuePaths(v, [...prefix, k])],
    );
  }
  return [];
}

/** Fields with a pattern, where random text is most likely to find a gap in validation. */
export const patternedFields = [
  ["name"],
  ["okta", "orgName"],
  ["okta", "baseUrl"],
  ["cloudflare", "accountId"],
  ["cloudflare", "teamName"],
  ["accessLogin", "groupsClaimRegex"],
  ["accessLogin", "authorizationServerId"],
  ["accessLogin", "assignedGroups", 0],
  ["accessLogin", "name"],
  ["accessLogin", "appLabel"],
  ["accessLogin", "claims", 0],
  ["dashboardScim", "token", "name"],
  ["accessApplications", 0, "domain"],
  ["backend", "bucket"],
  ["backend", "region"],
  ["backend", "workspacePrefix"],
];

/** Any JSON value, the replacement for a field of the wrong type. */
export const anyJson = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/** Random text, from any Unicode (lone surrogates and control characters included). */
export const anyText = fc.string({ unit: "binary", maxLength: 70 });
