import { existsSync, readFileSync } from "fs";
import { join } from "path";

type Block = Record<string, Record<string, Record<string, any>>>;

/**
 * The compiler options of a company's project, as `cdktf init` and `cdktn init --template=typescript`
 * write them in short (CommonJS, strict, skipLibCheck): what the example is compiled with.
 */
export const companyCompilerOptions = {
  module: "CommonJS",
  target: "ES2018",
  lib: ["es2018"],
  strict: true,
  noUnusedLocals: true,
  skipLibCheck: true,
};

/**
 * What synthesizing examples/company-stack/main.ts must produce: the library's constructs wired to
 * each other by reference, and the company's own policy on one of the library's Access groups.
 * The packed-library test (test/examples/) and the cdktn check both hold the example to it.
 */
export function companyStackProblems(stack: { resource?: Block; data?: Block }): string[] {
  const problems: string[] = [];
  const only = (block: Block | undefined, type: string): [string, Record<string, any>] | undefined => {
    const entries = Object.entries(block?.[type] ?? {});
    if (entries.length === 1) return entries[0];
    problems.push(`${entries.length} ${type} (expected 1)`);
    return undefined;
  };
  const check = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`${what}: ${JSON.stringify(actual)}`);
  };
  const app = only(stack.resource, "okta_app_oauth");
  const login = only(stack.resource, "cloudflare_zero_trust_access_identity_provider");
  const groups = only(stack.resource, "cloudflare_zero_trust_access_group");
  const application = only(stack.resource, "cloudflare_zero_trust_access_application");
  const scimApp = only(stack.resource, "okta_app_saml");
  only(stack.data, "okta_groups");
  if (app) {
    check("okta_app_oauth redirect_uris", app[1].redirect_uris, [
      "https://acme.cloudflareaccess.com/cdn-cgi/access/callback",
    ]);
  }
  if (app && login) {
    // The login method took the app: its client ID, its secret marked sensitive, its org URL.
    check("login method config", pick(login[1].config, ["client_id", "client_secret", "okta_account"]), {
      client_id: `\${okta_app_oauth.${app[0]}.client_id}`,
      client_secret: `\${sensitive(okta_app_oauth.${app[0]}.client_secret)}`,
      okta_account: "https://acme.okta.com",
    });
  }
  if (login) {
    const loginMethodId = `\${cloudflare_zero_trust_access_identity_provider.${login[0]}.id}`;
    if (groups) check("Access groups' login method", groups[1].include?.[0]?.okta?.identity_provider_id, loginMethodId);
    if (application) check("application's identity providers", application[1].allowed_idps, [loginMethodId]);
    if (scimApp && !String(scimApp[1].admin_note).includes(`${login[0]}.scim_config.scim_base_url`)) {
      problems.push(
        `SCIM app not pointed at the login method's SCIM endpoint: ${JSON.stringify(scimApp[1].admin_note)}`,
      );
    }
  }
  const own = Object.values(stack.resource?.cloudflare_zero_trust_access_policy ?? {}).find(
    (p) => p.name === "Finance reviews",
  );
  if (groups) {
    check("the company's own policy", own?.include, [
      { group: { id: `\${cloudflare_zero_trust_access_group.${groups[0]}["Finance"].id}` } },
    ]);
  }
  return problems;
}

function pick(o: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o?.[k]]));
}

export interface Synthesized {
  /** manifest.json's `version`: the framework that synthesized (cdktn's is its own, e.g. 0.24.0). */
  readonly frameworkVersion: string;
  readonly stack: Record<string, any>;
}

/** Reads the one stack of an output folder; undefined when it is missing. */
export function readSynthesized(outdir: string, stackName: string): Synthesized | undefined {
  const file = join(outdir, "stacks", stackName, "cdk.tf.json");
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
  return { frameworkVersion: manifest.version, stack: JSON.parse(readFileSync(file, "utf8")) };
}

/** Problems of one synthesis: missing output, another framework, or the company stack's problems. */
export function synthesisProblems(out: Synthesized | undefined, cdktnVersion: string): string[] {
  if (!out) return ["no synthesized stack"];
  const framework =
    out.frameworkVersion === cdktnVersion
      ? []
      : [`synthesized by framework ${out.frameworkVersion}, not cdktn ${cdktnVersion}`];
  return [...framework, ...companyStackProblems(out.stack)];
}
