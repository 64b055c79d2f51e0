import { existsSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { DiscoverCliDeps, main } from "../../tools/discover";
import { FakeCloudflare } from "../../e2e/fakes/cloudflare";
import { HandMadeFakes, HandMadeSetup, startHandMadeFakes } from "../../e2e/fakes/by-hand";
import { FakeOkta } from "../../e2e/fakes/okta";
import { FAKE_CLOUDFLARE_API_TOKEN, FAKE_OKTA_API_TOKEN } from "../../e2e/fakes/seed";
import { loadConfig } from "../../app/config/load";
import { synthApp } from "../support/helpers";
import { tempDir } from "../support/temp-dir";
import { planImportsStandIn, terraformOnPath } from "../support/terraform-console";

// npm run discover against the fake Okta and Cloudflare APIs (servers on 127.0.0.1), seeded with a
// setup made by hand: the draft it writes validates, and its synth imports every object made by hand.

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const credentials = { OKTA_API_TOKEN: FAKE_OKTA_API_TOKEN, CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_API_TOKEN };
const flags = ["--okta-org", "acme", "--account-id", ACCOUNT, "--team-name", "acme"];

describe("npm run discover on a setup made by hand (fake APIs)", () => {
  let fakes: HandMadeFakes;
  let okta: FakeOkta;
  let cloudflare: FakeCloudflare;
  let setup: HandMadeSetup;
  let deps: DiscoverCliDeps;
  const hosts: string[] = [];
  beforeAll(async () => {
    fakes = await startHandMadeFakes({
      accountId: ACCOUNT,
      teamName: "acme",
      oktaAccount: "https://acme.okta.com",
      accessGroups: ["Engineering", "Finance"],
      dashboardGroups: ["Cloudflare Admins"],
      otherGroups: ["Sales"],
    });
    ({ okta, cloudflare, setup } = fakes);
    deps = { fetch: fakes.fetch(hosts), sleep: async () => undefined };
  });
  afterAll(() => fakes.stop());

  async function run(argv: string[], env: NodeJS.ProcessEnv = credentials) {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, deps);
    return { code, stdout, stderr };
  }

  test("writes a draft that validates, with every object's ID, and asks only about the dashboard token", async () => {
    const out = join(tempDir(), "adopted.json");
    const { code, stdout, stderr } = await run([...flags, "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(3);
    const config = loadConfig(out);
    expect(config.existing).toEqual({
      oidcAppId: setup.oidcAppId,
      loginMethodId: setup.loginMethodId,
      accessScimAppId: setup.accessScimAppId,
      accessPushMappingIds: setup.accessPushMappingIds,
      accessGroupIds: setup.accessGroupIds,
      accessApplicationIds: { Wiki: { applicationId: setup.applicationId, policyId: setup.policyId } },
      dashboardScimAppId: setup.dashboardScimAppId,
      dashboardPushMappingIds: setup.dashboardPushMappingIds,
    });
    expect(config.accessLogin).toMatchObject({
      name: "Okta SSO",
      appLabel: "Zero Trust (by hand)",
      assignedGroups: ["Engineering", "Finance"],
      accessGroups: ["Engineering", "Finance"],
      scim: {
        enabled: true,
        userDeprovision: true,
        seatDeprovision: false,
        identityUpdateBehavior: "reauth",
        pushGroups: ["Engineering", "Finance"],
        provisioningConfigured: true,
        appLabel: "Cloudflare SCIM",
      },
    });
    expect(config.accessApplications).toEqual([
      { name: "Wiki", domain: "wiki.acme.example", sessionDuration: "24h", allowGroups: ["Engineering"] },
    ]);
    expect(config.dashboardScim).toMatchObject({
      assignedGroups: ["Cloudflare Admins"],
      pushGroups: ["Cloudflare Admins"],
      provisioningConfigured: true,
    });
    // Reconcile: what the first plan changes is said, and the one open decision is a numbered question.
    expect(stdout).toContain("Application username format is ${source.login}; the first plan sets it to Email");
    expect(stdout).toContain(
      'Access group "Engineering" (' +
        setup.accessGroupIds.Engineering +
        '): the first plan renames it "Okta SSO: Engineering"',
    );
    expect(stdout).toContain(
      'Access policy "Wiki staff" (' + setup.policyId + '): the first plan renames it "Wiki: allow"',
    );
    expect(stdout).not.toContain("Okta account is");
    // The draft points editors at the project's schema from wherever it is written.
    expect(resolve(dirname(out), JSON.parse(readFileSync(out, "utf8")).$schema)).toBe(
      resolve("config", "config.schema.json"),
    );
    expect(stdout).toMatch(
      /## Questions\n\n1\. The dashboard SCIM app's OAuth Bearer Token cannot be read or imported/,
    );
    expect(stdout).not.toMatch(/\n2\. /);
    expect(new Set(hosts)).toEqual(new Set(["acme.okta.com", "api.cloudflare.com"]));
    for (const secret of Object.values(credentials)) expect(stdout + readFileSync(out, "utf8")).not.toContain(secret);
  });

  test("synth of the draft imports every object made by hand and creates only the dashboard token, which has no ID", async () => {
    const out = join(tempDir(), "adopted.json");
    await run([...flags, "--out", out]);
    const app = synthApp(JSON.parse(readFileSync(out, "utf8")));
    const notImported: string[] = [];
    for (const name of Object.keys(app.manifest.stacks)) {
      const stack = app.stack(name);
      const targets = new Set((stack.import ?? []).map((b: { to: string }) => b.to.replace(/\[.*$/, "")));
      for (const [type, byName] of Object.entries<Record<string, unknown>>(stack.resource ?? {})) {
        for (const resource of Object.keys(byName))
          if (!targets.has(`${type}.${resource}`)) notImported.push(`${name}: ${type}`);
      }
    }
    expect(notImported).toEqual(["cloudflare-dashboard-scim: cloudflare_account_token"]);
    if (!terraformOnPath) return;
    // The real Terraform CLI on terraform_data stand-ins (no provider needed): imports only, but the token.
    const plans = Object.fromEntries(
      Object.keys(app.manifest.stacks).map((name) => [name, planImportsStandIn(app.stack(name)).counts]),
    );
    for (const [name, counts] of Object.entries(plans)) {
      const token = name === "cloudflare-dashboard-scim";
      expect([name, counts?.add, counts?.destroy, counts?.import === 0]).toEqual([name, token ? 1 : 0, 0, token]);
    }
  });

  test("only reads: every request is a GET, and each path is one the fakes implement", async () => {
    const [o, c] = [okta.api.requests.length, cloudflare.api.requests.length];
    await run([...flags, "--out", join(tempDir(), "adopted.json")]);
    const sent = [...okta.api.requests.slice(o), ...cloudflare.api.requests.slice(c)];
    expect(sent.length).toBeGreaterThan(10);
    expect(new Set(sent.map((r) => r.method))).toEqual(new Set(["GET"]));
    expect([...okta.api.failures, ...cloudflare.api.failures]).toEqual([]);
  });

  test("refuses to overwrite the draft without --force", async () => {
    const out = join(tempDir(), "adopted.json");
    writeFileSync(out, "{}");
    const { code, stderr } = await run([...flags, "--out", out]);
    expect([code, stderr]).toEqual([1, `${out} exists: choose another --out, or add --force to overwrite it.\n`]);
    expect((await run([...flags, "--out", out, "--force"])).code).toBe(3);
    expect(loadConfig(out).existing?.oidcAppId).toBe(setup.oidcAppId);
  });

  test("a wrong team name finds no OIDC app: no draft, exit 3, the question says why", async () => {
    const out = join(tempDir(), "adopted.json");
    const { code, stdout } = await run([
      "--okta-org",
      "acme",
      "--account-id",
      ACCOUNT,
      "--team-name",
      "acme-typo",
      "--out",
      out,
    ]);
    expect(code).toBe(3);
    expect(stdout).toContain(
      "No Okta OIDC app has the sign-in redirect URI https://acme-typo.cloudflareaccess.com/cdn-cgi/access/callback",
    );
    expect(stdout).toContain("No draft written");
    expect(existsSync(out)).toBe(false);
  });
});

describe("npm run discover: arguments and credentials", () => {
  async function run(argv: string[], env: NodeJS.ProcessEnv = credentials) {
    let stdout = "";
    let stderr = "";
    const code = await main(
      argv,
      env,
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
      { fetch: () => Promise.reject(new Error("no request expected")) },
    );
    return { code, stdout, stderr };
  }

  test("--help prints the usage and exits 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run discover/);
  });

  test("bad arguments exit 2 and name the flag and the fix", async () => {
    expect(await run(["--okta-org", "acme"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Give --account-id, --team-name\./),
    });
    expect(await run([...flags, "--bogus"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Unknown argument "--bogus"\./),
    });
    expect(await run(["--okta-org", "acme", "--account-id", "xyz", "--team-name", "acme"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^--account-id: .*32-character hex account ID/),
    });
    // The token goes to Okta's own domains only, as with npm run check.
    expect((await run([...flags, "--okta-base-url", "evil.example"])).stderr).toMatch(
      /^--okta-base-url: .*not one of Okta's/,
    );
  });

  test("missing credentials exit 1; a token with a line break exits 2 without printing it", async () => {
    expect(await run(flags, {})).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Set OKTA_API_TOKEN and CLOUDFLARE_API_TOKEN/),
    });
    const r = await run(flags, { ...credentials, OKTA_API_TOKEN: "abc\ndef-secret" });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("def-secret");
  });
});
