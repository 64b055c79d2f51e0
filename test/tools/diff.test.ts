import * as path from "path";
import type { Diff, StackDiff } from "../../tools/diff/compare";
import { main } from "../../tools/diff";
import { captureIo, FIXTURES } from "../support/tools";

const base = path.join(FIXTURES, "base");
const head = path.join(FIXTURES, "head");

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

async function jsonDiff(): Promise<Diff> {
  return JSON.parse((await run("--base-dir", base, "--head-dir", head, "--json")).out) as Diff;
}

function stack(diff: Diff, name: string): StackDiff {
  const found = diff.stacks.find((s) => s.name === name);
  if (!found) throw new Error(`no stack ${name} in diff`);
  return found;
}

/** Literal values the fixtures mark sensitive or name like secrets. */
const SECRETS = [
  "literal-idp-secret-old",
  "literal-idp-secret-new",
  "plain-old-header",
  "plain-new-header",
  "variable-old-default",
  "variable-new-default",
];

describe("diff of two synthesized outdirs", () => {
  it("reports stacks added and removed", async () => {
    const diff = await jsonDiff();
    expect(stack(diff, "cloudflare-dashboard-scim").status).toBe("added");
    expect(stack(diff, "legacy-dashboard").status).toBe("removed");
    expect(diff.summary.stacks).toEqual({ added: 2, removed: 2, changed: 2, unchanged: 0 });
  });

  it("reports resources added, removed and changed with dotted paths for nested attributes", async () => {
    const access = stack(await jsonDiff(), "cloudflare-access");
    expect(access.resources.added.map((r) => r.name)).toEqual(["cloudflare_zero_trust_access_group.admins"]);
    expect(access.resources.removed.map((r) => r.name)).toEqual(["cloudflare_zero_trust_access_group.legacy"]);
    expect(access.resources.changed[0].changes).toContainEqual({
      path: "scim_config.identity_update_behavior",
      old: "no_action",
      new: "reauth",
    });
  });

  it("reports list elements by index and absent sides as missing", async () => {
    const oidc = stack(await jsonDiff(), "okta-access-oidc");
    const app = oidc.resources.changed.find((c) => c.name === "okta_app_oauth.oidc");
    expect(app?.changes).toEqual([
      { path: "groups_claim.value", old: ".*", new: "^cf-.*" },
      { path: "redirect_uris[1]", new: "https://team2.cloudflareaccess.com/cdn-cgi/access/callback" },
    ]);
  });

  it("reports outputs added, removed and changed", async () => {
    const { outputs } = stack(await jsonDiff(), "cloudflare-access");
    expect(outputs.added.map((o) => o.name)).toEqual(["scim_base_url"]);
    expect(outputs.removed.map((o) => o.name)).toEqual(["legacy_group_id"]);
    expect(outputs.changed).toEqual([
      {
        name: "login_method_id",
        changes: [
          {
            path: "value",
            old: "${cloudflare_zero_trust_access_identity_provider.login.id}",
            new: "${cloudflare_zero_trust_access_identity_provider.okta.id}",
          },
        ],
      },
    ]);
  });

  it("reports provider and backend settings", async () => {
    expect(stack(await jsonDiff(), "cloudflare-access").settings).toEqual([
      { path: "terraform.required_providers.cloudflare.version", old: "5.14.0", new: "5.15.0" },
    ]);
  });

  it("ignores cdktf // metadata that changes without meaning", async () => {
    const { out } = await run("--base-dir", base, "--head-dir", head, "--json");
    expect(out).not.toContain("okta_group.everyone");
    expect(out).not.toContain('"//"');
    expect(out).not.toContain("uniqueId");
    expect(out).not.toContain("0.21.1");
  });

  it("points a resource whose construct path moved at its likely origin", async () => {
    const oidc = stack(await jsonDiff(), "okta-access-oidc");
    expect(oidc.resources.added).toEqual([
      {
        name: "okta_group.groups_readers_5F3A",
        constructPath: "okta-access-oidc/groups/readers",
        possiblyMovedFrom: "okta_group.readers",
      },
    ]);
    const { out } = await run("--base-dir", base, "--head-dir", head);
    expect(out).toContain("possibly moved from `okta_group.readers`");
  });

  it("shows a renamed stack as removed + added, possibly renamed", async () => {
    const diff = await jsonDiff();
    expect(stack(diff, "okta-access-scim-header")).toMatchObject({
      status: "added",
      possiblyRenamedFrom: "okta-access-scim",
    });
    expect(stack(diff, "okta-access-scim")).toMatchObject({
      status: "removed",
      possiblyRenamedTo: "okta-access-scim-header",
    });
    // Different resources: not a rename.
    expect(stack(diff, "cloudflare-dashboard-scim").possiblyRenamedFrom).toBeUndefined();
    const { out } = await run("--base-dir", base, "--head-dir", head);
    expect(out).toContain("### `okta-access-scim-header`: added (possibly renamed from `okta-access-scim`)");
  });

  it("puts a renamed stack first among the destructive changes: its state starts empty", async () => {
    const diff = await jsonDiff();
    expect(diff.destructive).toEqual([
      expect.objectContaining({ kind: "state-moves", stack: "okta-access-scim-header" }),
    ]);
    const { out } = await run("--base-dir", base, "--head-dir", head);
    expect(out).toMatch(
      /^## Destructive changes\n\n- \*\*`okta-access-scim-header`: state moves\.\*\* `okta-access-scim` is renamed/,
    );
  });

  it("renders markdown: heading, summary line with counts, a section per changed stack", async () => {
    const { code, out, err } = await run("--base-dir", base, "--head-dir", head);
    expect(code).toBe(0);
    expect(err).toBe("");
    const lines = out.split("\n");
    const heading = lines.findIndex((l) => l.startsWith("## Synthesized diff: "));
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 2]).toBe(
      "**Stacks: 2 added, 2 removed, 2 changed, 0 unchanged** · resources: 5 added, 5 removed, 3 changed · " +
        "outputs: 2 added, 1 removed, 2 changed · variables: 0 added, 0 removed, 1 changed · settings: 1 changed",
    );
    expect(lines.filter((l) => l.startsWith("### "))).toHaveLength(6);
    expect(out).toContain('- `scim_config.identity_update_behavior`: `"no_action"` -> `"reauth"`');
    expect(out).toContain("cdktf destroy legacy-dashboard");
  });
});

describe("redaction", () => {
  it.each([["markdown"], ["json"]])("never shows sensitive or secret-named values in %s", async (format) => {
    const argv = ["--base-dir", base, "--head-dir", head, ...(format === "json" ? ["--json"] : [])];
    const { out } = await run(...argv);
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    expect(out).toContain("(sensitive)");
  });

  it("still says that a secret changed", async () => {
    const diff = await jsonDiff();
    const idp = stack(diff, "cloudflare-access").resources.changed[0];
    expect(idp.changes).toContainEqual({ path: "config.client_secret", old: "(sensitive)", new: "(sensitive)" });
    expect(stack(diff, "okta-access-oidc").outputs.changed).toEqual([
      { name: "scim_header_value", changes: [{ path: "value", old: "(sensitive)", new: "(sensitive)" }] },
    ]);
  });
});

describe("exit codes", () => {
  it("says so when nothing changed, exit 0 even with --exit-code", async () => {
    const { code, out } = await run("--base-dir", base, "--head-dir", base, "--exit-code");
    expect(code).toBe(0);
    expect(out).toContain("No changes");
  });

  it("exits 3 with --exit-code when something changed, 0 without", async () => {
    expect((await run("--base-dir", base, "--head-dir", head, "--exit-code")).code).toBe(3);
    expect((await run("--base-dir", base, "--head-dir", head)).code).toBe(0);
  });

  it.each([
    [["--base-dir", "/nonexistent/outdir", "--head-dir", head], /manifest\.json not found at .*npm run synth/, 1],
    [["--head-dir", head], /exactly one of --base <git ref> or --base-dir.*see --help/, 2],
    [["--base", "main", "--base-dir", base], /exactly one of/, 2],
    [["--base-dir", base, "--frobnicate"], /Unknown option '--frobnicate'.*see --help/, 2],
  ])("exits with one line naming the problem for %j: 1 failure, 2 usage", async (argv, message, exit) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(exit);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^diff: /);
  });

  it("prints usage for --help", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toContain("--base <ref>");
  });
});
