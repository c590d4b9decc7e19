/**
 * `npm run author -- FILE.json [--port N] [--no-open]`: the authoring page for an article file, served on this
 * machine only (127.0.0.1) and opened in its browser. The page saves through this server, which writes the file
 * only when it validates, and only for the page it served (same origin); nothing else is written.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { checkArticle } from '../src/engine/validate-article';
import { projectRoot } from './paths';

const pageDir = join(projectRoot, 'src', 'authoring', 'page');
/** An article file is small: a request body past this is not one. */
const MOST_BYTES = 4 * 1024 * 1024;

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MOST_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves the authoring page for `file` on 127.0.0.1 (`port` 0: any free port). */
export async function serveAuthoring(file: string, port = 0): Promise<{ url: string; server: Server }> {
  const script = await esbuild.build({
    entryPoints: [join(pageDir, 'index.ts')],
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const assets = new Map([
    ['/', { type: 'text/html; charset=utf-8', text: readFileSync(join(pageDir, 'author.html'), 'utf8') }],
    ['/author.css', { type: 'text/css; charset=utf-8', text: readFileSync(join(pageDir, 'author.css'), 'utf8') }],
    ['/author.js', { type: 'text/javascript; charset=utf-8', text: script.outputFiles[0]?.text ?? '' }],
  ]);
  const shown = relative(projectRoot, file) || file;
  let origin = '';
  const server = createServer((request, response) => {
    const reply = (status: number, type: string, text: string): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(text);
    };
    // Only this address: a page of another site that rebinds a name to 127.0.0.1 cannot read the file.
    if (request.headers.host !== new URL(origin).host || !(request.url ?? '').startsWith('/')) {
      reply(403, 'text/plain; charset=utf-8', 'not this server');
      return;
    }
    const path = new URL(request.url ?? '/', origin).pathname;
    if (request.method === 'GET' && path === '/api/article') {
      reply(200, 'application/json', JSON.stringify({ file: shown, text: existsSync(file) ? readFileSync(file, 'utf8') : '{}' }));
      return;
    }
    if (request.method === 'POST' && path === '/api/article') {
      // Only the page this server gave may write: not another site open in the same browser.
      if (request.headers.origin !== origin) {
        reply(403, 'text/plain; charset=utf-8', 'not from the authoring page');
        return;
      }
      body(request).then(
        (text) => {
          let input: unknown;
          try {
            input = JSON.parse(text);
          } catch {
            reply(400, 'text/plain; charset=utf-8', 'not JSON');
            return;
          }
          try {
            const check = checkArticle(input);
            if (!check.ok) {
              reply(422, 'text/plain; charset=utf-8', check.problems.map(({ path: at, message }) => `${at}: ${message}`).join('\n'));
              return;
            }
            writeFileSync(file, `${JSON.stringify(input, null, 2)}\n`);
            reply(200, 'text/plain; charset=utf-8', 'saved');
          } catch (error) {
            reply(500, 'text/plain; charset=utf-8', `not written: ${(error as Error).message}`);
          }
        },
        () => reply(413, 'text/plain; charset=utf-8', 'too large'),
      );
      return;
    }
    const asset = request.method === 'GET' ? assets.get(path) : undefined;
    if (asset === undefined) reply(404, 'text/plain; charset=utf-8', 'not found');
    else reply(200, asset.type, asset.text);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ready);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, server };
}

/** A port of its own for a file, from its path: 20000 to 39999. */
const portOf = (file: string): number =>
  20_000 + ([...file].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 7) % 20_000);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, 'no-open': { type: 'boolean', default: false } },
  });
  const [input] = positionals;
  if (input === undefined) {
    console.error('usage: npm run author -- FILE.json [--port N] [--no-open]');
    process.exitCode = 1;
    return;
  }
  const file = resolve(input);
  if (!existsSync(file)) {
    console.error(`${input}: no such file (npm run draft -- REPORT.txt writes one)`);
    process.exitCode = 1;
    return;
  }
  // The same file gets the same address each time, so the edits this browser keeps for it come back.
  const port = values.port === undefined ? portOf(file) : Number(values.port);
  const { url } = await serveAuthoring(file, port).catch(() => serveAuthoring(file, 0));
  console.log(`authoring ${input} at ${url} (Ctrl+C to stop)`);
  if (!values['no-open']) execFile(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], () => undefined);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(projectRoot, 'scripts', 'author.ts')) void main();
