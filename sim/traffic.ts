import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * What the terminals cost the central API on the wire: `/v1` requests by kind and the bytes of every
 * connection both ways (headers and bodies, as TCP carried them). `GET /sim/admin/traffic`; the fleet
 * benchmark reads it before and after its window.
 */
export function registerTraffic(server: FastifyInstance): void {
  const requests = { feed: 0, token: 0, other: 0 };
  const open = new Set<Socket>();
  let closedBytes = 0;
  server.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      closedBytes += socket.bytesRead + socket.bytesWritten;
    });
  });
  server.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/v1/')) return;
    if (path.endsWith('/obligations/feed')) requests.feed++;
    else if (path === '/v1/terminal/token') requests.token++;
    else requests.other++;
  });
  server.get('/sim/admin/traffic', async () => {
    let bytes = closedBytes;
    for (const socket of open) bytes += socket.bytesRead + socket.bytesWritten;
    return { requests: { ...requests }, bytes, connections: open.size };
  });
}
