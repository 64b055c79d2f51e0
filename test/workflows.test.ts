import * as fs from "fs";
import * as path from "path";

import * as yaml from "js-yaml";

const ROOT = path.join(__dirname, "..");
const WORKFLOWS = path.join(ROOT, ".github", "workflows");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { steps: Step[] }>;
}

function load(file: string): Workflow {
  return yaml.load(fs.readFileSync(path.join(WORKFLOWS, file), "utf8")) as Workflow;
}

function steps(w: Workflow): Step[] {
  return Object.values(w.jobs).flatMap((j) => j.steps);
}

function runs(w: Workflow): string {
  return steps(w)
    .map((s) => s.run ?? "")
    .join("\n");
}

/** Read at test time so the check applies to package.json as merged, not as this branch had it. */
const scripts =
  (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> })
    .scripts ?? {};

const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

describe("workflows", () => {
  it("include pull-request.yml and deploy.yml", () => {
    expect(files).toEqual(expect.arrayContaining(["pull-request.yml", "deploy.yml"]));
  });

  describe.each(files)("%s", (file) => {
    it("parses, with triggers and jobs", () => {
      const w = load(file);
      expect(w.on).toBeDefined();
      expect(Object.keys(w.jobs).length).toBeGreaterThan(0);
    });

    it("calls only npm scripts that package.json defines", () => {
      const called = [...runs(load(file)).matchAll(/npm (?:run (?:(?:-s|--silent) )?([\w:-]+)|(test)\b)/g)].map(
        (m) => m[1] ?? m[2],
      );
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((name) => !(name in scripts))).toEqual([]);
    });

    it("pins every action by major tag", () => {
      for (const { uses } of steps(load(file)).filter((s) => s.uses)) expect(uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    });
  });

  it("pull-request: diffs against the base branch and keeps one marked comment", () => {
    const w = load("pull-request.yml");
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    const all = steps(w);
    expect(all.find((s) => s.uses?.startsWith("actions/checkout@"))?.with?.["fetch-depth"]).toBe(0);
    expect(runs(w)).toContain('npm run -s diff -- --base "origin/${{ github.base_ref }}"');
    const comment = all.find((s) => s.uses?.startsWith("actions/github-script@"));
    expect(comment?.with?.script).toContain("<!-- cdktf-okta-cloudflare-diff -->");
    expect(comment?.with?.script).toContain("updateComment");
  });

  it("pull-request: plans in stack order only when credentials are present", () => {
    const plan = steps(load("pull-request.yml")).find((s) => s.run?.includes("terraform -chdir"));
    expect(plan?.if).toBe("steps.creds.outputs.present == 'true'");
    expect(plan?.run).toContain("npm run -s stack-order -- cdktf.out");
  });

  it("deploy: one deploy at a time, all stacks, then the runbook", () => {
    const w = load("deploy.yml");
    expect(w.on).toEqual({ push: { branches: ["main"] } });
    expect(w.concurrency).toEqual({ group: "deploy", "cancel-in-progress": false });
    const text = runs(w);
    expect(text).toContain("npx cdktf deploy '*' --auto-approve");
    expect(text).toMatch(/npm run -s runbook \| tee -a "\$GITHUB_STEP_SUMMARY"/);
  });

  it("package.json scripts that run a bundled entry point name one tools/bundle.js knows, from an existing source", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundle.js is CommonJS without types
    const { entries } = require(path.join(ROOT, "tools", "bundle.js")) as {
      entries: Record<string, { source: string }>;
    };
    const named = Object.values(scripts).flatMap((command) =>
      [...command.matchAll(/node tools\/run\.js ([\w-]+)/g)].map((m) => m[1]),
    );
    expect(named).toEqual(
      expect.arrayContaining(["app", "runbook", "check", "diff", "stack-order", "schema", "bench"]),
    );
    for (const name of named) {
      expect(entries).toHaveProperty(name);
      expect(fs.existsSync(path.join(ROOT, entries[name].source))).toBe(true);
    }
  });

  describe("the plan and deploy guard (tools/pipeline-config.js)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- pipeline-config.js is CommonJS without types
    const { refusal } = require("../tools/pipeline-config.js") as {
      refusal: (file?: string, read?: (f: string) => string) => string | undefined;
    };
    const config = (backend: unknown) => () => JSON.stringify({ name: "acme", backend });

    it("refuses an unset variable, the example config and the local backend, with what to do", () => {
      expect(refusal(undefined)).toMatch(/^OKTA_CLOUDFLARE_CONFIG is not set: set the repository variable/);
      expect(refusal("config/example.json")).toMatch(/names the example config .*copy it/);
      expect(refusal("./config/../config/example.json")).toMatch(/names the example config/);
      expect(refusal("config/acme.json", config(undefined))).toMatch(
        /local backend, which a pipeline runner throws away/,
      );
      expect(refusal("config/acme.json", config({ type: "local", directory: "state" }))).toMatch(/local backend/);
      expect(refusal("config/missing.json")).toMatch(/cannot be read as JSON \(ENOENT\)/);
    });

    it("lets a company config with a shared backend through", () => {
      expect(
        refusal("config/acme.json", config({ type: "s3", bucket: "b", region: "eu-west-1", useLockfile: true })),
      ).toBeUndefined();
      expect(
        refusal("config/acme.json", config({ type: "cloud", organization: "acme", workspacePrefix: "okta" })),
      ).toBeUndefined();
    });

    it("runs before the plan and before the deploy, and neither workflow falls back to the example", () => {
      for (const [file, before] of [
        ["pull-request.yml", "terraform -chdir"],
        ["deploy.yml", "npx cdktf deploy"],
      ]) {
        const all = steps(load(file));
        const guard = all.findIndex((s) => s.run === "node tools/pipeline-config.js");
        expect(guard).toBeGreaterThanOrEqual(0);
        expect(guard).toBeLessThan(all.findIndex((s) => s.run?.includes(before)));
        expect(fs.readFileSync(path.join(WORKFLOWS, file), "utf8")).not.toContain("|| 'config/example.json'");
      }
    });
  });
});
