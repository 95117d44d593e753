import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sealArchive, type ArchiveKeys } from './archive-cipher.ts';
import type { ArchiveManifest } from './archive-format.ts';
import { writeArchive, writeThenRename, type ArchiveSource } from './write-archive.ts';

/**
 * A running server with the embedded database (PGlite) holds its data folder: no other process may
 * open it. The server therefore answers backups itself, on a Unix socket in the data folder that
 * only its own user can use (mode 0600), and `phongdich backup` asks it there.
 */
export const backupSocketPath = (dataDir: string) => path.join(dataDir, 'phongdich.sock');

/** Serves `GET /backup` on the socket; resolves to a function that stops serving. */
export async function serveBackups(socketPath: string, source: ArchiveSource): Promise<() => Promise<void>> {
  if (await answers(socketPath))
    throw new Error(`another phongdich server answers on ${socketPath}: one server per data folder`);
  await fs.rm(socketPath, { force: true }); // left behind by a server that did not stop cleanly
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip' });
    // Cut short on failure: the client finds no end mark and keeps nothing.
    writeArchive(source, res).catch((err: unknown) => res.destroy(err instanceof Error ? err : new Error(String(err))));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  await fs.chmod(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => server.close(() => void fs.rm(socketPath, { force: true }).then(() => resolve())));
}

/**
 * Asks the server on `socketPath` for an archive into `file` (sealed here with `keys` when given,
 * checked, then renamed). Null when no server listens there (no socket, or one left by a stopped
 * server): the caller opens the folder.
 */
export async function backupOverSocket(
  socketPath: string,
  file: string,
  keys: ArchiveKeys | null,
): Promise<ArchiveManifest | null> {
  const res = await get(socketPath).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') return null;
    throw err;
  });
  if (!res) return null;
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`the server answered ${res.statusCode} to a backup request`);
  }
  return writeThenRename(file, keys, (tmp) => {
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    return keys ? pipeline(res, sealArchive(keys), out) : pipeline(res, out);
  });
}

/** Whether a server answers on the socket (a restore must not run under it). */
export async function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath, method: 'HEAD', path: '/' }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

function get(socketPath: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method: 'GET', path: '/backup' }, resolve);
    req.on('error', reject);
    req.end();
  });
}
