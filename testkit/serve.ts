/** A local HTTP server for the demo and the browser tests: pages by path, on 127.0.0.1 only. */
import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedPage {
  readonly html: string;
  readonly headers?: OutgoingHttpHeaders;
}

export interface LocalServer {
  readonly port: number;
  /** The requests received, so a test can see what a page (or the extension) asked for. */
  readonly requests: { readonly url: string; readonly headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function serve(pages: ReadonlyMap<string, ServedPage>): Promise<LocalServer> {
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push({ url, headers: request.headers });
    const page = pages.get(new URL(url, 'http://localhost').pathname);
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
