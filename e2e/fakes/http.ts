import { createServer, IncomingMessage, Server, ServerResponse } from "http";
import { AddressInfo } from "net";

/** A request as a handler sees it: path parameters, the query decoded once, the JSON body. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage["headers"];
  readonly body: any;
}

/** What a handler answers: JSON unless `text` is given (Okta's SAML metadata is XML). */
export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: string;
  readonly headers?: Record<string, string>;
}

/** Every request the fake received, for tests to assert what a provider sent. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string as sent (still encoded). */
  readonly rawQuery: string;
  readonly query: Record<string, string[]>;
  readonly headers: IncomingMessage["headers"];
  readonly body: unknown;
  readonly status: number;
}

export interface Route {
  readonly method: string;
  /** A path with `:name` parameters, e.g. `/api/v1/apps/:appId`; matched whole. */
  readonly path: string;
  readonly handle: (req: FakeRequest) => FakeResponse;
}

/**
 * A vendor API on 127.0.0.1 and an ephemeral port. Only the routes given exist: any other method
 * or path answers 501 naming it and is kept in `failures`, so a test fails instead of a provider
 * silently getting a 200 the real API would never send.
 */
export class FakeApi {
  public readonly requests: RecordedRequest[] = [];
  public readonly failures: string[] = [];
  private server?: Server;
  private readonly compiled: Array<Route & { regex: RegExp; names: string[] }>;

  constructor(
    public readonly name: string,
    routes: readonly Route[],
    private readonly authorize: (req: FakeRequest) => FakeResponse | undefined = () => undefined,
    /** Headers every answer carries (Okta's rate-limit headers, which the okta provider reads). */
    private readonly commonHeaders: () => Record<string, string> = () => ({}),
  ) {
    this.compiled = routes.map((r) => {
      const names: string[] = [];
      const source = r.path
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/:([A-Za-z]+)/g, (_, n: string) => (names.push(n), "([^/]+)"));
      return { ...r, regex: new RegExp(`^${source}$`), names };
    });
  }

  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:41234`. */
  public async start(): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  public async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Recorded requests to `method` and a path matching `path` (a string matches whole). */
  public requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)),
    );
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    // Decoded once, as the real APIs do: %2520 stays %20, it never becomes a space.
    const path = decodeURIComponent(url.pathname);
    let body: unknown;
    let answer: FakeResponse;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
      answer = this.route({ method, path, params: {}, query: url.searchParams, headers: req.headers, body });
    } catch (e) {
      answer = { status: 400, body: { error: `fake ${this.name}: request body is not JSON: ${(e as Error).message}` } };
    }
    this.requests.push({
      method,
      path,
      rawQuery: url.search.replace(/^\?/, ""),
      query: queryObject(url.searchParams),
      headers: req.headers,
      body,
      status: answer.status,
    });
    const headers: Record<string, string> = { ...this.commonHeaders(), ...answer.headers };
    const text = answer.text ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
    if (answer.text === undefined && answer.body !== undefined) headers["content-type"] ??= "application/json";
    res.writeHead(answer.status, headers).end(text);
  }

  private route(req: FakeRequest): FakeResponse {
    for (const r of this.compiled) {
      const m = r.method === req.method ? r.regex.exec(req.path) : null;
      if (!m) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, m[i + 1]]));
      const withParams = { ...req, params };
      return this.authorize(withParams) ?? r.handle(withParams);
    }
    const what = `${req.method} ${req.path}`;
    this.failures.push(`fake ${this.name} does not implement ${what}`);
    return { status: 501, body: { error: `fake ${this.name} does not implement ${what}` } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function queryObject(q: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of q) (out[k] ??= []).push(v);
  return out;
}

/** IDs and timestamps as the APIs make them; a counter keeps IDs unique and tests readable. */
export class Ids {
  private n = 0;
  /** Okta: a 3-character kind prefix ("0oa" app, "00g" group, "aus" server...) and 17 more. */
  public okta(prefix: string): string {
    return `${prefix}${(++this.n).toString(36).padStart(17 - 4, "0")}fake`;
  }
  /** Cloudflare: a UUID for Zero Trust objects. */
  public uuid(): string {
    const hex = (++this.n).toString(16).padStart(12, "0");
    return `f0000000-0000-4000-8000-${hex}`;
  }
  /** Cloudflare: 32 hex characters for tokens and policies. */
  public hex32(): string {
    return (++this.n).toString(16).padStart(28, "0") + "fa4e";
  }
  public now(): string {
    return new Date().toISOString();
  }
}
