import { exampleConfigInput, onlyResource, StackJson } from "../support/helpers";
import { exampleConfigFile, readStacks, readTree, runMain, writeConfig } from "../support/run-main";
import { secretProblems } from "../support/secret-checks";
import { fakeCredentials } from "../support/secrets";

const example = exampleConfigInput();

/** Every feature the config can switch on, so new stacks are checked as they land. */
const everything = {
  ...example,
  accessLogin: { ...example.accessLogin, createAuthorizationServer: true, claims: ["email"] },
  dashboardScim: { ...example.dashboardScim, token: { expiresOn: "2030-01-01T00:00:00Z" } },
};

const backends = {
  local: { type: "local" },
  s3: { type: "s3", bucket: "acme-terraform-state", region: "eu-west-1", useLockfile: true },
  cloud: { type: "cloud", organization: "acme", workspacePrefix: "okta-cloudflare" },
};

/** Synthesizes with fake credentials in the environment, as a pipeline would have them. */
function synthWithCredentials(config: unknown): string {
  const saved = { ...process.env };
  Object.assign(process.env, fakeCredentials);
  try {
    const { code, stderr, outdir } = runMain(writeConfig(config), { ...process.env });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    return outdir;
  } finally {
    for (const name of Object.keys(fakeCredentials)) {
      if (name in saved) process.env[name] = saved[name];
      else delete process.env[name];
    }
  }
}

describe("credentials come from the environment only", () => {
  test.each(Object.entries(backends))("no credential reaches the outdir (%s backend)", (_, backend) => {
    const outdir = synthWithCredentials({ ...everything, backend });
    const files = readTree(outdir);
    expect(files.size).toBeGreaterThan(3);
    for (const [path, bytes] of files) {
      const text = bytes.toString("utf8");
      for (const [name, value] of Object.entries(fakeCredentials)) {
        if (text.includes(value)) throw new Error(`${path} contains the value of ${name}`);
      }
    }
  });
});

describe("secrets stay sensitive across stacks", () => {
  test.each([
    ["the example config", example],
    ["every feature on", everything],
  ])("%s: secret outputs are sensitive and remote secrets are wrapped", (_, config) => {
    const { code, outdir } = runMain(writeConfig(config));
    expect(code).toBe(0);
    expect(secretProblems(readStacks(outdir))).toEqual([]);
  });

  test("the login method reads the OIDC client secret through sensitive()", () => {
    const stacks = readStacks(runMain(exampleConfigFile).outdir);
    const login = onlyResource(stacks["cloudflare-access"], "cloudflare_zero_trust_access_identity_provider");
    expect(login.config.client_secret).toMatch(/^\$\{sensitive\(data\.terraform_remote_state\.[^)]+client_secret\)\}$/);
    expect(stacks["cloudflare-access"].output?.scim_secret.sensitive).toBe(true);
  });
});

describe("secretProblems", () => {
  const producer: StackJson = {
    output: {
      "cross-stack-output-okta_app_oauthappclient_secret": {
        value: "${okta_app_oauth.app.client_secret}",
        sensitive: true,
      },
      "cross-stack-output-okta_app_oauthappid": { value: "${okta_app_oauth.app.id}", sensitive: true },
    },
  };
  const remote = "data.terraform_remote_state.cross-stack-reference-input-producer.outputs";

  test("an output holding a secret must be sensitive", () => {
    const stack: StackJson = {
      output: {
        scim_secret: { value: "${cloudflare_zero_trust_access_identity_provider.login.scim_config.secret}" },
        token_value: { value: "${cloudflare_account_token.scim.value}", sensitive: false },
        scim_app_id: { value: "${okta_app_saml.scim.id}" },
      },
    };
    expect(secretProblems({ stack })).toEqual([
      "stack: output scim_secret holds cloudflare_zero_trust_access_identity_provider.login.scim_config.secret but is not sensitive",
      "stack: output token_value holds cloudflare_account_token.scim.value but is not sensitive",
    ]);
  });

  test("a secret read from another stack must be wrapped in sensitive()", () => {
    const consumer: StackJson = {
      resource: {
        thing: {
          bare: { client_secret: `\${${remote}.cross-stack-output-okta_app_oauthappclient_secret}` },
          wrapped: { client_secret: `\${sensitive(${remote}.cross-stack-output-okta_app_oauthappclient_secret)}` },
          notSecret: { app_id: `\${${remote}.cross-stack-output-okta_app_oauthappid}` },
        },
      },
    };
    expect(secretProblems({ producer, consumer })).toEqual([
      `consumer: ${remote}.cross-stack-output-okta_app_oauthappclient_secret reads a secret from another stack without sensitive(...)`,
    ]);
  });

  test("an output passing on a remote secret must be sensitive too", () => {
    const consumer: StackJson = {
      output: { again: { value: `\${sensitive(${remote}.cross-stack-output-okta_app_oauthappclient_secret)}` } },
    };
    expect(secretProblems({ producer, consumer })).toHaveLength(1);
  });
});
