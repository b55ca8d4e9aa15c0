import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';
import { ingresoTexts, type Audience, type SignInMessage } from '../ingreso-texts';
import { signInRefusal } from '../refusals';
import { useSessionStore } from './session';

/**
 * The *Ingreso* form: tab, document, code and what the screen says. First *Ingresar* asks for a code, the
 * second (with the code) opens the session. Reset with every other store when a session ends.
 */
export const useIngresoStore = defineStore('ingreso', () => {
  const audience = ref<Audience>('member');
  const document = ref('');
  const code = ref('');
  /** The document the pending code was sent for: typing another one asks for a new code. */
  const requestedFor = ref<string | null>(null);
  const message = ref<SignInMessage | null>(null);
  const busy = ref(false);
  const activeField = ref<'document' | 'code'>('document');

  const session = useSessionStore();

  function cleanDocument(text: string): string {
    return audience.value === 'member' ? text.replace(/\D/g, '').slice(0, 12) : text.replace(/[^\d.-]/g, '').slice(0, 16);
  }

  function setDocument(text: string): void {
    session.endedReason = null;
    document.value = cleanDocument(text);
  }

  function setCode(text: string): void {
    code.value = text.replace(/\D/g, '').slice(0, 6);
  }

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    try {
      return await action();
    } catch (error) {
      message.value = await signInRefusal(error, audience.value);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  async function requestCode(): Promise<void> {
    const challenge = await run(() => api.call('auth.requestCode', { audience: audience.value, document: document.value }));
    if (!challenge) return;
    session.challenge = challenge;
    requestedFor.value = document.value;
    code.value = '';
    message.value = null;
    activeField.value = 'code';
  }

  /** *Ingresar*: true once the session is open. */
  async function submit(): Promise<boolean> {
    if (busy.value) return false;
    if (document.value.trim() === '') {
      message.value = { text: ingresoTexts.documentMissing[audience.value], note: false };
      activeField.value = 'document';
      return false;
    }
    if (!session.challenge || requestedFor.value !== document.value) {
      await requestCode();
      return false;
    }
    if (code.value === '') {
      message.value = { text: ingresoTexts.codeMissing, note: false };
      activeField.value = 'code';
      return false;
    }
    if (!/^\d{6}$/.test(code.value)) {
      message.value = { text: ingresoTexts.codeFormat, note: false };
      return false;
    }
    const opened = await run(() => api.call('auth.verifyCode', { code: code.value }));
    code.value = '';
    if (!opened) {
      // A challenge ended by too many tries is gone: refresh so the next Ingresar asks for a new code.
      await session.refresh().catch(() => undefined);
      return false;
    }
    session.apply(opened);
    return opened.person !== null;
  }

  async function resend(): Promise<void> {
    const challenge = await run(() => api.call('auth.resendCode', {}));
    if (!challenge) return;
    session.challenge = challenge;
    code.value = '';
    message.value = null;
    activeField.value = 'code';
  }

  /** Another tab, or a form left alone: forget what was typed and any code in progress. */
  async function clear(next: Audience = audience.value): Promise<void> {
    const hadChallenge = session.challenge !== null;
    audience.value = next;
    document.value = '';
    code.value = '';
    requestedFor.value = null;
    message.value = null;
    activeField.value = 'document';
    session.endedReason = null;
    if (hadChallenge) await session.signOut().catch(() => undefined);
  }

  function isDirty(): boolean {
    return document.value !== '' || code.value !== '' || session.challenge !== null || message.value !== null;
  }

  return { audience, document, code, requestedFor, message, busy, activeField, setDocument, setCode, submit, resend, clear, isDirty };
});
