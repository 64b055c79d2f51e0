/** A request to a fake on 127.0.0.1, sent as the providers' Go clients send it. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: options.token } : {}),
      ...(options.body ? { "content-type": "application/json" } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers };
}

/** A query string as Go's url.Values.Encode writes it: sorted keys, spaces as "+", the rest percent-encoded. */
export function goQuery(values: Record<string, string>): string {
  return new URLSearchParams(Object.entries(values).sort(([a], [b]) => a.localeCompare(b))).toString();
}
