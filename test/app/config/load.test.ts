import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ConfigError, loadConfig, parseConfig } from "../../../app/config/load";
import { closest } from "../../../src/private/zod-schema-keys";
import { exampleConfigInput } from "../../support/helpers";

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "config-")), "config.json");
  writeFileSync(path, text);
  return path;
}

describe("config", () => {
  test("the example config loads with the documented defaults", () => {
    const config = loadConfig("config/example.json");
    expect(config.accessLogin.groupsClaimRegex).toBe(".*");
    // Defaults a construct applies stay unset here: AccessOidcApp protects itself (see destroy-protection).
    expect(config.accessLogin.preventDestroy).toBeUndefined();
    expect(config.backend).toEqual({ type: "local", directory: ".", allowOutsideProject: false });
    expect(config.okta.provider.maxRetries).toBeGreaterThan(0);
  });

  test("leaves the login method's defaults (name, PKCE, destroy protection) to OktaLoginMethod", () => {
    const input = exampleConfigInput();
    delete input.accessLogin.name;
    delete input.accessLogin.pkce;
    const login = parseConfig(input).accessLogin;
    expect([login.name, login.pkce, login.preventDestroy]).toEqual([undefined, undefined, undefined]);
  });

  test("a misspelled key is an error that suggests the right one", () => {
    const input = exampleConfigInput();
    (input.accessLogin.scim as Record<string, unknown>).seatDeprovison = true;
    expect(() => parseConfig(input)).toThrow(
      'accessLogin.scim.seatDeprovison is not a known key. Did you mean "seatDeprovision"?',
    );
  });

  test("seat removal needs user deprovisioning", () => {
    const input = exampleConfigInput();
    Object.assign(input.accessLogin.scim!, { userDeprovision: false, seatDeprovision: true });
    expect(() => parseConfig(input)).toThrow(/accessLogin\.scim\.seatDeprovision: true is not valid/);
  });

  test("push groups must be assigned groups", () => {
    const input = exampleConfigInput();
    input.accessLogin.scim!.pushGroups = ["Engineering", "Sales"];
    expect(() => parseConfig(input)).toThrow(/accessLogin\.scim\.pushGroups: .*add "Sales" to assignedGroups/);
  });

  test("an existing authorization server and a created one exclude each other", () => {
    const input = exampleConfigInput();
    Object.assign(input.accessLogin, {
      authorizationServerId: "aus1a2b3c4d5e6f7g8h9",
      createAuthorizationServer: true,
    });
    expect(() => parseConfig(input)).toThrow(
      /accessLogin\.createAuthorizationServer: true is not valid\. Either name an existing/,
    );
  });

  test("every problem is reported at once, each on its own line", () => {
    const input = exampleConfigInput();
    input.cloudflare.accountId = "nope";
    input.cloudflare.teamName = "Acme Corp";
    const message = (() => {
      try {
        parseConfig(input);
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    expect(message.split("\n")).toEqual([
      expect.stringMatching(/^cloudflare\.accountId: "nope" is not valid\./),
      expect.stringMatching(/^cloudflare\.teamName: "Acme Corp" is not valid\./),
    ]);
  });

  test.each([
    ["a missing file", null, /does not exist: create it .* or set OKTA_CLOUDFLARE_CONFIG/],
    ["an empty file", "  \n", /is empty/],
    ["broken JSON", '{ "name": ', /is not valid JSON/],
  ])("%s is a ConfigError that says what to do", (_name, text, message) => {
    const path = text === null ? "/nonexistent/config.json" : file(text);
    expect(() => loadConfig(path)).toThrow(ConfigError);
    expect(() => loadConfig(path)).toThrow(message);
  });

  test("suggestions only for near misses", () => {
    expect(closest("assignedGroup", ["assignedGroups", "pushGroups"])).toBe("assignedGroups");
    expect(closest("color", ["assignedGroups", "pushGroups"])).toBeUndefined();
  });
});
