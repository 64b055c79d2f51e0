import * as path from "path";
import * as ts from "typescript";
import { Construct } from "constructs";
import * as lib from "../../src";

// The public API is what src/index.ts exports: these tests keep internals out of it and keep every
// exported construct and prop documented the way a company reading the .d.ts in its editor needs.

/** A namespace (`export * as cloudflare`): an object of exports, not an enum (an object of strings). */
const isNamespace = (value: unknown): value is object =>
  value !== null && typeof value === "object" && !Object.values(value).every((v) => typeof v === "string");
const isEnum = (value: unknown): boolean =>
  value !== null && typeof value === "object" && Object.values(value).every((v) => typeof v === "string");

/** Every export as `[name, value]`, a namespace's as `namespace.name`. */
const allExports = (module: object, prefix = ""): [string, unknown][] =>
  Object.entries(module).flatMap(([name, value]): [string, unknown][] =>
    isNamespace(value) ? allExports(value, `${prefix}${name}.`) : [[`${prefix}${name}`, value]],
  );

const isSubclassOf = (value: unknown, base: abstract new (...args: never[]) => unknown): boolean =>
  typeof value === "function" && value.prototype instanceof base;

describe("public API", () => {
  it("exports constructs, errors and enums, and no internal helper (no schema, no function)", () => {
    const unexpected = allExports(lib)
      .filter(([, value]) => !isSubclassOf(value, Construct) && !isSubclassOf(value, Error) && !isEnum(value))
      .map(([name]) => name);
    expect(unexpected).toEqual([]);
  });

  it("exports the constructs a company stack composes", () => {
    for (const name of ["AccessOidcApp", "AccessAuthorizationServer", "OktaGroups", "ScimApp"]) {
      expect(isSubclassOf(lib.okta[name as keyof typeof lib.okta], Construct)).toBe(true);
    }
    for (const name of ["OktaLoginMethod", "OktaAccessGroups", "AccessApplication", "DashboardScimToken"]) {
      expect(isSubclassOf(lib.cloudflare[name as keyof typeof lib.cloudflare], Construct)).toBe(true);
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
  /** A module's exports, a namespace's (`export * as cloudflare`) in its place. */
  const exportsOf = (module: ts.Symbol): ts.Symbol[] =>
    checker
      .getExportsOfModule(module)
      .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
      .flatMap((s) => (s.flags & ts.SymbolFlags.ValueModule ? exportsOf(s) : [s]));
  const exported = exportsOf(index);

  const doc = (s: ts.Symbol) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim();
  const declaredInSrc = (s: ts.Symbol) =>
    (s.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(srcDir));
  const isPublic = (s: ts.Symbol) =>
    (s.declarations ?? []).every(
      (d) => !(ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)),
    );
  const runtime = Object.fromEntries(allExports(lib).map(([name, value]) => [name.split(".").pop()!, value]));
  const isConstruct = (s: ts.Symbol) => isSubclassOf(runtime[s.name], Construct);

  /** Members of an exported interface or class that a user reads or sets. */
  const members = (s: ts.Symbol) =>
    checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(s)).filter((m) => declaredInSrc(m) && isPublic(m));

  const undocumented = (symbols: ts.Symbol[], label = (s: ts.Symbol) => s.name) =>
    symbols.filter((s) => doc(s) === "").map(label);
  const withMembers = exported.filter((s) => s.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class));

  it("documents every export", () => {
    expect(exported.map((s) => s.name)).toEqual(expect.arrayContaining(["OktaLoginMethod", "IdentityUpdateBehavior"]));
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
