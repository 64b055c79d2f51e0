import { execFile } from "child_process";
import { tmpdir } from "os";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { promisify } from "util";

// `npm run jsii` (tools/jsii/check.js) on tiny libraries in test/fixtures/jsii/: it passes a clean
// construct, fails on what jsii refuses (a free function) and on a union-typed prop (which jsii takes
// but Go and Java cannot type), naming the declaration; it stages the package (from the root's
// package.json) in <temp dir>/cdktf-okta-cloudflare-jsii/<folder>/ and writes nothing into the library folder.

const repo = join(__dirname, "..", "..");
const fixtures = join(repo, "test", "fixtures", "jsii");
const run = promisify(execFile);

interface Check {
  code: number;
  output: string;
  stage: string;
}

async function jsii(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, "tools", "jsii", "check.js"), ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

async function check(fixture: string): Promise<Check> {
  const { code, stdout, stderr } = await jsii(join(fixtures, fixture));
  return { code, output: stdout + stderr, stage: join(tmpdir(), "cdktf-okta-cloudflare-jsii", fixture) };
}

// The three compile at once: each is one jsii run of 2-3 s, mostly loading TypeScript and the types.
let clean: Check, refused: Check, union: Check;
beforeAll(async () => {
  [clean, refused, union] = await Promise.all([check("clean"), check("refused"), check("union")]);
}, 60_000);

test("a clean namespace of a construct, its interface and a readonly struct passes, and its assembly holds them", () => {
  expect(clean.code).toBe(0);
  const assembly = JSON.parse(readFileSync(join(clean.stage, ".jsii"), "utf8"));
  expect(assembly.types["cdktf-okta-cloudflare.greetings.Greeting"].kind).toBe("class");
  expect(assembly.types["cdktf-okta-cloudflare.greetings.IGreeting"].kind).toBe("interface");
  expect(assembly.types["cdktf-okta-cloudflare.greetings.GreetingProps"].datatype).toBe(true);
});

test("an exported free function fails the check, named with its file and line", () => {
  expect(refused.code).toBe(1);
  expect(refused.output).toMatch(/src\/index\.ts:2:\d+ - error JSII9998: Unsupported FunctionDeclaration/);
  expect(refused.output).toContain("export function greet(");
});

test("a union-typed prop fails the check, named by its struct and field", () => {
  expect(union.code).toBe(1);
  expect(union.output).toContain("error: union type in src/index.ts: cdktf-okta-cloudflare.GreetingProps.name");
});

test("the stage's package.json takes the root's jsii block and peers, with zod bundled", () => {
  const root = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
  const staged = JSON.parse(readFileSync(join(clean.stage, "package.json"), "utf8"));
  expect(staged.jsii).toEqual(root.jsii);
  expect(staged.peerDependencies).toEqual(root.peerDependencies);
  expect(staged.bundledDependencies).toEqual(["zod"]);
  expect(staged.dependencies).toEqual({ zod: root.dependencies.zod });
});

test("the check writes nothing into the library folder it compiles", () => {
  const files = (fixture: string) => readdirSync(join(fixtures, fixture), { recursive: true, encoding: "utf8" }).sort();
  expect(files("clean")).toEqual(["greetings", "greetings/greeting.ts", "greetings/index.ts", "index.ts"]);
  for (const fixture of ["refused", "union"]) expect(files(fixture)).toEqual(["index.ts"]);
});

test("--help prints the usage and exits 0; a folder that is not there exits 2 naming it", async () => {
  const help = await jsii("--help");
  expect([help.code, help.stdout, help.stderr]).toEqual([
    0,
    "Usage: npm run jsii [-- <library folder, default src>]\n",
    "",
  ]);
  const wrong = await jsii(join(fixtures, "missing"));
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain(`error: ${join(fixtures, "missing")}: not one library folder`);
});
