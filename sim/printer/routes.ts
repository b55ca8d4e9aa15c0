import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { startVirtualPrinter, type ReceivedJob, type VirtualPrinter } from './virtual-printer';

const modeBody = z.object({
  mode: z.enum(['ok', 'down', 'refuse', 'drop', 'slow', 'paper-out']),
  times: z.number().int().min(1).max(1000).optional(),
  afterBytes: z.number().int().min(0).max(1_000_000).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  chunkBytes: z.number().int().min(1).max(65_536).optional(),
});

function summary(job: ReceivedJob) {
  return {
    seq: job.seq,
    at: job.at,
    bytes: job.bytes.length,
    complete: job.complete,
    discarded: job.discarded,
    jobMark: job.jobMark,
    resend: job.resend,
    cuts: job.decoded.cuts,
    qrCodes: job.decoded.qrCodes,
    lines: job.decoded.text,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One job as paper: monospaced lines, bold and big where the printer would print them, the QR payloads. */
function paper(job: ReceivedJob): string {
  const lines = job.decoded.lines
    .map((line) => {
      if (line.qr !== undefined) return `<div class="qr" style="margin-inline:auto">[QR] ${escapeHtml(line.qr)}</div>`;
      const text = escapeHtml(line.text) || '&nbsp;';
      const style = [line.bold ? 'font-weight:700' : '', line.big ? 'font-size:1.6em' : '', `text-align:${line.align}`]
        .filter(Boolean)
        .join(';');
      return `<div style="${style}">${text}</div>`;
    })
    .join('');
  const state = job.discarded ? 'sin papel: no impreso' : job.complete ? 'completo, cortado' : 'INCOMPLETO';
  return `<article><h2>#${job.seq} · ${escapeHtml(job.at)} · ${job.bytes.length} bytes · ${state}${job.resend ? ` · reenvío ${job.resend}` : ''}</h2><div class="paper">${lines}</div></article>`;
}

/**
 * The virtual printer as part of the simulator: its TCP port prints, and `/sim/printer` shows what it printed
 * (HTML), `/sim/printer/jobs` lists it (JSON), `POST /sim/printer/mode` makes it misbehave.
 */
export async function registerVirtualPrinter(server: FastifyInstance, options: { port?: number } = {}): Promise<VirtualPrinter> {
  const printer = await startVirtualPrinter({ port: options.port });
  server.addHook('onClose', async () => printer.close());

  server.get('/sim/printer/jobs', async () => ({
    interface: printer.interface,
    mode: printer.mode(),
    probes: printer.probes(),
    jobs: printer.jobs().map(summary),
  }));
  server.delete('/sim/printer/jobs', async () => {
    printer.clear();
    return { ok: true };
  });
  server.post('/sim/printer/mode', async (request, reply) => {
    const parsed = modeBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'mode must be ok, down, refuse, drop, slow or paper-out' });
    const { mode, ...rest } = parsed.data;
    await printer.setMode(mode, rest);
    return { mode: printer.mode() };
  });
  server.get('/sim/printer', async (_request, reply) => {
    const jobs = printer.jobs().reverse().map(paper).join('') || '<p>Sin trabajos todavía.</p>';
    const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Impresora virtual</title>
<style>body{font-family:sans-serif;background:#eee;margin:1rem}article{margin-bottom:1.5rem}h2{font-size:.9rem;color:#333}
.paper{background:#fff;font-family:monospace;white-space:pre;width:max-content;min-width:24ch;padding:1rem;box-shadow:0 1px 4px #0003}
.qr{margin:.5rem 0;padding:.5rem;border:2px dashed #000;white-space:normal;max-width:40ch;word-break:break-all}</style></head>
<body><h1>Impresora virtual · ${escapeHtml(printer.interface)} · modo ${printer.mode()}</h1>${jobs}</body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
  return printer;
}
