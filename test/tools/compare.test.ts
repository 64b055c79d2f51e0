import fc from "fast-check";
import { compare } from "../../tools/diff/compare";
import { flatten } from "../../tools/diff/flatten";
import type { StackModel, SynthModel } from "../../tools/diff/load";
import { looksLikeCredential, REDACTED, redact } from "../../tools/diff/redact";

function app(resources: StackModel["resources"], extra: Partial<StackModel> = {}): SynthModel {
  return { s: { name: "s", resources, outputs: {}, variables: {}, settings: {}, ...extra } };
}

const labels = { base: "a", head: "b" };

describe("flatten", () => {
  it("names nested values by dotted paths, list elements by index, odd keys quoted", () => {
    expect([...flatten({ a: { b: [1, { c: 2 }] }, "x.y": true, e: {}, f: [] }).entries()]).toEqual([
      ["a.b[0]", 1],
      ["a.b[1].c", 2],
      ['["x.y"]', true],
      ["e", {}],
      ["f", []],
    ]);
  });
});

describe("redact", () => {
  it.each([
    ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"],
    ["-----BEGIN RSA PRIVATE KEY-----\nMIIE..."],
    ["AKIAIOSFODNN7EXAMPLE"],
    ["ghp_abcdefghijklmnopqrstuvwxyz012345"],
    ["00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789AbCd"], // Okta SSWS token shape
    ["Y2xvdWRmbGFyZS1hcGktdG9rZW4tZXhhbXBsZQ9Z"], // Cloudflare token shape
  ])("treats %j as a credential", (value) => {
    expect(looksLikeCredential(value)).toBe(true);
    expect(redact(value, "description", false)).toBe(REDACTED);
  });

  it.each([
    ["023e105f4ecef8ad9ca31a8372d0c353"], // Cloudflare account id: lowercase hex
    ["https://team.cloudflareaccess.com/cdn-cgi/access/callback"],
    ["${data.terraform_remote_state.oidc.outputs.client_secret_value_that_is_long}"],
    ["Cloudflare Admins"],
  ])("shows %j", (value) => {
    expect(redact(value, "name", false)).toBe(value);
  });

  it("redacts secret-named attributes and sensitive blocks, keeps absent values absent", () => {
    expect(redact("x", "config.client_secret", false)).toBe(REDACTED);
    expect(redact("x", "api_token", false)).toBe(REDACTED);
    expect(redact("x", "value", true)).toBe(REDACTED);
    expect(redact(undefined, "password", true)).toBeUndefined();
  });

  it("shows attributes that only describe how a secret is used", () => {
    expect(redact("client_secret_basic", "token_endpoint_auth_method", false)).toBe("client_secret_basic");
  });

  it("never leaks a value under a secret-named attribute, however deep", () => {
    const key = fc.constantFrom("client_secret", "password", "api_key", "private_key", "token");
    const segment = fc.stringMatching(/^[a-z]{1,6}$/);
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((s) => `S3CRET${s}`);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 3 }), key, secret, secret, (parents, name, old, now) => {
        fc.pre(old !== now);
        const nest = (v: string) => parents.reduceRight<unknown>((acc, p) => ({ [p]: acc }), { [name]: v });
        const diff = compare(
          app({ "r.x": { attributes: { wrap: nest(old) } } }),
          app({ "r.x": { attributes: { wrap: nest(now) } } }),
          labels,
        );
        const text = JSON.stringify(diff);
        return diff.changed && !text.includes(old) && !text.includes(now);
      }),
    );
  });
});

describe("compare", () => {
  it("hides the value of an output that turns sensitive on either side", () => {
    const output = (value: string, sensitive: boolean) => ({ o: { attributes: { value, sensitive } } });
    const diff = compare(
      app({}, { outputs: output("old-visible", false) }),
      app({}, { outputs: output("now-hidden", true) }),
      labels,
    );
    expect(diff.stacks[0].outputs.changed[0].changes).toEqual([
      { path: "sensitive", old: false, new: true },
      { path: "value", old: REDACTED, new: REDACTED },
    ]);
  });

  it("does not call a resource moved when its attributes differ too", () => {
    const diff = compare(
      app({ "okta_group.a": { attributes: { name: "A" } } }),
      app({ "okta_group.b": { attributes: { name: "B" } } }),
      labels,
    );
    expect(diff.stacks[0].resources.added[0].possiblyMovedFrom).toBeUndefined();
  });

  it("reports an attribute that turns from a value into a block", () => {
    const diff = compare(
      app({ "r.x": { attributes: { include: "everyone" } } }),
      app({ "r.x": { attributes: { include: { everyone: true } } } }),
      labels,
    );
    expect(diff.stacks[0].resources.changed[0].changes).toEqual([
      { path: "include", old: "everyone" },
      { path: "include.everyone", new: true },
    ]);
  });
});
