import { cloudflareRetryDelay } from "../../../tools/check/cloudflare-api";
import { Fetch, getJson, HttpOptions, MAX_BODY_BYTES } from "../../../tools/check/http";
import { nextLink, OktaApi, oktaRetryDelay } from "../../../tools/check/okta-api";
import { FAKE_OKTA_TOKEN, fakeFetch } from "../../support/fake-apis";

const NOW = 1_700_000_000_000;

function options(fetch: Fetch, over: Partial<HttpOptions> = {}): HttpOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { fetch, sleep: async (ms) => void sleeps.push(ms), now: () => NOW, sleeps, ...over };
}

describe("getJson", () => {
  it("gives up after the bounded retries when the rate limit persists", async () => {
    const o = options(fakeFetch([[/./, { status: 429, headers: { "retry-after": "2" } }]]), { maxRetries: 2 });
    const res = await getJson("Cloudflare", "https://api.cloudflare.com/client/v4/x", {}, cloudflareRetryDelay, o);
    expect(res).toEqual({
      ok: false,
      status: 429,
      reason:
        "Cloudflare rate limit reached (GET /client/v4/x; still limited after 2 retries): run the check again later",
    });
    expect(o.sleeps).toEqual([2000, 2000]);
  });

  it("does not wait longer than maxWaitMs (Cloudflare blocks for five minutes)", async () => {
    const o = options(fakeFetch([[/./, { status: 429, headers: { "retry-after": "300" } }]]));
    const res = await getJson("Cloudflare", "https://api.cloudflare.com/client/v4/x", {}, cloudflareRetryDelay, o);
    expect(res.ok).toBe(false);
    expect(o.sleeps).toEqual([]);
  });

  it("backs off exponentially when a 429 says nothing of when to retry", async () => {
    const o = options(fakeFetch([[/./, [{ status: 429 }, { status: 429 }, { body: [] }]]]));
    expect((await getJson("Okta", "https://acme.okta.com/api/v1/groups", {}, oktaRetryDelay, o)).ok).toBe(true);
    expect(o.sleeps).toEqual([1000, 2000]);
  });

  it("reports a request that times out, without throwing", async () => {
    const timeout: Fetch = async () => {
      throw Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
    };
    const res = await getJson(
      "Okta",
      "https://acme.okta.com/api/v1/apps/0oa1",
      {},
      oktaRetryDelay,
      options(timeout, { timeoutMs: 5000 }),
    );
    expect(res).toEqual({
      ok: false,
      reason: "Okta could not be reached (GET /api/v1/apps/0oa1: no answer within 5 s)",
    });
  });

  it("never puts a header in an error, only the status, the path and the service's message", async () => {
    const o = options(
      fakeFetch([[/./, { status: 401, body: { errorCode: "E0000011", errorSummary: "Invalid token provided" } }]]),
    );
    const res = await getJson(
      "Okta",
      "https://acme.okta.com/api/v1/apps/0oa1",
      { authorization: `SSWS ${FAKE_OKTA_TOKEN}` },
      oktaRetryDelay,
      o,
    );
    expect(res).toEqual({
      ok: false,
      status: 401,
      reason:
        "Okta answered HTTP 401 to GET /api/v1/apps/0oa1 (Invalid token provided): the token is not accepted (wrong, expired or revoked)",
    });
  });
});

describe("getJson bounds", () => {
  const raw =
    (text: string): Fetch =>
    async () =>
      new Response(text, { status: 200 });

  it("reads a body of 4 MiB, and refuses one byte more without parsing it", async () => {
    expect(MAX_BODY_BYTES).toBe(4 * 1024 * 1024);
    const padded = (bytes: number) => `[]${" ".repeat(bytes - 2)}`;
    expect(
      (
        await getJson(
          "Okta",
          "https://acme.okta.com/api/v1/groups",
          {},
          oktaRetryDelay,
          options(raw(padded(MAX_BODY_BYTES))),
        )
      ).ok,
    ).toBe(true);
    expect(
      await getJson(
        "Okta",
        "https://acme.okta.com/api/v1/groups",
        {},
        oktaRetryDelay,
        options(raw(padded(MAX_BODY_BYTES + 1))),
      ),
    ).toEqual({
      ok: false,
      status: 200,
      reason: "Okta answered GET /api/v1/groups with more than 4 MiB, more than the check reads",
    });
  });

  it("never hands fetch a header value with a control character (its own error would quote it)", async () => {
    const fetch = fakeFetch([[/./, { body: [] }]]);
    const res = await getJson(
      "Okta",
      "https://acme.okta.com/api/v1/groups",
      { authorization: `SSWS ${FAKE_OKTA_TOKEN}\r\nX-Evil: 1` },
      oktaRetryDelay,
      options(fetch),
    );
    expect(res).toEqual({
      ok: false,
      reason:
        "Okta was not called (GET /api/v1/groups): its credential holds a control or non-ASCII character, so it is not sent",
    });
    expect(fetch.calls).toEqual([]);
  });

  it("does not wait for a rate limit past the check's deadline", async () => {
    const o = options(fakeFetch([[/./, { status: 429, headers: { "retry-after": "10" } }]]), { deadline: NOW + 5_000 });
    const res = await getJson("Cloudflare", "https://api.cloudflare.com/client/v4/x", {}, cloudflareRetryDelay, o);
    expect(res).toMatchObject({ ok: false, status: 429 });
    expect(o.sleeps).toEqual([]);
  });

  it("names a call whose path is not valid percent-encoding as it is, instead of throwing", async () => {
    const res = await getJson(
      "Okta",
      "https://acme.okta.com/api/v1/groups?after=%E0%A4%A",
      {},
      oktaRetryDelay,
      options(raw("<html>")),
    );
    expect(res).toMatchObject({
      ok: false,
      reason:
        "Okta answered GET /api/v1/groups?after=%E0%A4%A with HTTP 200 but not JSON (an HTML page, or cut short): could not read it",
    });
  });
});

describe("rate limit headers", () => {
  it("waits until Okta's X-Rate-Limit-Reset (epoch seconds), plus a second", () => {
    expect(oktaRetryDelay(new Headers({ "x-rate-limit-reset": String(NOW / 1000 + 10) }), NOW)).toBe(11_000);
    expect(oktaRetryDelay(new Headers({ "x-rate-limit-reset": String(NOW / 1000 - 10) }), NOW)).toBe(1000);
    expect(oktaRetryDelay(new Headers(), NOW)).toBeUndefined();
  });

  it("waits Cloudflare's retry-after seconds", () => {
    expect(cloudflareRetryDelay(new Headers({ "retry-after": "7" }), NOW)).toBe(7000);
    expect(cloudflareRetryDelay(new Headers(), NOW)).toBeUndefined();
  });
});

describe("Okta paging", () => {
  it("reads rel=next from a Link header", () => {
    const link =
      '<https://acme.okta.com/api/v1/groups?limit=200>; rel="self", <https://acme.okta.com/api/v1/groups?after=00g2&limit=200>; rel="next"';
    expect(nextLink(link)).toBe("https://acme.okta.com/api/v1/groups?after=00g2&limit=200");
    expect(nextLink('<https://acme.okta.com/api/v1/groups>; rel="self"')).toBeUndefined();
  });

  const group = (id: string, name: string) => ({ id, profile: { name } });

  it("follows next pages on the org's host", async () => {
    const fetch = fakeFetch([
      [/after=p2/, { body: [group("00gB", "B")] }],
      [
        /^\/api\/v1\/groups\?/,
        {
          body: [group("00gA", "A")],
          headers: { link: '<https://acme.okta.com/api/v1/groups?after=p2&limit=200>; rel="next"' },
        },
      ],
    ]);
    const res = await new OktaApi("https://acme.okta.com", FAKE_OKTA_TOKEN, options(fetch)).groupIds([
      "A",
      "B",
      "00gC0000000000000001",
    ]);
    expect(res).toEqual({
      ok: true,
      value: new Map([
        ["00gC0000000000000001", ["00gC0000000000000001"]],
        ["A", ["00gA"]],
        ["B", ["00gB"]],
      ]),
    });
    expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual(["acme.okta.com", "acme.okta.com"]);
    expect(decodeURIComponent(fetch.calls[0].url)).toContain('search=profile.name eq "A" or profile.name eq "B"');
  });

  it("could not read a list whose next link is not a URL", async () => {
    const fetch = fakeFetch([
      [/^\/api\/v1\/groups\?/, { body: [group("00gA", "A")], headers: { link: '<http://[bad>; rel="next"' } }],
    ]);
    const res = await new OktaApi("https://acme.okta.com", FAKE_OKTA_TOKEN, options(fetch)).groupIds(["A"]);
    expect(res).toMatchObject({
      ok: false,
      reason: "Okta's next page of GET /api/v1/groups is not a URL: the list could not be read",
    });
  });

  it("never sends the token to a next page on another host, and does not take the pages read for the whole list", async () => {
    const fetch = fakeFetch([
      [
        /after=p2/,
        { body: [group("00gB", "B")], headers: { link: '<https://evil.example/api/v1/groups?after=p3>; rel="next"' } },
      ],
      [
        /^\/api\/v1\/groups\?/,
        {
          body: [group("00gA", "A")],
          headers: { link: '<https://acme.okta.com/api/v1/groups?after=p2&limit=200>; rel="next"' },
        },
      ],
    ]);
    const res = await new OktaApi("https://acme.okta.com", FAKE_OKTA_TOKEN, options(fetch)).groupIds(["A", "B", "C"]);
    expect(res).toMatchObject({
      ok: false,
      reason:
        "Okta's next page of GET /api/v1/groups is on another host: the check sends the token to the org only, so the list could not be read",
    });
    expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual(["acme.okta.com", "acme.okta.com"]);
  });
});
