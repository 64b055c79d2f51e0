import { serviceText } from "./redact";

// GET with JSON, one request at a time, for `npm run check`. Everything is bounded, because a service
// (or whatever answers at its address) decides what comes back: rate limits are honoured (429: wait
// as the server says, a bounded number of times), each request has a timeout that covers the body,
// bodies have a size cap and are read as a stream, the whole check has a deadline, and no message
// ever holds a request header or anything token-shaped (see redact.ts): tokens travel in headers only.

/** The part of Node 20's global `fetch` the check uses; tests pass a fake. */
export type Fetch = (
  url: string,
  init: { method: "GET"; headers: Record<string, string>; redirect: "manual"; signal?: AbortSignal },
) => Promise<Response>;

/** Largest body read: a few MiB, far above the largest page the check asks for (1,000 push mappings, about 500 KiB). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Pages of one list followed at most: Okta's largest page here holds 1,000 push mappings. */
export const MAX_PAGES = 100;

/** The time limit of a whole run of check or discover: a few dozen requests, with room for rate-limit waits. */
export const API_TIME_LIMIT_MS = 5 * 60_000;

/** How the check talks HTTP. */
export interface HttpOptions {
  readonly fetch: Fetch;
  /**
   * Per request, in milliseconds, from sending it to the body's last byte.
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
  /**
   * Bytes of a body read at most; a longer one is abandoned.
   * @default MAX_BODY_BYTES (4 MiB)
   */
  readonly maxBodyBytes?: number;
  /**
   * Pages of one list followed at most.
   * @default MAX_PAGES (100)
   */
  readonly maxPages?: number;
  /** When (as `now()` counts) the whole check must be over: no request or wait runs past it. @default none */
  readonly deadline?: number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
}

/** A value, or why there is none (status, service's own message; never a header). */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status?: number; readonly reason: string };

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
 * GETs `url` and parses JSON. Anything but a complete JSON 2xx (an error status, a redirect, a body
 * too large, too slow or not JSON) comes back as a failed result: `service` and the method and path
 * (never the headers) name the call, with the service's own message when it sent one.
 */
export async function getJson(
  service: string,
  url: string,
  headers: Record<string, string>,
  retryDelay: RetryDelay,
  options: HttpOptions,
): Promise<ApiResult<JsonResponse>> {
  const {
    timeoutMs = 15_000,
    maxRetries = 3,
    maxWaitMs = 60_000,
    maxBodyBytes = MAX_BODY_BYTES,
    deadline = Infinity,
  } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const secrets = secretsOf(headers);
  const call = `GET ${serviceText(pathOf(url), secrets)}`;
  // undici's own error for a header value with CR/LF quotes the value: never hand it one.
  if (Object.values(headers).some((v) => /[^\x20-\x7e]/.test(v))) {
    return failed(
      `${service} was not called (${call}): its credential holds a control or non-ASCII character, so it is not sent`,
    );
  }
  for (let attempt = 0; ; attempt++) {
    const budget = Math.min(timeoutMs, deadline - now());
    if (budget <= 0) return failed(`${service} was not called (${call}): the check's time limit ran out`);
    const answer = await fetchBody(url, headers, options.fetch, budget, maxBodyBytes);
    if ("timedOut" in answer) {
      const ranOut = budget < timeoutMs ? "the check's time limit ran out" : undefined;
      return answer.timedOut === "headers"
        ? failed(`${service} could not be reached (${call}: ${ranOut ?? `no answer within ${timeoutMs / 1000} s`})`)
        : failed(
            `${service} did not finish its answer to ${call} (${ranOut ?? `not within ${timeoutMs / 1000} s`}): could not read it`,
          );
    }
    if ("error" in answer)
      return failed(`${service} could not be reached (${call}: ${serviceText(answer.error, secrets)})`);
    const { res, text } = answer;
    if (res.status === 429) {
      const wait = retryDelay(res.headers, now()) ?? 1000 * 2 ** attempt;
      if (attempt >= maxRetries || wait > maxWaitMs || now() + wait >= deadline) {
        return failed(
          `${service} rate limit reached (${call}; still limited after ${attempt} retries): run the check again later`,
          429,
        );
      }
      await sleep(wait);
      continue;
    }
    // Redirects are never followed (fetch runs with redirect: "manual"): the Authorization header
    // would go with them, and the APIs the check calls answer these GETs without one.
    if (res.status >= 300 && res.status < 400) {
      const why = "a redirect: the check does not follow redirects, so the token goes nowhere else";
      return failed(`${service} answered HTTP ${res.status} to ${call}, ${why}`, res.status);
    }
    if (text === undefined)
      return failed(
        `${service} answered ${call} with more than ${mib(maxBodyBytes)}, more than the check reads`,
        res.status,
      );
    const body = parseJson(text);
    if (!res.ok)
      return failed(
        `${service} answered HTTP ${res.status} to ${call}${messageOf(body, secrets)}${hint(res.status)}`,
        res.status,
      );
    if (body === undefined) {
      return failed(
        `${service} answered ${call} with HTTP ${res.status} but not JSON (an HTML page, or cut short): could not read it`,
        res.status,
      );
    }
    return ok({ status: res.status, body, headers: res.headers });
  }
}

type Answer = { res: Response; text: string | undefined } | { timedOut: "headers" | "body" } | { error: string };

/** One request and its body, as text (undefined past `maxBytes`), all within `budgetMs`. */
async function fetchBody(
  url: string,
  headers: Record<string, string>,
  fetch: Fetch,
  budgetMs: number,
  maxBytes: number,
): Promise<Answer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, budgetMs);
  let res: Response | undefined;
  try {
    res = await fetch(url, {
      method: "GET",
      headers: { accept: "application/json", ...headers },
      redirect: "manual",
      signal: controller.signal,
    });
    return { res, text: await readText(res, maxBytes) };
  } catch (e) {
    const name = (e as Error).name;
    if (timedOut || name === "TimeoutError" || name === "AbortError") return { timedOut: res ? "body" : "headers" };
    const cause = (e as { cause?: { code?: unknown } }).cause?.code;
    return { error: `${(e as Error).message}${typeof cause === "string" ? ` (${cause})` : ""}` };
  } finally {
    clearTimeout(timer);
    // Ends the connection of a body left unread (too large, or after a timeout).
    controller.abort();
  }
}

/** The body as UTF-8 text, read as a stream; undefined as soon as it passes `maxBytes`. */
async function readText(res: Response, maxBytes: number): Promise<string | undefined> {
  if (Number(res.headers.get("content-length")) > maxBytes) return undefined;
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The values a call's headers carry: each credential alone (after `SSWS ` or `Bearer `; first, so the scheme stays readable), then whole. */
function secretsOf(headers: Record<string, string>): string[] {
  return Object.values(headers).flatMap((v) => [...v.split(" ").filter((part) => part.length >= 8), v]);
}

/** Path and query of a URL: what an error names. */
function pathOf(url: string): string {
  const u = new URL(url);
  try {
    return decodeURIComponent(u.pathname + u.search);
  } catch {
    return u.pathname + u.search;
  }
}

/** The service's own error text, redacted: Okta's errorSummary, Cloudflare's errors[].message, SCIM's detail. */
function messageOf(body: unknown, secrets: readonly string[]): string {
  const b = (typeof body === "object" && body !== null ? body : {}) as {
    errorSummary?: unknown;
    errors?: unknown;
    detail?: unknown;
  };
  const first = Array.isArray(b.errors) ? (b.errors[0] as { message?: unknown } | null)?.message : undefined;
  const text = b.errorSummary ?? first ?? b.detail;
  return typeof text === "string" && text !== "" ? ` (${serviceText(text, secrets)})` : "";
}

function mib(bytes: number): string {
  return `${bytes / 1024 / 1024} MiB`;
}

function hint(status: number): string {
  if (status === 401) return ": the token is not accepted (wrong, expired or revoked)";
  if (status === 403) return ": the token lacks the permission for this call";
  if (status === 404) return ": not found (not deployed, deleted, or this API is not available to the org or account)";
  return "";
}
