import type { ApiInput, ApiOutput, KioskApi, MethodName } from '../main/api/contract';
import type { ApiErrorBody, Envelope } from '../main/api/errors';

/**
 * The only module that knows how calls travel: through the preload's named functions in Electron, or by
 * POST to the browser host that served this page (with the token it wrote into the page).
 */
type PreloadBridge = Record<string, (input: unknown) => Promise<Envelope>>;

declare global {
  interface Window {
    kiosk?: PreloadBridge;
  }
}

export class ApiCallError extends Error {
  override name = 'ApiCallError';
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
}

function hostToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
}

async function overHttp(method: string, input: unknown): Promise<Envelope> {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': hostToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'host unreachable' } };
  }
  try {
    return (await response.json()) as Envelope;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `host answered ${response.status} without an envelope` } };
  }
}

async function overIpc(bridge: PreloadBridge, method: string, input: unknown): Promise<Envelope> {
  const fn = bridge[method];
  if (!fn) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'method not exposed by preload' } };
  return fn(input);
}

export const api: KioskApi = {
  async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const bridge = window.kiosk;
    const envelope = bridge ? await overIpc(bridge, method, input) : await overHttp(method, input);
    if (!envelope.ok) throw new ApiCallError(envelope.error);
    return envelope.data as ApiOutput<M>;
  },
};
