import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { writeConfig } from "../support/run-main";
import { tempDir } from "../support/temp-dir";
import { CheckCliDeps, main } from "../../tools/check";
import { Fetch } from "../../tools/check/http";
import {
  allDone,
  deployedOutputs,
  FAKE_CLOUDFLARE_TOKEN,
  FAKE_OKTA_TOKEN,
  FAKE_SCIM_TOKEN,
  fakeFetch,
  fakeOutputs,
  oktaApp,
  Routes,
  withRoutes,
} from "../support/fake-apis";

const example = join(__dirname, "../../config/example.json");
const credentials = { OKTA_API_TOKEN: FAKE_OKTA_TOKEN, CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_TOKEN };

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = credentials,
  routes: Routes = allDone(),
  deps: CheckCliDeps = {},
) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    argv,
    { OKTA_CLOUDFLARE_CONFIG: example, ...env },
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    {
      fetch: fakeFetch(routes),
      outputs: fakeOutputs(),
      sleep: async () => undefined,
      ...deps,
    },
  );
  return { code, stdout, stderr };
}

function expectNoSecret(text: string) {
  for (const secret of [FAKE_OKTA_TOKEN, FAKE_CLOUDFLARE_TOKEN, FAKE_SCIM_TOKEN, "fakeAccessScimSecret"])
    expect(text).not.toContain(secret);
}

describe("npm run check", () => {
  it("warns before it sends a token to an Okta domain outside the allow-list (allowed by the config's opt-in)", async () => {
    const input = JSON.parse(readFileSync(example, "utf8"));
    Object.assign(input.okta, { baseUrl: "okta.internal.example", allowUnlistedBaseUrl: true });
    const { stderr } = await run([], { ...credentials, OKTA_CLOUDFLARE_CONFIG: writeConfig(input) });
    expect(stderr).toContain('Warning: okta.baseUrl "okta.internal.example" is not an Okta domain');
  });

  it("exits 0 and prints the checked runbook when every checkable step is done", async () => {
    const { code, stdout, stderr } = await run([]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toMatch(/^# Runbook check: acme\n/);
    expect(stdout).toContain("**15 done, 0 not done, 5 could not check.**");
    expect(stdout).toMatch(/\[x\] \*\*Provisioning to App\*\*\n\s+- Check: done — Okta's app features match/);
  });

  it("exits 3, for a pipeline gate, when a step is verifiably not done; --json adds check and summary", async () => {
    const routes = withRoutes([
      [
        /^\/api\/v1\/apps\/0oaAccessScim00000001$/,
        oktaApp("0oaAccessScim00000001", ["PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"]),
      ],
    ]);
    const { code, stdout } = await run(["--json"], credentials, routes);
    expect(code).toBe(3);
    const rb = JSON.parse(stdout);
    expect(rb).toMatchObject({ format: 1, name: "acme", summary: { fail: 1 } });
    const toApp = rb.apps.find((a: any) => a.id === "access-scim").steps.find((s: any) => s.id === "to-app");
    expect(toApp).toMatchObject({
      done: false,
      check: { status: "fail", detail: "Create Users is off, should be on." },
    });
    for (const step of rb.apps.flatMap((a: any) => a.steps)) {
      if (step.check) expect(Object.keys(step.check).sort()).toEqual(["detail", "status"]);
      else expect(step.done).toBe(true);
    }
  });

  it("never prints a credential or the SCIM token, even when Cloudflare refuses it", async () => {
    const routes = withRoutes([[/\/scim\/v2\/Groups/, { status: 401, body: { detail: "Unauthorized" } }]]);
    for (const argv of [[], ["--json"]]) {
      const { code, stdout, stderr } = await run(argv, credentials, routes);
      expect(code).toBe(3);
      expectNoSecret(stdout + stderr);
    }
  });

  it("exits 1 with one line naming the missing credentials, before calling any API", async () => {
    const fetch = fakeFetch(allDone());
    const { code, stdout, stderr } = await run([], {}, allDone(), { fetch });
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr).toBe(
      "Set OKTA_API_TOKEN and CLOUDFLARE_API_TOKEN: npm run check reads Okta with an SSWS API token and Cloudflare with an API token (read-only is enough).\n",
    );
    expect(fetch.calls).toEqual([]);
  });

  it("says Okta OAuth is not supported when only OAuth credentials are set", async () => {
    const { code, stderr } = await run([], {
      CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_TOKEN,
      OKTA_API_CLIENT_ID: "0oaClient",
      OKTA_API_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----",
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Set OKTA_API_TOKEN: .*Okta OAuth \(OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY\) is not supported by the check\.\n$/,
    );
    expect(stderr).not.toContain("BEGIN PRIVATE KEY");
  });

  it("exits 1 with its own message, not 0, when no step could be checked (nothing deployed): a gate must not pass", async () => {
    const outputs = async () => {
      throw new Error("terraform output in cdktf.out/stacks/x failed: Error: No outputs found");
    };
    const fetch = fakeFetch(allDone());
    const { code, stdout, stderr } = await run(["--json"], credentials, allDone(), { outputs, fetch });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^check: no step could be checked \(\d+ could not check\): nothing verifies the runbook; run it where cdktf deploy ran/,
    );
    expect(fetch.calls).toEqual([]); // nothing deployed to ask about
    const rb = JSON.parse(stdout);
    expect(rb.summary).toMatchObject({ pass: 0, fail: 0 });
    const verify = rb.apps[1].steps.find((s: any) => s.id === "verify");
    expect(verify.check).toEqual({
      status: "unknown",
      detail:
        "the outputs of stack cloudflare-access could not be read (terraform output in cdktf.out/stacks/x failed: Error: No outputs found)",
    });
  });

  it.each([
    ["OKTA_API_TOKEN", `${FAKE_OKTA_TOKEN}\r\nX-Injected: 1`],
    ["OKTA_API_TOKEN", `${FAKE_OKTA_TOKEN}\n`],
    ["CLOUDFLARE_API_TOKEN", `${FAKE_CLOUDFLARE_TOKEN}\t`],
    ["CLOUDFLARE_API_TOKEN", `${FAKE_CLOUDFLARE_TOKEN} x`],
    ["CLOUDFLARE_API_TOKEN", `${FAKE_CLOUDFLARE_TOKEN}é`],
  ])(
    "exits 2 when %s holds a character no token has, naming the variable, never its value, before any call",
    async (name, value) => {
      const fetch = fakeFetch(allDone());
      const { code, stdout, stderr } = await run([], { ...credentials, [name]: value }, allDone(), { fetch });
      expect([code, stdout]).toEqual([2, ""]);
      expect(stderr).toBe(
        `${name} holds a character no token has (a control character such as a line break, a space, or a non-ASCII character): set it again without it. Its value is not printed.\n`,
      );
      expectNoSecret(stderr);
      expect(fetch.calls).toEqual([]);
    },
  );

  it("exits 2 when the dashboard SCIM token output holds a control character, never sending or printing it", async () => {
    const fetch = fakeFetch(allDone());
    const outputs = fakeOutputs({
      ...deployedOutputs,
      "cloudflare-dashboard-scim": { token_value: `${FAKE_SCIM_TOKEN}\r\n` },
    });
    const { code, stderr } = await run([], credentials, allDone(), { fetch, outputs });
    expect(code).toBe(2);
    expect(stderr).toBe(
      "The output token_value of stack cloudflare-dashboard-scim holds a character no token has (a control character such as a line break, a space, or a non-ASCII character): the check does not send it. Its value is not printed.\n",
    );
    expectNoSecret(stderr);
    expect(fetch.calls).toEqual([]);
  });

  it("stops calling the APIs 5 minutes after it starts: the rest could not be checked", async () => {
    let clock = 1_700_000_000_000;
    const routes = fakeFetch(allDone());
    // Each request takes a minute on this clock.
    const fetch: Fetch = async (url, init) => {
      clock += 60_000;
      return routes(url, init);
    };
    const { code, stdout } = await run(["--json"], credentials, allDone(), { fetch, now: () => clock });
    expect(code).toBe(0);
    expect(routes.calls).toHaveLength(5);
    const details = JSON.parse(stdout).apps.flatMap((a: any) => a.steps.map((s: any) => s.check?.detail ?? ""));
    expect(details.filter((d: string) => d.endsWith("the check's time limit ran out")).length).toBeGreaterThan(0);
  });

  it("prints its usage with --help and exits 2 on an unknown argument", async () => {
    expect(await run(["--help"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run check/) });
    expect(await run(["--strict"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Unknown argument "--strict"\./),
    });
  });

  it("exits 1, saying why, for a config without a SCIM app: no step of it can be checked", async () => {
    const config = JSON.parse(readFileSync(example, "utf8"));
    config.accessLogin.scim = { enabled: false };
    delete config.accessApplications;
    delete config.dashboardScim;
    const file = join(tempDir(), "config.json");
    writeFileSync(file, JSON.stringify(config));
    const { code, stderr } = await run([], { ...credentials, OKTA_CLOUDFLARE_CONFIG: file });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /nothing verifies the runbook; this config has no SCIM app, and no API shows the other steps: check them by hand\.\n$/,
    );
  });
});
