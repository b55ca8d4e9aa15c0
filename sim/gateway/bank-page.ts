import type { SimOrder } from './state';
import { bankName } from './answers';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pesos(minor: number): string {
  return new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0 }).format(minor / 100);
}

/**
 * The bank's own page, where the payer decides. A real bank page is outside our control; this one lets a
 * person (or a test) choose the outcome. Buttons are plain form posts: no script is needed.
 */
export function bankPageHtml(order: SimOrder, decisionPath: string): string {
  const bank = escapeHtml(bankName(order.bankCode) ?? `Banco ${order.bankCode}`);
  const closed = order.status !== 'registered';
  const button = (value: string, label: string) =>
    `<button type="submit" name="decision" value="${value}"${closed ? ' disabled' : ''}>${label}</button>`;
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>${bank} — Pago PSE (simulado)</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; background: #f2f4f7; color: #1d2939; }
main { max-width: 640px; margin: 40px auto; background: #fff; padding: 32px; border-radius: 12px; }
h1 { margin-top: 0; font-size: 1.6rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 8px 16px; }
dt { font-weight: 600; }
form { display: grid; gap: 12px; margin-top: 24px; }
button { min-height: 56px; font-size: 1.1rem; border-radius: 8px; border: 1px solid #98a2b3; background: #fff; cursor: pointer; }
button[value=approve] { background: #067647; color: #fff; border: 0; }
.note { color: #667085; font-size: 0.9rem; }
</style>
</head>
<body>
<main>
<h1>${bank}</h1>
<p>Pago por PSE a <strong>CAJACOPI</strong> (página simulada del banco).</p>
<dl>
<dt>Referencia</dt><dd>${escapeHtml(order.orderNumber)}</dd>
<dt>Descripción</dt><dd>${escapeHtml(order.description)}</dd>
<dt>Valor</dt><dd>${pesos(order.amountMinor)}</dd>
<dt>CUS</dt><dd>${escapeHtml(order.cus ?? '')}</dd>
</dl>
${closed ? `<p>Esta transacción ya fue procesada (${escapeHtml(order.status)}).</p>` : ''}
<form method="post" action="${escapeHtml(decisionPath)}">
<input type="hidden" name="mdOrder" value="${escapeHtml(order.orderId)}">
${button('approve', 'Aprobar')}
${button('reject', 'Rechazar')}
${button('pending', 'Dejar pendiente')}
${button('abandon', 'Abandonar')}
</form>
<p class="note">Dejar pendiente: el banco confirmará más tarde (en el simulador, con
<code>POST /sim/gateway/orders/:orderId/resolve</code>).</p>
</main>
</body>
</html>`;
}
