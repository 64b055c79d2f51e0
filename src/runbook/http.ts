// GET with JSON, one request at a time, for `npm run check`. Rate limits are honoured (429: wait as the
// server says, a bounded number of times), each request has a timeout, and no error message ever holds
// a request header: tokens travel in headers only.

/** The part of Node 20's global `fetch` the check uses; tests pass a fake. */
export type Fetch = (url: string, init: { method: "GET"; headers: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

/** How the check talks HTTP. */
export interface HttpOptions {
  readonly fetch: Fetch;
  /**
   * Per request, in milliseconds.
   * @default 15000
   */
  readonly timeoutMs?: number;
  /**
   * Retries after a 429 before giving up.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Longest wait for a rate limit to reset; a longer one gives up at once (Cloudflare blocks for 5 minutes).
   * @default 60000
   */
  readonly maxWaitMs?: number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
}

/** A value, or why there is none (status, service's own message; never a header). */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status?: number; readonly reason: string };

/** A JSON response: body and the headers a caller may page with. */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/** How long a 429 asks to wait, from its headers (each vendor has its own). */
export type RetryDelay = (headers: Headers, now: number) => number | undefined;

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function failed<T>(reason: string, status?: number): ApiResult<T> {
  return { ok: false, status, reason };
}

/**
 * GETs `url` and parses JSON. Non-2xx answers come back as a failed result naming the status and the
 * service's message; `service` and the path (never the headers) name the call.
 */
export async function getJson(
  service: string,
  url: string,
  headers: Record<string, string>,
  retryDelay: RetryDelay,
  options: HttpOptions,
): Promise<ApiResult<JsonResponse>> {
  const { timeoutMs = 15_000, maxRetries = 3, maxWaitMs = 60_000 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const call = `GET ${pathOf(url)}`;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await options.fetch(url, { method: "GET", headers: { accept: "application/json", ...headers }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const name = (e as Error).name;
      const why = name === "TimeoutError" || name === "AbortError" ? `no answer within ${timeoutMs / 1000} s` : (e as Error).message;
      return failed(`${service} could not be reached (${call}: ${why})`);
    }
    if (res.status === 429) {
      const wait = retryDelay(res.headers, now()) ?? 1000 * 2 ** attempt;
      if (attempt >= maxRetries || wait > maxWaitMs) {
        return failed(`${service} rate limit reached (${call}; still limited after ${attempt} retries): run the check again later`, 429);
      }
      await sleep(wait);
      continue;
    }
    const body = await res.json().catch(() => undefined);
    if (!res.ok) return failed(`${service} answered HTTP ${res.status} to ${call}${messageOf(body)}${hint(res.status)}`, res.status);
    return ok({ status: res.status, body, headers: res.headers });
  }
}

/** Path and query of a URL: what an error names. */
function pathOf(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.pathname + u.search);
}

/** The service's own error text: Okta's errorSummary, Cloudflare's errors[].message, SCIM's detail. */
function messageOf(body: unknown): string {
  const b = (body ?? {}) as { errorSummary?: unknown; errors?: Array<{ message?: unknown }>; detail?: unknown };
  const text = b.errorSummary ?? b.errors?.[0]?.message ?? b.detail;
  return typeof text === "string" && text !== "" ? ` (${text.slice(0, 200)})` : "";
}

function hint(status: number): string {
  if (status === 401) return ": the token is not accepted (wrong, expired or revoked)";
  if (status === 403) return ": the token lacks the permission for this call";
  if (status === 404) return ": not found (not deployed, deleted, or this API is not available to the org or account)";
  return "";
}
