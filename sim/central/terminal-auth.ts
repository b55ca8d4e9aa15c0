import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export interface TerminalAuthOptions {
  /** terminal id → secret; the demo terminals share the demo secret. */
  secretFor: (terminalId: string) => string | undefined;
  tokenTtlSeconds: number;
  now: () => number;
}

const tokenRequest = z.object({ terminalId: z.string().min(1).max(32), secret: z.string().min(1).max(200) });

/** Terminals authenticate as terminals: id + secret → a short-lived bearer token for every other call. */
export function createTerminalAuth(options: TerminalAuthOptions) {
  const tokens = new Map<string, { terminalId: string; expiresAt: number }>();

  function register(server: FastifyInstance): void {
    server.post('/v1/terminal/token', async (request, reply) => {
      const body = tokenRequest.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'terminalId and secret required' });
      if (options.secretFor(body.data.terminalId) !== body.data.secret) {
        return reply.code(401).send({ error: 'BAD_TERMINAL_CREDENTIALS' });
      }
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, { terminalId: body.data.terminalId, expiresAt: options.now() + options.tokenTtlSeconds * 1000 });
      return { token, expiresInSeconds: options.tokenTtlSeconds };
    });
  }

  /** A preHandler for every terminal-only route; it sets `request.terminalId`. */
  async function requireTerminal(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    const entry = match ? tokens.get(match[1] ?? '') : undefined;
    if (!entry || entry.expiresAt <= options.now()) {
      await reply.code(401).send({ error: 'TOKEN_INVALID_OR_EXPIRED' });
      return;
    }
    (request as FastifyRequest & { terminalId?: string }).terminalId = entry.terminalId;
  }

  function expireAll(): void {
    tokens.clear();
  }

  return { register, requireTerminal, expireAll };
}
export type TerminalAuth = ReturnType<typeof createTerminalAuth>;
