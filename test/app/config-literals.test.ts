import { readFileSync } from "fs";
import { join } from "path";
import { loadConfig } from "../../app/config/load";
import { terraformLiteral } from "../../src/private/terraform-literal";
import { exampleConfigInput } from "../support/helpers";
import { expressions } from "../support/hcl";
import { readStacks, runMain, writeConfig } from "../support/run-main";

// Every string a config can hold, crossed with text an attacker would try: each either reaches
// Terraform as a literal (escaped, so Terraform reads back exactly the text) or is refused with the
// field named. Nothing in the output may evaluate it.

type Json = Record<string, any>;
type Path = Array<string | number>;

const payloads = [
  '${file("/proc/self/environ")}',
  "%{if true}x%{endif}",
  "Okta ${TfToken[TOKEN.6]}",
  'quote " inside',
  "back\\slash",
  "new\nline",
  "x".repeat(10_000),
];

/** Configs that together set every string field the schema has (the backends and the two authorization servers exclude each other). */
function bases(): Json[] {
  const everything = exampleConfigInput() as Json;
  Object.assign(everything.accessLogin, {
    appLabel: "Cloudflare Access",
    createAuthorizationServer: true,
    claims: ["email"],
    accessGroups: ["Engineering"],
  });
  everything.accessLogin.scim.appLabel = "Access SCIM";
  Object.assign(everything.dashboardScim, {
    appLabel: "Dashboard SCIM",
    token: { name: "SCIM token", expiresOn: "2030-01-01T00:00:00Z", permissionGroupName: "SCIM Provisioning" },
  });
  everything.accessApplications = [
    { name: "Wiki", domain: "wiki.acme.example/docs", sessionDuration: "8h", allowGroups: ["Engineering"] },
  ];
  everything.existing = {
    oidcAppId: "0oa1oidcapp000000001",
    authorizationServer: {
      id: "aus1server0000000001",
      groupsScopeId: "scp1groups0000000001",
      groupsClaimId: "ocl1groups0000000001",
      policyId: "00p1policy0000000001",
      policyRuleId: "0pr1rule000000000001",
    },
    loginMethodId: "00000000-0000-4000-8000-000000000001",
    accessScimAppId: "0oa1accessscim000001",
    dashboardScimAppId: "0oa1dashscim00000001",
    dashboardScimTokenId: "0123456789abcdef0123456789abcd01",
  };
  everything.backend = {
    type: "s3",
    bucket: "acme-state",
    region: "eu-west-1",
    keyPrefix: "okta",
    useLockfile: true,
    dynamodbTable: "locks",
    kmsKeyId: "key",
  };
  const cloud = {
    ...structuredClone(everything),
    backend: { type: "cloud", organization: "acme", workspacePrefix: "okta", hostname: "tfe.example.com" },
  };
  const local: Json = { ...structuredClone(everything), backend: { type: "local", directory: "state" } };
  const existingServer = structuredClone(local);
  Object.assign(existingServer.accessLogin, {
    createAuthorizationServer: false,
    authorizationServerId: "aus1a2b3c4d5e6f7g8h9",
  });
  delete existingServer.existing.authorizationServer;
  return [everything, cloud, local, existingServer];
}

function stringPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value === "string") return prefix[0] === "$schema" ? [] : [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...prefix, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...prefix, k]));
  return [];
}

function schemaStringPaths(node: Json, path: string[] = [], out = new Set<string>()): Set<string> {
  for (const sub of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    schemaStringPaths(sub, path, out);
  if (node.type === "string" && path[0] !== "$schema") out.add(path.join("."));
  if (node.type === "object")
    for (const [k, v] of Object.entries(node.properties ?? {})) schemaStringPaths(v as Json, [...path, k], out);
  if (node.type === "array" && node.items) schemaStringPaths(node.items, [...path, "*"], out);
  return out;
}

const pattern = (path: Path) => path.map((p) => (typeof p === "number" ? "*" : p)).join(".");
const field = (path: Path) => path.join(".");

function withValue(base: Json, paths: Path[], value: string): Json {
  const copy = structuredClone(base);
  for (const path of paths) path.slice(0, -1).reduce<Json>((o, k) => o[k], copy)[path[path.length - 1]] = value;
  return copy;
}

function valueAt(base: Json, path: Path): unknown {
  return path.reduce<Json>((o, k) => o[k], base);
}

/** The config file reader's and schema's message for `config`, or undefined when it is valid. */
function refusal(config: Json): string | undefined {
  try {
    loadConfig(writeConfig(config));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Every string and key in the synthesized stacks, but cdktf's metadata ("//"), which Terraform skips. */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "//") continue;
      out.push(k);
      allStrings(v, out);
    }
  }
  return out;
}

/**
 * What Terraform would evaluate in the template `text` that came from a payload: code in an
 * interpolation, outside its quoted strings, or a directive; quoted strings inside an
 * interpolation are templates again, so they are searched the same way.
 */
function evaluated(text: string): string[] {
  const found: string[] = [];
  if (/(^|[^%])%\{/.test(text)) found.push(`directive in ${JSON.stringify(text.slice(0, 60))}`);
  for (const { body } of expressions(text)) {
    const quoted: string[] = [];
    const code = body.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => {
      quoted.push(inner);
      return '""';
    });
    if (/file\(|TfToken|proc\/self/.test(code)) found.push(body);
    found.push(...quoted.flatMap(evaluated));
  }
  return found;
}

const cases = bases().flatMap((base, b) => stringPaths(base).map((path) => ({ base, b, path })));

describe("config strings are data", () => {
  test("the matrix covers every string field of the config schema", () => {
    const schema = JSON.parse(
      readFileSync(join(__dirname, "..", "..", "config", "config.schema.json"), "utf8"),
    ) as Json;
    const covered = new Set(cases.map((c) => pattern(c.path)));
    expect([...schemaStringPaths(schema)].filter((p) => !covered.has(p))).toEqual([]);
  });

  describe.each(payloads.map((p) => [JSON.stringify(p).slice(0, 40), p] as const))("payload %s", (_, payload) => {
    const accepted = new Map<Json, Path[]>();

    test("each field refuses it, naming the field, or accepts it", () => {
      for (const { base, path } of cases) {
        // A group is renamed wherever it is named, so the rules between the lists still hold.
        const original = valueAt(base, path);
        const renamed = stringPaths(base).filter((p) => valueAt(base, p) === original);
        const message = refusal(withValue(base, renamed, payload));
        if (message === undefined) {
          accepted.set(base, [...(accepted.get(base) ?? []), path]);
          continue;
        }
        expect({ path: field(path), named: renamed.some((p) => message.includes(field(p))) }).toEqual({
          path: field(path),
          named: true,
        });
        expect(message).not.toContain("TOKEN.6");
      }
      const fields = [...accepted.values()].flat().map(pattern);
      // Markers and over-long text are refused everywhere; Terraform-looking text is accepted as text.
      if (payload.includes("TfToken") || payload.length > 2048) expect(fields).toEqual([]);
      else
        expect(fields).toEqual(
          expect.arrayContaining([
            "accessLogin.name",
            "accessLogin.appLabel",
            "accessLogin.assignedGroups.*",
            "accessLogin.groupsClaimRegex",
          ]),
        );
    });

    test("where accepted (in every such field at once), it reaches Terraform escaped and is never evaluated", () => {
      for (const [base, paths] of accepted) {
        // Only the first item of each list: two items of one list with the same text would be duplicates.
        const firsts = paths.filter((p) => p[p.length - 1] === 0 || typeof p[p.length - 1] !== "number");
        const { code, stderr, outdir } = runMain(writeConfig(withValue(base, firsts, payload)));
        expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
        const strings = allStrings(readStacks(outdir));
        expect(strings.flatMap(evaluated)).toEqual([]);
        const escaped = [terraformLiteral(payload), terraformLiteral(JSON.stringify(payload).slice(1, -1))];
        expect(strings.some((s) => escaped.some((e) => s.includes(e)))).toBe(true);
      }
    });
  });
});
