import { existsSync, readdirSync } from "fs";
import { createServer } from "net";
import { join } from "path";
import { run } from "../../../e2e/harness/run";
import {
  cacheDir,
  CDKTN,
  isRegistryUnreachable,
  prepare,
  RegistryUnreachable,
  Versions,
  versionsOf,
} from "../../../compat/cdktn/project";
import { fakeRun } from "../../support/fake-run";
import { tempDir } from "../../support/temp-dir";

const manifest = {
  dependencies: { zod: "^4.1.12" },
  devDependencies: {
    "@cdktf/provider-okta": "14.1.1",
    "@cdktf/provider-cloudflare": "13.9.1",
    cdktf: "0.21.0",
    typescript: "5.9.3",
  },
};
const versions: Versions = versionsOf(manifest);

/** A 127.0.0.1 port nothing listens on: one the system just handed out, closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("versionsOf", () => {
  it("tests the repo's provider packages and TypeScript on cdktn 0.24.0, constructs within its peer range, Node >= 22.19", () => {
    expect(versions).toEqual({
      ...CDKTN,
      typescript: "5.9.3",
      providers: { "@cdktf/provider-okta": "14.1.1", "@cdktf/provider-cloudflare": "13.9.1" },
      dependencies: { zod: "^4.1.12" },
    });
    expect(CDKTN.constructs).toMatch(/^10\.[67]\.\d+$/);
    const [major, minor] = CDKTN.node.split(".").map(Number);
    expect(major === 22 && minor >= 19).toBe(true);
  });
});

describe("cacheDir", () => {
  it("is one folder per set of versions, under XDG_CACHE_HOME unless CDKTN_COMPAT_CACHE names one", () => {
    const dir = cacheDir(versions, { XDG_CACHE_HOME: "/c" });
    expect(dir).toMatch(/^\/c\/cdktf-okta-cloudflare\/cdktn-project\/cdktn-0\.24\.0-[0-9a-f]{12}$/);
    expect(cacheDir(versions, { XDG_CACHE_HOME: "/c" })).toBe(dir);
    expect(
      cacheDir(
        { ...versions, providers: { ...versions.providers, "@cdktf/provider-okta": "14.2.0" } },
        { XDG_CACHE_HOME: "/c" },
      ),
    ).not.toBe(dir);
    expect(cacheDir(versions, { CDKTN_COMPAT_CACHE: "/x", XDG_CACHE_HOME: "/c" })).toMatch(/^\/x\/cdktn-0\.24\.0-/);
  });
});

describe("isRegistryUnreachable", () => {
  it("is true for npm's own error when nothing answers at the registry's address", async () => {
    const registry = `http://127.0.0.1:${await closedPort()}/`;
    const r = run("npm", ["view", "cdktn@0.24.0", "version", `--registry=${registry}`, "--fetch-retries=0"], {
      cwd: tempDir(),
    });
    expect(r.status).not.toBe(0);
    expect(isRegistryUnreachable(r.stderr)).toBe(true);
  });

  it("is false for npm's other errors, e.g. a package missing from the cache of an offline install", () => {
    const r = run(
      "npm",
      ["install", "--offline", "--no-audit", "--no-fund", "no-such-package-cdktf-okta-cloudflare@1.0.0"],
      { cwd: tempDir() },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("ENOTCACHED");
    expect(isRegistryUnreachable(r.stderr)).toBe(false);
  });
});

describe("prepare", () => {
  const refused =
    "npm error code ECONNREFUSED\nnpm error syscall connect\nnpm error FetchError: request to http://127.0.0.1:9/cdktn failed\nnpm error     at ClientRequest.<anonymous> (x.js:1:1)\n";

  it("reports an unreachable registry as RegistryUnreachable, with npm's error and not its stack, and leaves nothing in the cache", () => {
    const dir = join(tempDir(), "cdktn-0.24.0-abc");
    const npm = fakeRun([[/^npm install/, { status: 1, stderr: refused }]]);
    let thrown: unknown;
    try {
      prepare(npm, versions, dir, {}, () => undefined);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RegistryUnreachable);
    expect((thrown as Error).message).toContain("npm error code ECONNREFUSED");
    expect((thrown as Error).message).not.toContain("ClientRequest");
    expect(readdirSync(join(dir, ".."))).toEqual([]);
  });

  it("fails any other npm error as such, not as a skip", () => {
    const npm = fakeRun([
      [
        /^npm install/,
        {
          status: 1,
          stderr: "npm error code ETARGET\nnpm error notarget No matching version found for cdktn@0.24.0.\n",
        },
      ],
    ]);
    expect(() => prepare(npm, versions, join(tempDir(), "cache"), {}, () => undefined)).toThrow(/ETARGET/);
    expect(() => prepare(npm, versions, join(tempDir(), "cache"), {}, () => undefined)).not.toThrow(
      RegistryUnreachable,
    );
  });

  it("installs the README's lines: cdktn and constructs, cdktf overridden by cdktn, the providers, then the CLI with Node 22", () => {
    const dir = join(tempDir(), "cache");
    const npm = fakeRun([[/^npm /, {}]]);
    prepare(npm, versions, dir, {}, () => undefined);
    expect(npm.calls.map((c) => c.line.replace(/ --no-audit --no-fund$/, ""))).toEqual([
      "npm install --save-exact cdktn@0.24.0 constructs@10.7.2",
      "npm install --save-exact --save-dev typescript@5.9.3",
      "npm pkg set overrides.cdktf=npm:cdktn@0.24.0",
      "npm install --save-exact @cdktf/provider-okta@14.1.1 @cdktf/provider-cloudflare@13.9.1",
      "npm cache add zod@^4.1.12",
      "npm install --ignore-scripts=false node@22.23.3 cdktn-cli@0.24.0",
    ]);
    expect(existsSync(join(dir, "versions.json"))).toBe(true);
    // Ready: the next run installs nothing.
    prepare(fakeRun([]), versions, dir, {}, () => undefined);
  });
});
