import { readFileSync } from "fs";
import { accessGroupNames, accessGroupsNotPushed, pushedGroups } from "../../../app/config/access-policies-schema";
import { parseConfig } from "../../../app/config/load";
import { ValidationErrors } from "../../../src/private/validation";

const example = JSON.parse(readFileSync("config/example.json", "utf8"));

/** The example config without applications, `accessLogin` and top-level keys replaced (undefined removes a key). */
function config(accessLogin: Record<string, unknown>, top: Record<string, unknown> = {}) {
  const input = {
    ...example,
    accessApplications: undefined,
    ...top,
    accessLogin: { ...example.accessLogin, ...accessLogin },
  };
  return JSON.parse(JSON.stringify(input));
}

const scim = (pushGroups?: string[]) => ({
  ...example.accessLogin.scim,
  assignedGroups: ["Engineering", "Finance", "Sales"],
  pushGroups,
});
const wiki = { name: "Wiki", domain: "wiki.acme.example", allowGroups: ["Engineering"] };

function errorOf(input: unknown): string {
  try {
    parseConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationErrors);
    return (e as Error).message;
  }
  throw new Error("expected a validation error");
}

describe("accessLogin.accessGroups", () => {
  it("defaults to the groups Access SCIM pushes, else its assigned groups", () => {
    expect(accessGroupNames(parseConfig(config({ scim: scim(["Sales"]) })).accessLogin)).toEqual(["Sales"]);
    expect(accessGroupNames(parseConfig(config({ scim: scim() })).accessLogin)).toEqual([
      "Engineering",
      "Finance",
      "Sales",
    ]);
  });

  it("is empty by default without Access SCIM: nothing else puts groups in the identity Access checks", () => {
    expect(pushedGroups({ scim: { ...scim(["Sales"]), enabled: false } })).toEqual([]);
    expect(accessGroupNames(parseConfig(config({ scim: undefined })).accessLogin)).toEqual([]);
  });

  it("can name a subset of the pushed groups, or none", () => {
    expect(accessGroupNames(parseConfig(config({ accessGroups: ["Finance"] })).accessLogin)).toEqual(["Finance"]);
    expect(accessGroupNames(parseConfig(config({ accessGroups: [] })).accessLogin)).toEqual([]);
  });

  it("rejects a group Access SCIM does not push", () => {
    expect(accessGroupsNotPushed(["Engineering"], ["Engineering", "Sales"])).toEqual(["Sales"]);
    expect(errorOf(config({ accessGroups: ["Engineering", "Sales"] }))).toMatch(
      /^accessLogin\.accessGroups: \["Engineering","Sales"\] is not valid\. "Sales" is not pushed by Access SCIM.*add it to accessLogin\.scim\.pushGroups/,
    );
  });

  it("rejects Access groups when SCIM is off", () => {
    expect(errorOf(config({ scim: undefined, accessGroups: ["Engineering"] }))).toMatch(
      /^accessLogin\.accessGroups: .*Access SCIM is off: set accessLogin\.scim\.enabled to true/,
    );
  });

  it("rejects an Okta group ID: Access matches names", () => {
    expect(errorOf(config({ accessGroups: ["00g1abcdefghijklmnop"] }))).toMatch(
      /^accessLogin\.accessGroups\.0: "00g1abcdefghijklmnop" .*by name/m,
    );
  });

  it("must be set when the pushed groups are given by ID", () => {
    const id = "00g1abcdefghijklmnop";
    const input = config({ assignedGroups: [id], scim: { ...scim([id]), assignedGroups: [id] } });
    expect(errorOf(input)).toMatch(
      /^accessLogin\.accessGroups is missing\. .*"00g1abcdefghijklmnop" are Okta group IDs.*set it to \[\] for none/,
    );
    expect(() => parseConfig({ ...input, accessLogin: { ...input.accessLogin, accessGroups: [] } })).not.toThrow();
  });
});

describe("accessApplications", () => {
  it("is optional", () => {
    expect(parseConfig(config({})).accessApplications).toBeUndefined();
  });

  it("parses the example's application", () => {
    expect(parseConfig(example).accessApplications).toEqual([wiki]);
  });

  it.each([
    [
      "a domain with a scheme",
      { domain: "https://wiki.acme.example" },
      "accessApplications.0.domain",
      "without scheme",
    ],
    ["a bad session duration", { sessionDuration: "1d" }, "accessApplications.0.sessionDuration", '"24h"'],
    ["empty allowGroups", { allowGroups: [] }, "accessApplications.0.allowGroups", "at least one Okta group"],
    [
      "a group ID in allowGroups",
      { allowGroups: ["00g1abcdefghijklmnop"] },
      "accessApplications.0.allowGroups.0",
      "by name",
    ],
    ["no name", { name: "" }, "accessApplications.0.name", "App Launcher"],
  ])("rejects %s", (_, change, field, fix) => {
    const message = errorOf(config({}, { accessApplications: [{ ...wiki, ...change }] }));
    expect(message).toContain(`${field}: `);
    expect(message).toContain(fix);
  });

  it("rejects an allowed group that is not pushed (Access groups by default)", () => {
    expect(
      errorOf(config({ scim: scim(["Engineering"]) }, { accessApplications: [{ ...wiki, allowGroups: ["Finance"] }] })),
    ).toMatch(
      /^accessApplications\.0\.allowGroups: \["Finance"\] is not valid\. "Finance" has no Access group .*add it to accessLogin\.scim\.pushGroups/,
    );
  });

  it("rejects an allowed group left out of accessGroups", () => {
    expect(
      errorOf(
        config({ accessGroups: ["Engineering"] }, { accessApplications: [{ ...wiki, allowGroups: ["Finance"] }] }),
      ),
    ).toMatch(
      /^accessApplications\.0\.allowGroups: .*"Finance" has no Access group: add it to accessLogin\.accessGroups/,
    );
  });

  it("rejects two applications with one name, or one domain", () => {
    const apps = [wiki, { ...wiki, domain: "docs.acme.example" }, { ...wiki, name: "Docs" }];
    const message = errorOf(config({}, { accessApplications: apps }));
    expect(message).toContain(
      'accessApplications.0.name: "Wiki" is not valid. Used by more than one application: give each application its own name.',
    );
    expect(message).toContain('accessApplications.1.name: "Wiki"');
    expect(message).toContain(
      'accessApplications.2.domain: "wiki.acme.example" is not valid. Used by more than one application',
    );
  });

  it("suggests the key a typo meant", () => {
    const { allowGroups, ...rest } = wiki;
    expect(errorOf(config({}, { accessApplications: [{ ...rest, allowGroup: allowGroups }] }))).toContain(
      'accessApplications.0.allowGroup is not a known key. Did you mean "allowGroups"?',
    );
  });
});
