/**
 * The baseline: a bare node:http server answering every request with one fixed body, given
 * inline (`--body`) or as a file read once at start (`--file`, which also sends an ETag as a
 * static file server does). No compression, no headers beyond type, length and ETag.
 * Usage (by the bench only): bare-server.ts [--body '<json>' | --file <path>] --content-type '<type>'
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({
  options: {
    body: { type: 'string', default: '{"status":"ok","version":"0.1.0","database":"pglite"}' },
    file: { type: 'string' },
    'content-type': { type: 'string', default: 'application/json; charset=utf-8' },
  },
});
const body = values.file ? fs.readFileSync(values.file) : Buffer.from(values.body);
const headers: Record<string, string> = {
  'content-type': values['content-type'],
  'content-length': String(body.length),
  ...(values.file ? { etag: '"bare"' } : {}),
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveBenchIpc(
    port,
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
});
