import { existsSync, readFileSync } from "fs";
import { join } from "path";

type Block = Record<string, Record<string, Record<string, any>>>;

/** What synthesizing examples/company-stack/main.ts must produce: the library's resources, wired to the company's own. */
export function companyStackProblems(stack: { resource?: Block; data?: Block }): string[] {
  const problems: string[] = [];
  const only = (block: Block | undefined, type: string): [string, Record<string, any>] | undefined => {
    const entries = Object.entries(block?.[type] ?? {});
    if (entries.length === 1) return entries[0];
    problems.push(`${entries.length} ${type} (expected 1)`);
    return undefined;
  };
  const app = only(stack.resource, "okta_app_oauth");
  const login = only(stack.resource, "cloudflare_zero_trust_access_identity_provider");
  const group = only(stack.resource, "cloudflare_zero_trust_access_group");
  only(stack.resource, "okta_app_group_assignments");
  only(stack.data, "okta_groups");
  if (app && JSON.stringify(app[1].redirect_uris) !== '["https://acme.cloudflareaccess.com/cdn-cgi/access/callback"]') {
    problems.push(`okta_app_oauth redirect_uris ${JSON.stringify(app[1].redirect_uris)}`);
  }
  if (app && login && login[1].config?.client_secret !== `\${sensitive(okta_app_oauth.${app[0]}.client_secret)}`) {
    problems.push(
      `login method client_secret is not a reference to the OIDC app: ${JSON.stringify(login[1].config?.client_secret)}`,
    );
  }
  const idp = group?.[1].include?.[0]?.okta?.identity_provider_id;
  if (login && idp !== `\${cloudflare_zero_trust_access_identity_provider.${login[0]}.id}`) {
    problems.push(`Access group does not read the login method's ID: ${JSON.stringify(idp)}`);
  }
  return problems;
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
