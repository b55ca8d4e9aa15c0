import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './harness';
import { useE2E } from './fixture';
import { lastCodeTo, smsInbox, wrongCode } from '../support/central';
import { movableClock } from '../support/movable-clock';

const MEMBER = '1045678901';
const MEMBER_PHONE = '3004567434';
const MEMBER_NAME = 'ANA MARÍA GUTIÉRREZ DE LA HOZ';
const MEMBER_EMAIL = 'ing_demo@hotmail.com';
const COMPANY_PHONE = '3015550987';

/** Kiosk sign-in in headless Chromium: the simulator and the core share a clock the test moves. */
describe('kiosk sign-in by SMS code (browser host, headless Chromium)', () => {
  const time = movableClock();
  const e2e = useE2E({
    time,
    // A grace longer than an axe-core run on this machine (about 4 s), which happens while ¿Sigue ahí? is open.
    config: { idle: { warnAfterSeconds: 10, graceSeconds: 15, maxSessionSeconds: 600, operatorLockSeconds: 60 } },
  });
  let page: Page;

  beforeEach(async () => {
    await page?.close();
    // A new send window at the central API, and whatever the last test left open has timed out.
    time.advance(11 * 60);
    page = await e2e.open();
    await page.getByRole('button', { name: 'Ingresar' }).waitFor();
  });

  const keypad = () => page.getByRole('group', { name: 'Teclado numérico' });
  const message = () => page.getByTestId('mensaje');
  const validation = () => page.getByTestId('validacion');

  async function tapDigits(digits: string): Promise<void> {
    for (const digit of digits) await keypad().getByRole('button', { name: digit, exact: true }).click();
  }

  async function askForCode(document = MEMBER): Promise<void> {
    await page.getByLabel('Cédula de Ciudadanía').fill(document);
    await page.getByRole('button', { name: 'Ingresar' }).click();
  }

  async function enterCode(code: string): Promise<void> {
    await page.getByLabel('Código de verificación').fill(code);
    await page.getByRole('button', { name: 'Ingresar' }).click();
  }

  async function signedInMember(): Promise<void> {
    await askForCode();
    await validation().waitFor();
    await enterCode(await lastCodeTo(e2e.sim, MEMBER_PHONE));
    await page.getByRole('navigation', { name: 'Menú Pagos Express' }).waitFor();
  }

  it('signs an afiliado in with the on-screen keypad: masked phone, live countdown, then the menu with name and e-mail', async () => {
    await page.getByLabel('Cédula de Ciudadanía').click();
    await tapDigits(MEMBER);
    expect(await page.getByLabel('Cédula de Ciudadanía').inputValue()).toBe(MEMBER);
    // The keypad does not take the focus: the physical keyboard keeps typing into the field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('documento');
    await page.getByRole('button', { name: 'Ingresar' }).click();

    await validation().waitFor();
    expect(await validation().textContent()).toMatch(
      /Validación en Proceso!\s*Se ha enviado un mensaje de texto al número celular terminado \*\*\*\*434\. Tiene \d+ seg para validar la sesión\./,
    );
    const first = Number((await page.getByTestId('segundos').textContent())?.match(/\d+/)?.[0]);
    await page.waitForFunction(
      (start) => Number(document.querySelector('[data-testid="segundos"]')?.textContent?.match(/\d+/)?.[0]) < start,
      first,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('codigo');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await tapDigits(await lastCodeTo(e2e.sim, MEMBER_PHONE));
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Bienvenidos a Pagos Express' }).waitFor();
    const header = page.getByTestId('sesion-persona');
    expect(await header.textContent()).toContain(MEMBER_NAME);
    expect(await header.textContent()).toContain(MEMBER_EMAIL);
    expect(await header.getByRole('button', { name: 'Salir' }).isVisible()).toBe(true);
    const menu = page.getByRole('navigation', { name: 'Menú Pagos Express' });
    // The menu renders just after the heading: wait for each link, then check it is shown.
    for (const item of ['INICIO', 'CRÉDITOS', 'JARDÍN']) {
      const link = menu.getByRole('link', { name: item });
      await link.waitFor();
      expect(await link.isVisible()).toBe(true);
    }
    // INICIO says what can be done here, with a large button to each (not the web portal's *Sin desplazamientos*).
    const choices = page.getByRole('navigation', { name: 'Qué desea hacer' });
    for (const item of ['CRÉDITOS', 'JARDÍN']) {
      const box = await choices.getByRole('link', { name: new RegExp(`^${item}`) }).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(150);
    }
    expect(await page.locator('#contenido').textContent()).not.toContain('Sin desplazamientos');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await menu.getByRole('link', { name: 'CRÉDITOS' }).click();
    await page.getByRole('heading', { name: 'CRÉDITOS' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await menu.getByRole('link', { name: 'JARDÍN' }).click();
    await page.getByRole('heading', { name: 'JARDÍN' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await header.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('tab', { name: 'AFILIADOS' }).waitFor();
    expect(await page.textContent('body')).not.toContain(MEMBER_NAME);
  });

  it('signs an empresa in by NIT typed without the dash', async () => {
    await page.getByRole('tab', { name: 'EMPRESAS' }).click();
    await page.getByLabel('NIT de la empresa').fill('9001234568');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await validation().waitFor();
    expect(await validation().textContent()).toContain('terminado ****987');
    await enterCode(await lastCodeTo(e2e.sim, COMPANY_PHONE));
    await page.getByRole('heading', { name: 'Bienvenidos a Pagos Express' }).waitFor();
    const header = await page.getByTestId('sesion-persona').textContent();
    expect(header).toContain('DISTRIBUIDORA DEL CARIBE S.A.S.');
    expect(header).toContain('tesoreria@example.com');
  });

  it('says a NIT with the wrong check digit is wrong, before sending anything', async () => {
    const before = (await smsInbox(e2e.sim)).length;
    await page.getByRole('tab', { name: 'EMPRESAS' }).click();
    await page.getByLabel('NIT de la empresa').fill('900123456-7');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await message().waitFor();
    expect(await message().textContent()).toContain('El dígito de verificación no corresponde al NIT');
    expect((await smsInbox(e2e.sim)).length).toBe(before);
  });

  it('refuses a wrong code with the tries left, then accepts the right one', async () => {
    await askForCode();
    await validation().waitFor();
    const code = await lastCodeTo(e2e.sim, MEMBER_PHONE);
    await enterCode(wrongCode(code));
    await message().waitFor();
    expect(await message().textContent()).toContain('El código de verificación no es correcto. Le quedan 2 intentos.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await enterCode(code);
    await page.getByRole('navigation', { name: 'Menú Pagos Express' }).waitFor();
  });

  it('shows the code expiring and refuses it once expired', async () => {
    await askForCode();
    await validation().waitFor();
    const code = await lastCodeTo(e2e.sim, MEMBER_PHONE);
    time.advance(121);
    await page.getByText('El tiempo para validar la sesión terminó').waitFor();
    await enterCode(code);
    await message().waitFor();
    expect(await message().textContent()).toContain('El código de verificación venció');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('offers a resend only after the cool-down, and the new code signs in', async () => {
    await askForCode();
    await validation().waitFor();
    const resend = page.getByRole('button', { name: /Reenviar código/ });
    expect(await resend.isDisabled()).toBe(true);
    expect(await resend.textContent()).toMatch(/\(\d+ seg\)/);
    const sent = (await smsInbox(e2e.sim)).length;
    time.advance(30);
    await page.waitForFunction(() => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Reenviar código'));
      return button !== undefined && !button.disabled;
    });
    await resend.click();
    await expect.poll(async () => (await smsInbox(e2e.sim)).length).toBe(sent + 1);
    await enterCode(await lastCodeTo(e2e.sim, MEMBER_PHONE));
    await page.getByRole('navigation', { name: 'Menú Pagos Express' }).waitFor();
  });

  it('ends the challenge after three wrong codes', async () => {
    await askForCode();
    await validation().waitFor();
    const code = await lastCodeTo(e2e.sim, MEMBER_PHONE);
    for (const left of ['Le quedan 2 intentos.', 'Le queda 1 intento.']) {
      await enterCode(wrongCode(code));
      await page.getByText(left).waitFor();
    }
    await enterCode(wrongCode(code));
    await page.getByText('Superó el número de intentos permitidos').waitFor();
    await validation().waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("gives the same NOTA with the sede's channels for an unknown cédula and for outdated contact data", async () => {
    await askForCode('1099999999');
    await message().waitFor();
    const unknown = await message().textContent();
    expect(unknown).toContain('la cédula digitada no está registrada o sus datos de contacto no están actualizados');
    expect(unknown).toContain('NOTA:');
    expect(unknown).toContain(e2e.config.contacts.advisorEmail);
    expect(unknown).toContain(e2e.config.contacts.sitePhones[0]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Outdated contact data gets the very same answer: the screen does not tell which documents exist.
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth.requestCode'));
    await askForCode('1045000000');
    expect((await answered).status()).toBe(404);
    await message().waitFor();
    expect(await message().textContent()).toBe(unknown);
  });

  it('refuses a burst of cédulas typed one after another with how long to wait, then lets the next one through', async () => {
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/auth.requestCode')) answers.push(response.status());
    });
    for (let n = 0; answers.at(-1) !== 429 && n < 20; n++) {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth.requestCode'));
      await askForCode(String(1_090_000_000 + n));
      await answered;
    }
    expect(answers.at(-1)).toBe(429);
    expect(answers.slice(0, -1).every((status) => status === 404)).toBe(true);
    await page.getByText(/Se han hecho demasiados intentos de ingreso en este equipo\. Espere \d+ seg e intente de nuevo\./).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    time.advance(10);
    await askForCode();
    await validation().waitFor();
  });

  it('asks ¿Sigue ahí? after inactivity, then ends the session and leaves nothing of the person in the page', async () => {
    await signedInMember();
    await page.getByRole('link', { name: 'CRÉDITOS', exact: true }).click();
    time.advance(10);
    const dialog = page.getByRole('alertdialog', { name: '¿Sigue ahí?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Sí, continuar');
    expect(await dialog.textContent()).toMatch(/se cerrará en \d+ seg/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Sí, continuar' }).click();
    await dialog.waitFor({ state: 'detached' });

    time.advance(10);
    await dialog.waitFor();
    time.advance(15);
    await page.getByTestId('sesion-terminada').waitFor();
    expect(await page.getByTestId('sesion-terminada').textContent()).toContain('Su sesión terminó por inactividad');
    expect(page.url()).toMatch(/#\/$/);
    const body = (await page.textContent('body')) ?? '';
    for (const trace of [MEMBER_NAME, MEMBER_EMAIL, MEMBER, '434']) expect(body).not.toContain(trace);
    for (const field of await page.locator('input').all()) expect(await field.inputValue()).toBe('');
    // Web storage holds nothing but vue-router's scroll positions.
    const storage = await page.evaluate(() => ({ ...localStorage, ...sessionStorage }) as Record<string, string>);
    expect(Object.keys(storage).filter((key) => key !== 'vue-router:scroll')).toEqual([]);
    for (const trace of [MEMBER_NAME, MEMBER_EMAIL, MEMBER, '434']) expect(JSON.stringify(storage)).not.toContain(trace);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const answer = await page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
      const response = await fetch('./api/auth.profile', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
        body: '{}',
      });
      return response.status;
    });
    expect(answer).toBe(401);
  });
});
