import { compare, type Diff } from "../../tools/diff/compare";
import type { DestructiveChange } from "../../tools/diff/destructive";
import { loadOutdir, type StackModel, type SynthModel } from "../../tools/diff/load";
import { renderMarkdown } from "../../tools/diff/render-markdown";
import { exampleConfigInput, synthApp } from "../support/helpers";

type Edit = (config: ReturnType<typeof exampleConfigInput>) => void;

const labels = { base: "main", head: "working tree" };

function synth(edit: Edit = () => undefined): SynthModel {
  const config = exampleConfigInput();
  edit(config);
  return loadOutdir(synthApp(config).outdir);
}

let example: SynthModel | undefined;
/** The example config synthesized once: the base of most cases. */
function exampleModel(): SynthModel {
  return (example ??= synth());
}

/** The destructive changes when the example config (edited by `before`) becomes the one edited by `after`. */
function destructive(after: Edit, before?: Edit): DestructiveChange[] {
  return compare(before ? synth(before) : exampleModel(), synth(after), labels).destructive;
}

const s3 = { type: "s3" as const, bucket: "acme-tf", region: "eu-west-1", keyPrefix: "identity", useLockfile: true };
const cloud = { type: "cloud" as const, organization: "acme", workspacePrefix: "identity" };
const STACKS = 6;

describe("state moves", () => {
  it.each<[string, Edit, Edit, string]>([
    [
      "the config name (s3 key)",
      (c) => (c.backend = s3),
      (c) => ((c.backend = s3), (c.name = "acme2")),
      "terraform.backend.s3.key",
    ],
    [
      "the keyPrefix",
      (c) => (c.backend = s3),
      (c) => (c.backend = { ...s3, keyPrefix: "idp" }),
      "terraform.backend.s3.key",
    ],
    [
      "the bucket",
      (c) => (c.backend = s3),
      (c) => (c.backend = { ...s3, bucket: "other-tf" }),
      "terraform.backend.s3.bucket",
    ],
    ["the backend type", () => undefined, (c) => (c.backend = s3), "terraform.backend.local.path"],
    [
      "the cloud organization",
      (c) => (c.backend = cloud),
      (c) => (c.backend = { ...cloud, organization: "acme-eu" }),
      "terraform.cloud.organization",
    ],
    [
      "the workspace prefix",
      (c) => (c.backend = cloud),
      (c) => (c.backend = { ...cloud, workspacePrefix: "idp" }),
      "terraform.cloud.workspaces.name",
    ],
    [
      "the local directory",
      () => undefined,
      (c) => (c.backend = { type: "local", directory: "state" }),
      "terraform.backend.local.path",
    ],
  ])("changing %s moves every stack to an empty state", (_, before, after, path) => {
    const found = destructive(after, before);
    expect(found).toHaveLength(STACKS);
    for (const d of found) {
      expect(d.kind).toBe("state-moves");
      expect(d.effect).toMatch(/starts empty: Terraform creates all its resources again/);
      expect(d.action).toContain("terraform state pull");
      expect(d.causes?.map((c) => c.path)).toContain(path);
    }
  });

  it("no alarm when the backend stays where it is: same settings, a new lock, or a name the local backend does not use", () => {
    const lockfile = (c: Parameters<Edit>[0]) => (c.backend = s3);
    expect(
      destructive((c) => (c.backend = { ...s3, useLockfile: undefined, dynamodbTable: "locks" }), lockfile),
    ).toEqual([]);
    expect(destructive((c) => (c.name = "acme2"))).toEqual([]);
    expect(compare(exampleModel(), exampleModel(), labels).destructive).toEqual([]);
  });

  it("lists the state moves together, before the other kinds", () => {
    const found = destructive(
      (c) => (
        (c.backend = s3),
        (c.name = "acme2"),
        (c.accessLogin.scim!.assignedGroups = ["Engineering"]),
        (c.accessLogin.scim!.pushGroups = ["Engineering"])
      ),
      (c) => (c.backend = s3),
    );
    expect(found.map((d) => d.kind)).toEqual([...Array<string>(STACKS).fill("state-moves"), "groups-unassigned"]);
  });

  it("keeps a credential in the cloud block out of the entry", () => {
    const withToken = (token: string, organization: string): SynthModel => {
      const model = structuredClone(exampleModel());
      for (const stack of Object.values(model)) stack.settings.terraform = { cloud: { organization, token } };
      return model;
    };
    const diff = compare(
      withToken("old-secret-token-value", "acme"),
      withToken("new-secret-token-value", "acme-eu"),
      labels,
    );
    expect(diff.destructive).toHaveLength(STACKS);
    const text = JSON.stringify(diff) + renderMarkdown(diff);
    expect(text).not.toMatch(/secret-token-value/);
    expect(diff.destructive[0].causes).toContainEqual({
      path: "terraform.cloud.token",
      old: "(sensitive)",
      new: "(sensitive)",
    });
  });
});

describe("replaced or destroyed", () => {
  it("a new Cloudflare account replaces the login method, the account token and each Access application", () => {
    const found = destructive((c) => (c.cloudflare.accountId = "fedcba9876543210fedcba9876543210"));
    expect(found.map((d) => [d.kind, d.stack, d.resource?.split(".")[0]])).toEqual([
      ["replaced", "cloudflare-access", "cloudflare_zero_trust_access_identity_provider"],
      ["replaced", "cloudflare-access-policies", "cloudflare_zero_trust_access_application"],
      ["replaced", "cloudflare-dashboard-scim", "cloudflare_account_token"],
    ]);
    const [login, application, token] = found;
    expect(login.causes).toEqual([
      { path: "account_id", old: "0123456789abcdef0123456789abcdef", new: "fedcba9876543210fedcba9876543210" },
    ]);
    expect(login.effect).toMatch(/nobody signs in to Access with Okta.*new SCIM secret/);
    expect(login.action).toContain("`accessLogin.preventDestroy`");
    expect(application.effect).toContain("new AUD tag");
    expect(token.action).toContain("`dashboardScim.token.preventDestroy`");
  });

  it("renaming an Access application destroys it (its address follows the name): a new AUD tag", () => {
    const [found, ...rest] = destructive((c) => (c.accessApplications![0].name = "Docs"));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ kind: "destroyed", stack: "cloudflare-access-policies" });
    expect(found.effect).toMatch(
      /^Terraform destroys the Access application "Wiki" and creates `cloudflare_zero_trust_access_application\.\S+` instead: a new application has a new AUD tag/,
    );
    expect(found.action).toMatch(
      /add a `moved` block from `cloudflare_zero_trust_access_application\.application-Wiki_\w+` to `cloudflare_zero_trust_access_application\.application-Docs_\w+`/,
    );
  });

  it("a new domain updates the Access application in place and keeps its AUD tag: no alarm", () => {
    expect(destructive((c) => (c.accessApplications![0].domain = "docs.acme.example"))).toEqual([]);
  });

  it("names changed in place are no alarm: login method, OIDC app and SCIM app labels", () => {
    expect(
      destructive((c) => {
        c.accessLogin.name = "Okta SSO";
        c.accessLogin.appLabel = "Access";
        c.accessLogin.scim!.appLabel = "Access SCIM";
      }),
    ).toEqual([]);
  });
});

describe("groups taken off a SCIM app", () => {
  it("names the groups whose members Okta deprovisions", () => {
    const found = destructive((c) => {
      c.accessLogin.scim!.assignedGroups = ["Engineering"];
      c.accessLogin.scim!.pushGroups = ["Engineering"];
    });
    expect(found).toEqual([
      expect.objectContaining({ kind: "groups-unassigned", stack: "okta-access-scim", groups: ["Finance"] }),
    ]);
    expect(found[0].effect).toBe(
      '"Finance" is no longer assigned to the Okta SCIM app "Cloudflare Access SCIM": Okta deprovisions its members from Cloudflare (Deactivate Users), unless another assigned group still holds them.',
    );
  });

  it("names a group as written, though Terraform needs its `${` escaped", () => {
    const groups = ["Engineering", "50% ${team}"];
    const found = destructive(
      (c) => (
        (c.accessLogin.assignedGroups = groups),
        (c.accessLogin.scim!.assignedGroups = ["Engineering"]),
        (c.accessLogin.scim!.pushGroups = ["Engineering"])
      ),
      (c) => (
        (c.accessLogin.assignedGroups = groups),
        (c.accessLogin.scim!.assignedGroups = groups),
        (c.accessLogin.scim!.pushGroups = ["Engineering"])
      ),
    );
    expect(found.map((d) => d.groups)).toEqual([["50% ${team}"]]);
  });

  it("reads names with spaces from the dashboard app and ignores groups added", () => {
    const found = destructive((c) => {
      c.dashboardScim!.assignedGroups = ["Cloudflare Ops"];
      c.dashboardScim!.pushGroups = ["Cloudflare Ops"];
    });
    expect(found.map((d) => [d.stack, d.groups])).toEqual([["okta-dashboard-scim", ["Cloudflare Admins"]]]);
  });

  it("compares by group, not by position: a reordered list is no alarm", () => {
    const diff = compare(
      exampleModel(),
      synth((c) => (c.accessLogin.scim!.assignedGroups = ["Finance", "Engineering"])),
      labels,
    );
    expect(diff.changed).toBe(true);
    expect(diff.destructive).toEqual([]);
  });

  it("an OIDC app losing a group deprovisions nobody: no SCIM entry", () => {
    expect(
      destructive(
        () => undefined,
        (c) => (c.accessLogin.assignedGroups = ["Engineering", "Finance", "Sales"]),
      ),
    ).toEqual([]);
  });
});

/** One stack `s` holding `resources`, and `moved` blocks. */
function model(resources: StackModel["resources"], moved: StackModel["moved"] = []): SynthModel {
  return { s: { name: "s", resources, outputs: {}, variables: {}, settings: {}, moved } };
}

function kinds(base: SynthModel, head: SynthModel): string[] {
  return compare(base, head, labels).destructive.map((d) => `${d.kind} ${d.resource}`);
}

describe("force-new attributes (provider source at the pinned versions)", () => {
  const one = (type: string, attributes: Record<string, unknown>) => model({ [`${type}.x`]: { attributes } });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ["okta_app_oauth", { type: "web" }, { type: "browser" }, true],
    ["okta_app_oauth", { type: "web", label: "A" }, { type: "web", label: "B" }, false],
    ["okta_app_oauth", { client_id: "a" }, { client_id: "b" }, true],
    ["okta_app_oauth", { client_id: "a" }, {}, false],
    ["okta_app_oauth", { omit_secret: true }, { omit_secret: false }, true],
    ["okta_app_oauth", { omit_secret: true }, {}, true],
    ["okta_app_oauth", { omit_secret: false }, { omit_secret: true }, false],
    ["okta_app_saml", { preconfigured_app: "scim2headerauth" }, { preconfigured_app: "scim2testapp" }, true],
    ["okta_app_saml", { preconfigured_app: "scim2headerauth" }, {}, false],
    [
      "okta_app_saml",
      { preconfigured_app: "scim2headerauth", hide_web: true },
      { preconfigured_app: "scim2headerauth", hide_web: false },
      false,
    ],
    ["cloudflare_zero_trust_access_identity_provider", { type: "okta" }, { type: "oidc" }, true],
    [
      "cloudflare_zero_trust_access_identity_provider",
      { type: "okta", config: { claims: [] } },
      { type: "okta", config: { claims: ["a"] } },
      false,
    ],
    ["cloudflare_zero_trust_access_identity_provider", { account_id: "a" }, { zone_id: "z" }, true],
    ["cloudflare_account_token", { name: "a", expires_on: "2026-01-01T00:00:00Z" }, { name: "b" }, false],
    [
      "cloudflare_zero_trust_access_application",
      { name: "Wiki", domain: "a.example" },
      { name: "Docs", domain: "b.example" },
      false,
    ],
    ["okta_group", { type: "x" }, { type: "y" }, false],
  ])("%s %j -> %j replaces: %s", (type, before, after, replaced) => {
    expect(kinds(one(type, before), one(type, after))).toEqual(replaced ? [`replaced ${type}.x`] : []);
  });

  it("a new address without a moved block destroys; with one it is kept", () => {
    const base = model({ "okta_app_oauth.old": { attributes: { type: "web" } } });
    expect(kinds(base, model({ "okta_app_oauth.new": { attributes: { type: "web" } } }))).toEqual([
      "destroyed okta_app_oauth.old",
    ]);
    const moved = model({ "okta_app_oauth.new": { attributes: { type: "web" } } }, [
      { from: "okta_app_oauth.old", to: "okta_app_oauth.new" },
    ]);
    expect(kinds(base, moved)).toEqual([]);
    const movedAndRetyped = model({ "okta_app_oauth.new": { attributes: { type: "browser" } } }, [
      { from: "okta_app_oauth.old", to: "okta_app_oauth.new" },
    ]);
    expect(kinds(base, movedAndRetyped)).toEqual(["replaced okta_app_oauth.old"]);
  });

  it("a removed stack is no alarm: cdktf deploy does not destroy it", () => {
    expect(kinds(model({ "okta_app_oauth.x": { attributes: {} } }), {})).toEqual([]);
  });
});

describe("assignments in hand-written stacks", () => {
  const app = { "okta_app_saml.scim": { attributes: { label: "SCIM", preconfigured_app: "scim2testapp" } } };
  const assignments = (...groups: string[]) => ({
    attributes: {
      app_id: "${okta_app_saml.scim.id}",
      group: groups.map((g) => ({ id: `\${data.okta_group.${g}.id}` })),
    },
  });
  const lookups = {
    "data.okta_group.a": { attributes: { name: "Admins" } },
    "data.okta_group.b": { attributes: { name: "Billing" } },
  };

  it("names groups looked up by data sources, and every group when the assignments go", () => {
    const base = model({ ...app, ...lookups, "okta_app_group_assignments.x": assignments("a", "b") });
    const fewer = compare(
      base,
      model({ ...app, ...lookups, "okta_app_group_assignments.x": assignments("b") }),
      labels,
    );
    expect(fewer.destructive.map((d) => d.groups)).toEqual([["Admins"]]);
    const none = compare(base, model({ ...app, ...lookups }), labels);
    expect(none.destructive.map((d) => d.groups)).toEqual([["Admins", "Billing"]]);
    expect(none.destructive[0].action).toContain("`moved` block");
  });

  it("reads quoted names with escapes, and claims nothing for a list built by an expression", () => {
    const ids = (...keys: string[]) => ({
      attributes: { app_id: "${okta_app_saml.scim.id}", group: keys.map((k) => ({ id: `\${local.ids[${k}]}` })) },
    });
    const base = model({ ...app, "okta_app_group_assignments.x": ids('"Ops \\"EU\\""', '"Sales"') });
    const quoted = compare(base, model({ ...app, "okta_app_group_assignments.x": ids('"Sales"') }), labels);
    expect(quoted.destructive.map((d) => d.groups)).toEqual([['Ops "EU"']]);
    const built = model({
      ...app,
      "okta_app_group_assignments.x": { attributes: { app_id: "${okta_app_saml.scim.id}", group: "${local.all}" } },
    });
    expect(
      compare(built, model({ ...app, "okta_app_group_assignments.x": ids('"Sales"') }), labels).destructive,
    ).toEqual([]);
  });
});

describe("rendering", () => {
  let diff: Diff;
  beforeAll(() => {
    diff = compare(
      exampleModel(),
      synth((c) => {
        c.accessLogin.scim!.assignedGroups = ["Engineering"];
        c.accessLogin.scim!.pushGroups = ["Engineering"];
        c.cloudflare.accountId = "fedcba9876543210fedcba9876543210";
      }),
      labels,
    );
  });

  it("markdown starts with the destructive changes, each with what happens and what to do", () => {
    const lines = renderMarkdown(diff).split("\n");
    expect(lines[0]).toBe("## Destructive changes");
    const entries = lines.filter((l) => l.startsWith("- **"));
    expect(entries).toHaveLength(4);
    for (const entry of entries) expect(entry).toMatch(/: (replaced|members deprovisioned)\.\*\* .+ \*\*To do:\*\* .+/);
    expect(lines).toContain(
      '  - `account_id`: `"0123456789abcdef0123456789abcdef"` -> `"fedcba9876543210fedcba9876543210"`',
    );
    expect(lines.findIndex((l) => l.startsWith("## Synthesized diff"))).toBeGreaterThan(lines.lastIndexOf(entries[3]));
  });

  it("JSON carries the same entries", () => {
    const json = JSON.parse(JSON.stringify(diff)) as Diff;
    expect(json.destructive.map((d) => d.kind).sort()).toEqual([
      "groups-unassigned",
      "replaced",
      "replaced",
      "replaced",
    ]);
  });

  it("no section when nothing is destructive", () => {
    const calm = compare(
      exampleModel(),
      synth((c) => (c.accessLogin.name = "Okta SSO")),
      labels,
    );
    expect(renderMarkdown(calm)).toMatch(/^## Synthesized diff/);
  });
});
