import * as z from "zod";
import { TerraformStack, Testing } from "../../../src/cdktf";
import { AccessOidcApp } from "../../../src/okta/access-oidc-app";
import { OktaGroups } from "../../../src/okta/groups";
import { parseOrThrow } from "../../../src/private/validation";

/** The message parseOrThrow gives for `input` against `schema`, under the prefix "field". */
function message(schema: z.ZodType, input: unknown): string {
  try {
    parseOrThrow(schema, input, "field");
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a validation error");
}

// zod's own messages ("Invalid input: expected string, received number") become fixes.
describe("fixes for zod's default messages", () => {
  test.each<[string, z.ZodType, unknown, string]>([
    ["a missing string", z.string(), undefined, "field is missing. Add it: a string (text in double quotes)."],
    [
      "a number for a string",
      z.string(),
      5,
      "field: 5 is not valid. Use a string (text in double quotes), not a number.",
    ],
    ["a quoted boolean", z.boolean(), "false", 'field: "false" is not valid. Use false without quotes.'],
    ["a quoted number", z.number(), " 42 ", 'field: " 42 " is not valid. Use 42 without quotes.'],
    ["a fraction for a whole number", z.number().int(), 1.5, "field: 1.5 is not valid. Use a whole number."],
    [
      "one string for a list",
      z.array(z.string()),
      "Engineering",
      'field: "Engineering" is not valid. Use a list: ["Engineering"].',
    ],
    ["null for an object", z.object({}), null, "field: null is not valid. Use an object ({...}), not null."],
    ["a list for an object", z.object({}), [], "field: [] is not valid. Use an object ({...}), not a list."],
    ["an empty string", z.string().min(1), "", 'field: "" is not valid. Use a non-empty string.'],
    ["a short string", z.string().min(3), "ab", 'field: "ab" is not valid. Use at least 3 characters.'],
    ["an empty list", z.array(z.string()).min(1), [], "field: [] is not valid. List at least one item."],
    [
      "a long list",
      z.array(z.string()).max(2),
      ["a", "b", "c"],
      'field: ["a","b","c"] is not valid. List at most 2 items.',
    ],
    ["a number too big", z.number().max(100), 150, "field: 150 is not valid. Use a number <= 100."],
    ["a number too small", z.number().gt(0), 0, "field: 0 is not valid. Use a number > 0."],
    [
      "a value outside an enum",
      z.enum(["reauth", "automatic"]),
      "always",
      'field: "always" is not valid. Use one of "reauth", "automatic".',
    ],
    ["a wrong literal", z.literal("okta"), "saml", 'field: "saml" is not valid. Use "okta".'],
    ["a pattern miss", z.string().regex(/^a+$/), "b", 'field: "b" is not valid. Use a value that matches /^a+$/.'],
  ])("%s", (_, schema, input, expected) => {
    expect(message(schema, input)).toBe(expected);
  });

  test("a schema's own message wins over the generic fix", () => {
    expect(message(z.string().min(1, { message: "Name it." }), "")).toBe('field: "" is not valid. Name it.');
  });

  test("a missing or mistyped field gets its description", () => {
    const schema = z.strictObject({ teamName: z.string().describe("Zero Trust team name.") });
    expect(message(schema, {})).toBe(
      "field.teamName is missing. Add it: a string (text in double quotes). Zero Trust team name.",
    );
  });
});

describe("unknown keys", () => {
  const schema = z.strictObject({
    label: z.string().optional(),
    okta: z.strictObject({ orgName: z.string().optional() }).optional(),
  });

  test("a near miss gets a suggestion", () => {
    expect(message(schema, { labl: "x" })).toBe(
      'field.labl is not a known key. Did you mean "label"? Fix the spelling, or remove it.',
    );
  });

  test("a key in the wrong place is pointed to its place", () => {
    expect(message(schema, { orgName: "acme" })).toBe(
      "field.orgName is not a known key. It belongs elsewhere: move it to okta.orgName.",
    );
  });

  test("anything else lists the keys allowed there", () => {
    expect(message(schema, { colour: "red" })).toBe(
      "field.colour is not a known key. Remove it. Keys allowed here: label, okta.",
    );
  });

  test("a credential is refused without printing it", () => {
    const text = message(schema, { apiToken: "00secret-value" });
    expect(text).toContain("field.apiToken is not a known key. Credentials never go in the config file");
    expect(text).not.toContain("00secret-value");
  });

  test("a key that is not a plain word is quoted", () => {
    expect(message(schema, { "my label": 1 })).toMatch(/^field\["my label"\] is not a known key\./);
  });
});

describe("construct props get the same messages", () => {
  test("a misspelled prop of a construct gets a suggestion under the construct's ID", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const groups = new OktaGroups(stack, "groups", { names: ["Engineering"] });
    const props = {
      okta: { orgName: "acme", baseUrl: "okta.com" },
      teamName: "acme",
      assignedGroups: ["Engineering"],
      groups,
      lable: "Access",
    };
    expect(() => new AccessOidcApp(stack, "oidc", props)).toThrow(
      'oidc.lable is not a known key. Did you mean "label"?',
    );
  });
});
