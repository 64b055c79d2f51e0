import { createServer, IncomingMessage, ServerResponse } from "http";
import { AddressInfo } from "net";
import { fakeFetch, Routes } from "./fake-apis";

// A real HTTP server on 127.0.0.1 (an ephemeral port) for the check's real client: answers no fake
// fetch can give (a stalled body, a stream of a GiB, a redirect) need a socket.

/** Answers a request itself, for what JSON routes cannot express. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request received, with its Authorization header. */
  readonly requests: Array<{ url: string; authorization?: string }>;
  /** Stops the server and ends every connection, stalled ones included. */
  close(): Promise<void>;
}

/** Serves `handlers` (path and query matched, first match) and then `routes` as fakeFetch does. */
export async function localServer(handlers: Array<[RegExp, Handler]>, routes: Routes = []): Promise<LocalServer> {
  const fake = fakeFetch(routes);
  const requests: LocalServer["requests"] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", authorization: req.headers.authorization });
    const handler = handlers.find(([pattern]) => pattern.test(decodeURIComponent(req.url ?? "")));
    if (handler) return handler[1](req, res);
    void fake(`http://127.0.0.1${req.url}`, { method: "GET", headers: {}, redirect: "manual" }).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Streams `bytes` bytes of JSON-looking filler from one reused 64 KiB chunk, honouring backpressure; counts what was written. */
export function streamBytes(
  bytes: number,
  headers: Record<string, string> = {},
): Handler & { readonly written: () => number } {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, " ");
  const handler = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    const pump = (): void => {
      while (written < bytes && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
  return Object.assign(handler, { written: () => written });
}
