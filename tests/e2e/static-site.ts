/**
 * A static host under the test's control: it serves a folder (the production build, dist/) on a free
 * port of its own, and can be stopped for real — the offline and update tests need what the shared
 * preview server cannot give them (a server that goes away, a build that changes under a running app).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Builds the app found in `root` (this checkout unless given) into `outDir` with the given build id
 * (shown in Settings).
 */
export function build(outDir: string, buildId: string, root = process.cwd()): void {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, KEHU_BUILD_ID: buildId },
    stdio: 'inherit',
  });
}

export interface StaticSite {
  /** The site's address, ending in '/'. */
  url: string;
  /** Stops serving: open connections are cut and the port refuses new ones. */
  stop(): Promise<void>;
}

/** Serves `folder` on 127.0.0.1 at a free port, with no caching, as a fresh static upload is served. */
export function serve(folder: string): Promise<StaticSite> {
  const dir = resolve(folder);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        stop: () =>
          new Promise<void>((stopped) => {
            server.close(() => stopped());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}
