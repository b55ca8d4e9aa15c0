import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './harness';
import { payerTexts } from '../../main/domain/payer';
import {
  BANK,
  LANDSCAPE,
  MEMBER,
  PORTRAIT,
  decideAtBank,
  openCredits,
  payAndReachBank,
  payRow,
  signIn,
  usePaymentsE2E,
} from './payments-support';

/**
 * The kiosk has a touch screen and no physical keyboard: at the PSE step the payer's name and e-mail are
 * corrected on the on-screen keyboard alone, and what reaches the gateway is what the person typed there.
 */
describe('on-screen keyboard at the PSE step (browser host, headless Chromium)', () => {
  const t = usePaymentsE2E();
  let page: Page | undefined;
  const host = () => t.e2e.host.host.url;

  afterAll(async () => {
    await page?.close();
  });

  /** The accessible names of the keys that are not a letter or a digit. */
  const KEY_NAMES: Record<string, string> = { ' ': 'Espacio', '@': 'arroba', '.': 'punto', '-': 'guion', _: 'guion bajo' };

  async function tap(keyboard: Locator, text: string): Promise<void> {
    for (const char of text) await keyboard.getByRole('button', { name: KEY_NAMES[char] ?? char, exact: true }).click();
  }

  async function focusedId(p: Page): Promise<string | undefined> {
    return p.evaluate(() => document.activeElement?.id);
  }

  /** Whether the element is wholly inside the window (not below the fold). */
  async function inView(target: Locator): Promise<boolean> {
    return target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
  }

  /** Keys smaller than 56 px either way, and whether the keyboard leaves its card or scrolls sideways. */
  async function layoutProblems(p: Page, keyboard: Locator): Promise<string[]> {
    const problems: string[] = [];
    for (const key of await keyboard.getByRole('button').all()) {
      const box = await key.boundingBox();
      const name = (await key.getAttribute('aria-label')) ?? (await key.textContent())?.trim();
      if (!box || box.width < 56 || box.height < 56) problems.push(`key ${name}: ${box ? `${box.width}x${box.height}` : 'not shown'}`);
    }
    const card = await p.locator('section.pay-card').boundingBox();
    const board = await keyboard.boundingBox();
    if (!card || !board || board.x < card.x || board.x + board.width > card.x + card.width + 0.5)
      problems.push('keyboard outside its card');
    const scrolls = await keyboard.evaluate((element) => {
      const card = element.closest('section') as HTMLElement;
      const root = document.documentElement;
      return [
        element.scrollWidth > element.clientWidth + 1 ? 'keyboard scrolls sideways' : '',
        card.scrollWidth > card.clientWidth + 1 ? 'card scrolls sideways' : '',
        root.scrollWidth > window.innerWidth + 1 ? 'page scrolls sideways' : '',
      ].filter(Boolean);
    });
    return [...problems, ...scrolls];
  }

  it('corrects the e-mail and the name with on-screen taps only, pays at the bank, and the gateway gets the corrected data', async () => {
    page = await signIn(t.e2e, MEMBER);
    await openCredits(page);
    await payRow(page, 'LI-38');
    await page.getByRole('button', { name: 'PAGAR POR PSE' }).click();
    await page.getByRole('heading', { name: 'Pago por PSE' }).waitFor();
    await page.waitForFunction(
      () => ((document.querySelector('select[name="banco"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1,
    );
    const nameField = page.getByRole('textbox', { name: 'Nombre completo' });
    const emailField = page.getByRole('textbox', { name: 'Correo electrónico' });
    expect(await nameField.inputValue()).toBe(MEMBER.name);
    expect(await emailField.inputValue()).toBe('ing_demo@hotmail.com');
    // No text field touched yet: no keyboard, only the phone's numeric keypad.
    expect(await page.getByRole('group', { name: /^Teclado del / }).count()).toBe(0);

    // The e-mail: its field takes the focus and its keyboard opens, in lowercase, with @ . _ - and .com.
    await emailField.click();
    const emailKeys = page.getByRole('group', { name: 'Teclado del correo electrónico' });
    await emailKeys.waitFor();
    // At 1366×768 the keyboard opens below the fold: it shows itself, and the field it serves stays in sight.
    expect(await inView(emailKeys)).toBe(true);
    expect(await inView(emailField)).toBe(true);
    for (const name of ['arroba', 'punto', 'guion', 'guion bajo', 'punto com', 'Borrar', 'Borrar todo', 'q', '0']) {
      expect(await emailKeys.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await emailKeys.getByRole('button', { name: 'Espacio' }).count()).toBe(0);
    for (let i = 0; i < 4; i++) await emailKeys.getByRole('button', { name: 'Borrar', exact: true }).click();
    expect(await emailField.inputValue()).toBe('ing_demo@hotmail');
    // The keys never take the focus from the field they serve.
    expect(await focusedId(page)).toBe('pse-correo');
    await emailKeys.getByRole('button', { name: 'Borrar todo' }).click();
    expect(await emailField.inputValue()).toBe('');

    // The screen's own validation still speaks: PAGAR with no e-mail marks it.
    await page.getByRole('button', { name: 'PAGAR', exact: true }).click();
    await page.getByText(payerTexts.email).waitFor();
    await emailField.click();
    await tap(emailKeys, 'maria.perez_1-b@correo');
    await emailKeys.getByRole('button', { name: 'punto com' }).click();
    expect(await emailField.inputValue()).toBe('maria.perez_1-b@correo.com');
    expect(await page.locator('#correo-error').textContent()).toBe('');
    expect(await focusedId(page)).toBe('pse-correo');

    // Open on the PSE screen: no serious accessibility faults, keys of 56 px or more, no sideways scrolling.
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const size of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(size);
      expect(await layoutProblems(page, emailKeys), `${size.width}x${size.height}`).toEqual([]);
    }

    // The name: capitals by default (PSE names usually are), a toggle for lowercase, space and Ñ.
    await nameField.click();
    const nameKeys = page.getByRole('group', { name: 'Teclado del nombre completo' });
    await nameKeys.waitFor();
    expect(await inView(nameKeys)).toBe(true);
    expect(await inView(nameField)).toBe(true);
    expect(await emailKeys.count()).toBe(0);
    const capitals = nameKeys.getByRole('button', { name: 'Mayúsculas' });
    expect(await capitals.getAttribute('aria-pressed')).toBe('true');
    expect(await nameKeys.getByRole('button', { name: 'Ñ', exact: true }).count()).toBe(1);
    await nameKeys.getByRole('button', { name: 'Borrar todo' }).click();
    await tap(nameKeys, 'A');
    await capitals.click();
    expect(await capitals.getAttribute('aria-pressed')).toBe('false');
    await tap(nameKeys, 'na ');
    await capitals.click();
    await tap(nameKeys, 'P');
    await capitals.click();
    await tap(nameKeys, 'eñx');
    await nameKeys.getByRole('button', { name: 'Borrar', exact: true }).click();
    await tap(nameKeys, 'a');
    expect(await nameField.inputValue()).toBe('Ana Peña');
    expect(await focusedId(page)).toBe('pse-nombre');
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const size of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(size);
      expect(await layoutProblems(page, nameKeys), `${size.width}x${size.height}`).toEqual([]);
    }

    // The phone keeps its numeric keypad: the keyboard gives way when the phone takes the focus.
    const phoneField = page.getByRole('textbox', { name: 'Celular' });
    await phoneField.click();
    expect(await nameKeys.count()).toBe(0);
    const keypad = page.getByRole('group', { name: 'Teclado numérico del celular' });
    await tap(keypad, MEMBER.phone);
    expect(await phoneField.inputValue()).toBe(MEMBER.phone);
    // One device at a time, in place of the bank: *Listo* closes it and the bank is there again.
    await page.getByRole('button', { name: 'Listo' }).click();
    expect(await page.getByRole('group', { name: /^Teclado/ }).count()).toBe(0);
    await page.getByLabel('Banco', { exact: true }).selectOption({ label: BANK });

    await payAndReachBank(page, host());
    const reference = await decideAtBank(page, host(), 'Aprobar');
    await page.getByTestId('voucher').waitFor();

    const response = await fetch(`${t.e2e.sim.url}/sim/gateway/orders/by-number/${encodeURIComponent(reference)}`);
    expect(response.status).toBe(200);
    const order = (await response.json()) as { email: string; fullName: string; status: string };
    expect(order).toMatchObject({ email: 'maria.perez_1-b@correo.com', fullName: 'Ana Peña', status: 'approved' });
  });
});
