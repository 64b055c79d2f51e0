import { mkdirSync } from "fs";
import { homedir, tmpdir } from "os";
import { join, resolve } from "path";
import { exampleConfigInput } from "../support/helpers";
import { readTree, runMain, writeConfig } from "../support/run-main";
import { tempDir } from "../support/temp-dir";

const example = exampleConfigInput();
const repo = resolve(__dirname, "..", "..");

const configs = {
  example,
  "s3 backend, authorization server": {
    ...example,
    accessLogin: { ...example.accessLogin, createAuthorizationServer: true },
    backend: { type: "s3", bucket: "acme-terraform-state", region: "eu-west-1", useLockfile: true },
  },
  "cloud backend": { ...example, backend: { type: "cloud", organization: "acme", workspacePrefix: "okta-cloudflare" } },
};

/** Synthesizes from inside `cwd`, as a pipeline starting in another directory would. */
function synthFrom(cwd: string, configFile: string): Map<string, Buffer> {
  const before = process.cwd();
  mkdirSync(cwd, { recursive: true });
  process.chdir(cwd);
  try {
    const { code, stderr, outdir } = runMain(configFile);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    return readTree(outdir);
  } finally {
    process.chdir(before);
  }
}

describe.each(Object.entries(configs))("determinism: %s", (_, config) => {
  let file: string;
  let first: Map<string, Buffer>;
  beforeAll(() => {
    file = writeConfig(config);
    first = synthFrom(tempDir(), file);
  });

  test("the same config gives a byte-identical outdir from another directory", () => {
    const second = synthFrom(join(tempDir(), "a", "much", "deeper", "checkout"), file);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) {
      if (!bytes.equals(second.get(path)!)) throw new Error(`${path} differs between runs`);
    }
  });

  test("no file holds a path of this machine or a timestamp", () => {
    const machinePaths = [repo, process.cwd(), tmpdir(), homedir(), file].filter((p) => p.length > 1);
    for (const [path, bytes] of first) {
      const text = bytes.toString("utf8");
      for (const p of machinePaths) if (text.includes(p)) throw new Error(`${path} contains ${p}`);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/);
      expect(text).not.toMatch(/(?<![\w-])1[5-9]\d{8}(\d{3})?(?![\w-])/); // Unix time, seconds or milliseconds
    }
  });
});
