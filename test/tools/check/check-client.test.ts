import { checkRunbook } from "../../../tools/check/check";
import { CloudflareApi } from "../../../tools/check/cloudflare-api";
import { HttpOptions } from "../../../tools/check/http";
import { StepCheck } from "../../../app/runbook/model";
import { OktaApi } from "../../../tools/check/okta-api";
import { renderMarkdown } from "../../../app/runbook/render-markdown";
import {
  ACCESS_APP,
  allDone,
  exampleProject,
  FAKE_CLOUDFLARE_TOKEN,
  FAKE_OKTA_TOKEN,
  FAKE_SCIM_TOKEN,
  fakeOutputs,
} from "../../support/fake-apis";
import { Handler, localServer, LocalServer, streamBytes } from "../../support/local-server";

// The check's real client (Node's global fetch) against a local server that answers as a broken or
// hostile service would. Each test proves the check ends, reports the step it could not check, with
// why, and prints no token.

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const appPath = new RegExp(`^/api/v1/apps/${ACCESS_APP}$`);
const mappingsPath = new RegExp(`^/api/v1/apps/${ACCESS_APP}/group-push/mappings`);

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handlers: Array<[RegExp, Handler]>): Promise<LocalServer> {
  const server = await localServer(handlers, allDone());
  servers.push(server);
  return server;
}

/** Runs the check of the example project against `server`; fails the test if any token is printed. */
async function check(server: LocalServer, http: Partial<HttpOptions> = {}) {
  const options: HttpOptions = { fetch: (url, init) => fetch(url, init), sleep: async () => undefined, ...http };
  const { rb, targets } = exampleProject();
  const checked = await checkRunbook(rb, targets, {
    outputs: fakeOutputs(),
    okta: new OktaApi(server.url, FAKE_OKTA_TOKEN, options),
    cloudflare: new CloudflareApi(FAKE_CLOUDFLARE_TOKEN, options, `${server.url}/client/v4`),
  });
  const printed = renderMarkdown(checked) + JSON.stringify(checked);
  for (const token of [FAKE_OKTA_TOKEN, FAKE_CLOUDFLARE_TOKEN, FAKE_SCIM_TOKEN]) expect(printed).not.toContain(token);
  const step = (app: string, id: string): StepCheck | undefined =>
    checked.apps.find((a) => a.id === app)!.steps.find((s) => s.id === id)!.check;
  return { checked, step, printed };
}

const requestsTo = (server: LocalServer, path: RegExp) =>
  server.requests.filter((r) => path.test(decodeURIComponent(r.url))).length;

const answer =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body);
  };

/** Echoes the request's Authorization header in the error text, as a careless service might. */
const echoAuthorization =
  (status: number, shape: "okta" | "cloudflare"): Handler =>
  (req, res) => {
    const text = `request rejected; headers were: authorization: ${req.headers.authorization}`;
    const body =
      shape === "okta"
        ? { errorCode: "E0000009", errorSummary: text }
        : { success: false, errors: [{ code: 10000, message: text }] };
    answer(status, JSON.stringify(body))(req, res);
  };

describe("the check's client against a local server", () => {
  it("passes every checkable step when the server answers as the APIs do (the harness works)", async () => {
    const { checked } = await check(await serve([]));
    expect(checked.summary).toEqual({ pass: 15, fail: 0, unknown: 5 });
  });

  it("ends a rel=next that points at its own page after one request, as could not check", async () => {
    const server = await serve([
      [
        mappingsPath,
        (req, res) => answer(200, "[]", { link: `<http://${req.headers.host}${req.url}>; rel="next"` })(req, res),
      ],
    ]);
    const { step } = await check(server);
    expect(step("access-scim", "push-groups")).toEqual({
      status: "unknown",
      detail: `Okta's next page of GET /api/v1/apps/${ACCESS_APP}/group-push/mappings is one already read (its rel="next" links loop): the list could not be read`,
    });
    expect(requestsTo(server, mappingsPath)).toBe(1);
  });

  it("reads at most 100 pages of a list that never ends", async () => {
    const server = await serve([
      [
        mappingsPath,
        (req, res) => {
          const page = Number(new URL(req.url!, "http://x").searchParams.get("after") ?? 0);
          answer(200, "[]", { link: `</api/v1/apps/${ACCESS_APP}/group-push/mappings?after=${page + 1}>; rel="next"` })(
            req,
            res,
          );
        },
      ],
    ]);
    const { step } = await check(server);
    expect(step("access-scim", "push-groups")?.detail).toBe(
      `Okta's GET /api/v1/apps/${ACCESS_APP}/group-push/mappings has more than 100 pages, more than the check reads: the list could not be read`,
    );
    expect(requestsTo(server, mappingsPath)).toBe(100);
  });

  it.each([
    ["streamed without a length", {}],
    ["announced by content-length", { "content-length": String(GiB) }],
  ])(
    "abandons a 1 GiB body (%s) past 4 MiB; only that call's steps could not be checked",
    async (_, headers: Record<string, string>) => {
      const body = streamBytes(GiB, headers);
      const { step } = await check(await serve([[appPath, body]]));
      const tooLarge = {
        status: "unknown",
        detail: `Okta answered GET /api/v1/apps/${ACCESS_APP} with more than 4 MiB, more than the check reads`,
      };
      expect(step("access-scim", "configure-api-integration")).toEqual(tooLarge);
      expect(step("access-scim", "to-app")).toEqual(tooLarge);
      expect(step("access-scim", "verify")?.status).toBe("pass");
      expect(step("dashboard-scim", "configure-api-integration")?.status).toBe("pass");
      expect(body.written()).toBeLessThan(64 * MiB);
    },
  );

  it("ends a body that stalls after the headers at the per-request timeout", async () => {
    const stall: Handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(`{"id":"${ACCESS_APP}","features":[`);
    };
    const { step } = await check(await serve([[appPath, stall]]), { timeoutMs: 300 });
    expect(step("access-scim", "configure-api-integration")).toEqual({
      status: "unknown",
      detail: `Okta did not finish its answer to GET /api/v1/apps/${ACCESS_APP} (not within 0.3 s): could not read it`,
    });
    expect(step("dashboard-scim", "configure-api-integration")?.status).toBe("pass");
  });

  it("ends a request whose headers never come at the per-request timeout", async () => {
    const { step } = await check(await serve([[appPath, () => undefined]]), { timeoutMs: 300 });
    expect(step("access-scim", "configure-api-integration")?.detail).toBe(
      `Okta could not be reached (GET /api/v1/apps/${ACCESS_APP}: no answer within 0.3 s)`,
    );
  });

  it("ends the whole check at its deadline, however long each request may take", async () => {
    const server = await serve([[/./, () => undefined]]);
    const { checked, step } = await check(server, { timeoutMs: 60_000, deadline: Date.now() + 300 });
    expect(step("access-scim", "configure-api-integration")?.detail).toBe(
      `Okta could not be reached (GET /api/v1/apps/${ACCESS_APP}: the check's time limit ran out)`,
    );
    expect(step("dashboard-scim", "verify")?.detail).toMatch(
      /^Cloudflare \(dashboard SCIM\) was not called \(GET .*\): the check's time limit ran out$/,
    );
    expect(checked.summary?.pass).toBe(0);
    expect(server.requests.length).toBe(1);
  });

  it.each([
    ["an HTML page", "<!doctype html><html><body>Sign in</body></html>"],
    ["JSON cut short", `{"id":"${ACCESS_APP}","features":["PUSH_NEW_USERS","GRO`],
    ["an empty body", ""],
  ])("makes only that step could not check when a 200 holds %s", async (_, text) => {
    const { step } = await check(await serve([[appPath, answer(200, text, { "content-type": "text/html" })]]));
    expect(step("access-scim", "configure-api-integration")).toEqual({
      status: "unknown",
      detail: `Okta answered GET /api/v1/apps/${ACCESS_APP} with HTTP 200 but not JSON (an HTML page, or cut short): could not read it`,
    });
    expect(step("access-scim", "push-groups")?.status).toBe("pass");
    expect(step("access-scim", "verify")?.status).toBe("pass");
  });

  it("gives up on a 429 that echoes the Authorization header after its retries, printing no token", async () => {
    const server = await serve([[appPath, echoAuthorization(429, "okta")]]);
    const { step } = await check(server);
    expect(step("access-scim", "configure-api-integration")?.detail).toBe(
      `Okta rate limit reached (GET /api/v1/apps/${ACCESS_APP}; still limited after 3 retries): run the check again later`,
    );
    expect(requestsTo(server, appPath)).toBe(4);
  });

  it("redacts the Authorization header a 500 echoes, from Okta and from Cloudflare", async () => {
    const server = await serve([
      [appPath, echoAuthorization(500, "okta")],
      [/\/scim\/users/, echoAuthorization(500, "cloudflare")],
      [/\/scim\/v2\/Groups/, echoAuthorization(500, "cloudflare")],
    ]);
    const { step } = await check(server);
    expect(step("access-scim", "configure-api-integration")?.detail).toBe(
      `Okta answered HTTP 500 to GET /api/v1/apps/${ACCESS_APP} (request rejected; headers were: authorization: SSWS [redacted])`,
    );
    expect(step("access-scim", "verify")?.detail).toMatch(
      /^Cloudflare answered HTTP 500 to GET \/client\/v4\/accounts\/.*\/scim\/users\?per_page=100 \(request rejected; headers were: authorization: Bearer \[redacted\]\)\.?$/,
    );
    expect(step("dashboard-scim", "verify")?.detail).toContain(
      "(request rejected; headers were: authorization: Bearer [redacted])",
    );
  });

  it("redacts a token-shaped string in a push mapping's errorSummary", async () => {
    const mapping = {
      id: "gPm1",
      sourceGroupId: "00gEngineering0000001",
      status: "ERROR",
      errorSummary: `SCIM server refused Bearer ${FAKE_SCIM_TOKEN} and ${FAKE_CLOUDFLARE_TOKEN}`,
    };
    const { step } = await check(await serve([[mappingsPath, answer(200, JSON.stringify([mapping]))]]));
    expect(step("access-scim", "push-groups")?.detail).toBe(
      '"Engineering": push mapping is ERROR (SCIM server refused Bearer [redacted] and [redacted]); "Finance": not pushed (no push mapping on the app).',
    );
  });

  it("does not follow a redirect to another host: the token never reaches it", async () => {
    const elsewhere = await serve([]);
    const server = await serve([
      [appPath, (req, res) => answer(302, "", { location: `${elsewhere.url}${req.url}` })(req, res)],
    ]);
    const { step } = await check(server);
    expect(step("access-scim", "configure-api-integration")?.detail).toBe(
      `Okta answered HTTP 302 to GET /api/v1/apps/${ACCESS_APP}, a redirect: the check does not follow redirects, so the token goes nowhere else`,
    );
    expect(elsewhere.requests).toEqual([]);
  });
});
