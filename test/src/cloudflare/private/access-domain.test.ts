import { isAccessDomain } from "../../../../src/cloudflare/private/access-domain";

describe("isAccessDomain", () => {
  it.each([
    "wiki.acme.example",
    "acme.example/wiki",
    "acme.example/wiki/*",
    "*.acme.example",
    "app-1.eu.acme.example/a/b",
  ])("accepts %s", (domain) => expect(isAccessDomain(domain)).toBe(true));
  it.each([
    "https://wiki.acme.example",
    "wiki",
    "wiki.acme.example:8443",
    "WIKI.acme.example",
    "-wiki.acme.example",
    "wiki..acme",
    "acme.example/a b",
    "acme.example/?q=1",
    "",
  ])("rejects %s", (domain) => expect(isAccessDomain(domain)).toBe(false));
});
