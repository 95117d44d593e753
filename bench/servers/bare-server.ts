/**
 * The baseline: a bare node:http server answering every request with one fixed body.
 * Usage (by the bench only): bare-server.ts --body '<json>' --content-type '<type>'
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serveBenchIpc } from './child-ipc.ts';

const { values } = parseArgs({
  options: {
    body: { type: 'string', default: '{"status":"ok","version":"0.1.0","database":"pglite"}' },
    'content-type': { type: 'string', default: 'application/json; charset=utf-8' },
  },
});
const body = Buffer.from(values.body);
const headers = { 'content-type': values['content-type'], 'content-length': String(body.length) };

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
