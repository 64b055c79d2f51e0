import * as path from "path";
import * as ts from "typescript";
import { Construct } from "constructs";
import * as root from "../../src";

/** The public API with its vendor namespaces flattened: `okta.AccessOidcApp` as `AccessOidcApp`. */
const namespaces = ["okta"] as const;
const { okta, ...rest } = root;
const lib = { ...rest, ...okta };

// The public API is what src/index.ts exports: these tests keep internals out of it and keep every
// exported construct and prop documented the way a company reading the .d.ts in its editor needs.

/** Exports that are neither constructs nor errors, each on purpose. */
const plainExports = ["accessCallbackUrl", "configSchema", "loadConfig", "oktaOrgUrl", "parseConfig", "teamDomainUrl"];

const isSubclassOf = (value: unknown, base: abstract new (...args: never[]) => unknown): boolean =>
  typeof value === "function" && value.prototype instanceof base;

/** A string enum, such as ScimCatalogApp: the choices of a prop. */
const isStringEnum = (value: unknown): boolean =>
  typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");

describe("public API", () => {
  it("exports constructs, errors, enums and the config loader, and no internal helper", () => {
    const unexpected = Object.entries(lib)
      .filter(
        ([name, value]) =>
          !plainExports.includes(name) &&
          !isSubclassOf(value, Construct) &&
          !isSubclassOf(value, Error) &&
          !isStringEnum(value),
      )
      .map(([name]) => name);
    expect(unexpected).toEqual([]);
  });

  it("groups the okta constructs under the okta namespace, not at the root", () => {
    expect(Object.keys(root)).toEqual(expect.arrayContaining([...namespaces]));
    expect(Object.keys(root)).not.toContain("AccessOidcApp");
    expect(isSubclassOf(root.okta.AccessOidcApp, Construct)).toBe(true);
  });

  it("exports the constructs a company stack composes", () => {
    for (const name of [
      "AccessOidcApp",
      "AccessAuthorizationServer",
      "OktaGroups",
      "AccessScimApp",
      "OktaLoginMethod",
    ]) {
      expect(isSubclassOf(lib[name as keyof typeof lib], Construct)).toBe(true);
    }
  });
});

describe("TSDoc of the public API", () => {
  const srcDir = path.resolve(__dirname, "../../src");
  const program = ts.createProgram([path.join(srcDir, "index.ts")], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(path.join(srcDir, "index.ts"))!)!;
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  // A namespace export (`export * as okta`) stands for the exports of its module.
  const exported = checker
    .getExportsOfModule(index)
    .map(resolve)
    .flatMap((s) => (s.flags & ts.SymbolFlags.ValueModule ? checker.getExportsOfModule(s).map(resolve) : [s]));

  const doc = (s: ts.Symbol) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim();
  const declaredInSrc = (s: ts.Symbol) =>
    (s.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(srcDir));
  const isPublic = (s: ts.Symbol) =>
    (s.declarations ?? []).every(
      (d) => !(ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)),
    );
  const isConstruct = (s: ts.Symbol) => isSubclassOf(lib[s.name as keyof typeof lib], Construct);

  /** Members of an exported interface or class that a user reads or sets. */
  const members = (s: ts.Symbol) =>
    checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(s)).filter((m) => declaredInSrc(m) && isPublic(m));

  const undocumented = (symbols: ts.Symbol[], label = (s: ts.Symbol) => s.name) =>
    symbols.filter((s) => doc(s) === "").map(label);
  const withMembers = exported.filter((s) => s.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class));

  it("documents every export", () => {
    expect(undocumented(exported)).toEqual([]);
  });

  it("names the seed step each construct covers", () => {
    expect(
      exported
        .filter(isConstruct)
        .filter((s) => !/seed/i.test(doc(s)))
        .map((s) => s.name),
    ).toEqual([]);
  });

  it("documents every prop and attribute", () => {
    expect(withMembers.flatMap((s) => undocumented(members(s), (m) => `${s.name}.${m.name}`))).toEqual([]);
  });

  it("says the @default of every optional prop", () => {
    const missing = withMembers
      .filter((s) => s.flags & ts.SymbolFlags.Interface)
      .flatMap((s) =>
        members(s)
          .filter((m) => m.flags & ts.SymbolFlags.Optional)
          .map((m) => [s.name, m] as const),
      )
      .filter(([, m]) => !m.getJsDocTags(checker).some((t) => t.name === "default"))
      .map(([owner, m]) => `${owner}.${m.name}`);
    expect(missing).toEqual([]);
  });
});
