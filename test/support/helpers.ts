import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { Construct } from "constructs";
import { App, Testing, TerraformStack, TerraformVariable } from "../../src/cdktf";
import type { IAccessOidcApp } from "../../src/okta/access-oidc-app";
import { Config, ConfigInput } from "../../app/config/schema";
import { parseConfig } from "../../app/config/load";
import { buildStacks, ProjectStacks } from "../../app/build-stacks";

/** Synthesized Terraform JSON of one stack, as a plain object. */
export type StackJson = Record<string, any>;

/** Builds constructs in a fresh stack and returns its synthesized JSON. */
export function synthStack(build: (stack: TerraformStack) => void): StackJson {
  const stack = new TerraformStack(Testing.app(), "test");
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** The example config as a mutable object, for tests to change one field at a time. */
export function exampleConfigInput(): ConfigInput & Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, "..", "..", "config", "example.json"), "utf8"));
}

/** Synthesizes the whole app for a config into a temporary outdir. */
export function synthApp(input: unknown): {
  config: Config;
  stacks: ProjectStacks;
  outdir: string;
  manifest: { stacks: Record<string, { dependencies: string[]; synthesizedStackPath: string }> };
  stack(name: string): StackJson;
  text(name: string): string;
} {
  const config = parseConfig(input);
  const app = Testing.app({ stackTraces: false });
  const stacks = buildStacks(app, config);
  app.synth();
  const outdir = app.outdir;
  const text = (name: string) => readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8");
  return {
    config,
    stacks,
    outdir,
    manifest: JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")),
    stack: (name) => JSON.parse(text(name)),
    text,
  };
}

/** The only resource of `type` in a synthesized stack. */
export function onlyResource(stack: StackJson, type: string, kind: "resource" | "data" = "resource"): StackJson {
  const all = Object.values(stack[kind]?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${kind} ${type}, found ${all.length}`);
  return all[0] as StackJson;
}

/** The example config changed by `edit`, parsed as the app parses it. */
export function exampleConfig(edit: (raw: any) => void = () => undefined): Config {
  const raw = exampleConfigInput();
  edit(raw);
  return parseConfig(raw);
}

/** A fresh app in a temporary outdir, for buildStacks and then synthAll. */
export function testApp(): App {
  return Testing.app({ stackTraces: false });
}

/** Synthesizes the whole app (cross-stack references included); each stack's JSON by id. */
export function synthAll(app: App): Record<string, StackJson> {
  app.synth();
  const dir = join(app.outdir, "stacks");
  return Object.fromEntries(
    readdirSync(dir).map((id) => [id, JSON.parse(readFileSync(join(dir, id, "cdk.tf.json"), "utf8"))]),
  );
}

/**
 * An Okta OIDC app made elsewhere, as OktaLoginMethod takes it (`IAccessOidcApp`): its client secret
 * a sensitive variable, unless `app` says otherwise.
 */
export function oidcAppStandIn(scope: Construct, app: Partial<Omit<IAccessOidcApp, "node">> = {}): IAccessOidcApp {
  const clientSecret = new TerraformVariable(scope, "client_secret", { type: "string", sensitive: true }).stringValue;
  return Object.assign(new Construct(scope, "oidc-app"), {
    oidcAppId: "0oa123",
    clientId: "0oa123",
    clientSecret,
    orgUrl: "https://acme.okta.com",
    ...app,
  });
}
