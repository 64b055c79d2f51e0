import fc from "fast-check";
import { existsSync } from "fs";
import { join } from "path";
import { expressions } from "../support/hcl";
import { anyJson, anyText, patternedFields, validConfig, valuePaths } from "../support/config-arbitraries";
import { readStacks, readTree, runMain, writeConfig } from "../support/run-main";
import { secretProblems } from "../support/secret-checks";

// Whatever the config, synth either writes stacks Terraform can read or says which field to fix:
// never an unhandled exception, a stack trace, or a half-written outdir.

type Json = Record<string | number, unknown>;

function synth(config: unknown) {
  const result = runMain(writeConfig(config));
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain("Synth failed");
  return result;
}

/** Stacks were written, every `${...}` closes and no secret is exposed. */
function expectStacks(outdir: string): void {
  expect(existsSync(join(outdir, "manifest.json"))).toBe(true);
  const stacks = readStacks(outdir);
  expect(Object.keys(stacks).length).toBeGreaterThanOrEqual(2);
  for (const bytes of readTree(outdir).values()) strings(JSON.parse(bytes.toString("utf8"))).forEach(expressions);
  expect(secretProblems(stacks)).toEqual([]);
}

/** A config error: one line per problem, each starting with the field it is about. */
function expectFieldErrors(stderr: string): void {
  const [first, ...problems] = stderr.trimEnd().split("\n");
  expect(first).toMatch(/^Config file .+ has errors:$/);
  expect(problems.length).toBeGreaterThan(0);
  const quoted = String.raw`\["(?:[^"\\]|\\.)*"\]`;
  const field = String.raw`(?:\(root\)|(?:[\w$-]+|${quoted})(?:\.[\w$-]+|${quoted})*)`;
  for (const line of problems) expect(line).toMatch(new RegExp(`^- ${field}( is |: )`));
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

function parentAndKey(root: Json, path: Array<string | number>): [Json, string | number] {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Json;
  }
  return [node, path[path.length - 1]];
}

/** A mutation of a valid config: what it does, applied to a copy. */
type Mutation = (config: Json) => void;

const pick = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

const dropKey = fc.nat().map<Mutation>((n) => (config) => {
  const path = pick(valuePaths(config), n);
  if (!path) return;
  const [parent, key] = parentAndKey(config, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
});

const addUnknownKey = fc
  .tuple(fc.nat(), fc.oneof(fc.string({ minLength: 1, maxLength: 15 }), fc.nat()))
  .map<Mutation>(([n, typo]) => (config) => {
    const objects = [[], ...valuePaths(config)].filter((p) => {
      const [parent, key] = p.length ? parentAndKey(config, p) : [{ root: config }, "root"];
      const v = (parent as Json)[key];
      return v !== null && typeof v === "object" && !Array.isArray(v);
    });
    const path = pick(objects, n) ?? [];
    const target = path.length ? ((([p, k]) => p[k])(parentAndKey(config, path)) as Json) : config;
    // A near-miss of an existing key (one letter dropped) or any text.
    const known = Object.keys(target);
    const key = typeof typo === "number" && known.length ? (pick(known, typo) as string).slice(1) || "x" : String(typo);
    target[key] = "value";
  });

const wrongType = fc.tuple(fc.nat(), anyJson).map<Mutation>(([n, value]) => (config) => {
  const path = pick(valuePaths(config), n);
  if (!path) return;
  const [parent, key] = parentAndKey(config, path);
  parent[key] = value;
});

const randomText = fc.tuple(fc.nat(), anyText).map<Mutation>(([n, text]) => (config) => {
  const [parent, key] = parentAndKey(config, pick(patternedFields, n)!);
  parent[key] = text;
});

describe("configs generated from the schema", () => {
  test("a valid config synthesizes", () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const { code, stderr, outdir } = synth(config);
        expect(stderr).toBe("");
        expect(code).toBe(0);
        expectStacks(outdir);
      }),
      { numRuns: 30 },
    );
  });

  test("a broken config synthesizes or names the field to fix", () => {
    fc.assert(
      fc.property(validConfig, fc.oneof(dropKey, addUnknownKey, wrongType, randomText), (valid, mutate) => {
        const config = JSON.parse(JSON.stringify(valid)) as Json;
        mutate(config);
        const { code, stderr, outdir } = synth(config);
        if (code === 0) expectStacks(outdir);
        else expectFieldErrors(stderr);
      }),
      { numRuns: 100 },
    );
  });
});
