/**
 * The baseline of a static file: a bare node:http server answering every request with one file's
 * bytes read once at start (no compression, no headers beyond type, length and ETag).
 * Usage (by the bench only): bare-file-server.ts --file <path> --content-type '<type>'
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({
  options: { file: { type: 'string' }, 'content-type': { type: 'string', default: 'application/json' } },
});
if (!values.file) throw new Error('--file is required');
const body = fs.readFileSync(values.file);
const headers = { 'content-type': values['content-type'], 'content-length': String(body.length), etag: '"bare"' };

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
