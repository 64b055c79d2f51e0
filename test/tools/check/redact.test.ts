import { isTokenShaped, serviceText } from "../../../tools/check/redact";
import { FAKE_CLOUDFLARE_TOKEN, FAKE_OKTA_TOKEN } from "../../support/fake-apis";

describe("serviceText", () => {
  it("redacts the call's own credentials wherever they appear", () => {
    expect(serviceText(`token ${FAKE_OKTA_TOKEN}!`, [FAKE_OKTA_TOKEN])).toBe("token [redacted]!");
    expect(serviceText("short secret: abc123", ["abc123"])).toBe("short secret: [redacted]");
  });

  it("redacts any SSWS, Bearer or Basic credential, known or not", () => {
    expect(
      serviceText("Authorization: SSWS 00abcdefgh, then Bearer eyJhbGciOi.eyJzdWIi.c2ln and basic dXNlcjpwYXNz", []),
    ).toBe("Authorization: SSWS [redacted], then Bearer [redacted] and basic [redacted]");
  });

  it("redacts long opaque strings that mix upper case, lower case and digits, as API tokens do", () => {
    expect(serviceText(`leaked ${FAKE_CLOUDFLARE_TOKEN} here`, [])).toBe("leaked [redacted] here");
    expect(serviceText("jwt aB3dEfGhIjKlMnOpQrStUvWx1234.aB3dEfGhIjKlMnOpQrStUvWx5678", [])).toBe(
      "jwt [redacted].[redacted]",
    );
  });

  it("keeps prose, IDs in hex, UUIDs, Okta IDs and feature names readable", () => {
    const text =
      "Bearer token invalid for account 0123456789abcdef0123456789abcdef, idp f174e90a-fafe-4643-bbbc-4a0ed4fc8415, app 0oaAccessScim00000001: PUSH_USER_DEACTIVATION";
    expect(serviceText(text, [])).toBe(text);
  });

  it("turns control characters into spaces, so no line of a job summary can be forged", () => {
    expect(serviceText("bad\r\n## Everything is done\u0000\u2028x", [])).toBe("bad  ## Everything is done  x");
  });

  it("keeps at most 200 characters, redacting before it cuts", () => {
    expect(serviceText("x".repeat(500), [])).toBe(`${"x".repeat(200)}…`);
    expect(serviceText(`${"x ".repeat(90)}${FAKE_OKTA_TOKEN}`, [FAKE_OKTA_TOKEN])).toBe(`${"x ".repeat(90)}[redacted]`);
  });
});

describe("isTokenShaped", () => {
  it("accepts printable ASCII without spaces", () => {
    expect(isTokenShaped(FAKE_OKTA_TOKEN)).toBe(true);
    expect(isTokenShaped("a-b_c.d~e+f/g=")).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["a trailing line feed", `${FAKE_OKTA_TOKEN}\n`],
    ["a carriage return", "abc\rdef"],
    ["a tab", "abc\tdef"],
    ["a space", "abc def"],
    ["DEL", "abc\u007f"],
    ["a non-ASCII letter", "abcé"],
  ])("refuses %s", (_, value) => {
    expect(isTokenShaped(value)).toBe(false);
  });
});
