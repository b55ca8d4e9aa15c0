import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SUPERVISOR, seriousA11yViolations, typeOperator } from './harness';
import { useStarted } from '../support/use-started';
import { LANDSCAPE, MEMBER, PORTRAIT } from './payments-support';
import { startTour } from './screens-tour';

/**
 * Every screen, at both sizes the product names (portrait kiosk 1080×1920, landscape 1366×768), through the
 * same tour as `npm run screenshots`: the step's primary action and the keypad or keyboard in use inside the
 * viewport without scrolling, nothing sideways, axe-core clean, no raw ISO date; and on the screens of issue 12
 * what a person must see there (errors only after an attempt, one input device, the phone prefilled and masked,
 * accented keys, outcomes that say what comes next, the print said on screen, the public status screen).
 */

/** Boxes of the visible primary actions and input devices that are not wholly inside the viewport. */
async function outsideViewport(page: Page): Promise<{ primaries: number; devices: number; outside: string[] }> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const primaries = Array.from(document.querySelectorAll('button.primary, a.button.primary')).filter(visible);
    const devices = Array.from(document.querySelectorAll('.keypad, .osk')).filter(visible);
    const outside = [...primaries, ...devices]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.top < 0 || box.left < 0 || box.bottom > window.innerHeight + 0.5 || box.right > window.innerWidth + 0.5;
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.top)}..${Math.round(box.bottom)} of ${window.innerHeight}`;
      });
    return { primaries: primaries.length, devices: devices.length, outside };
  });
}

/** The screens whose step has an input device open (the fit rule covers it as well as the primary action). */
const WITH_DEVICE = new Set([
  '01-ingreso',
  '02-ingreso-codigo',
  '07-monto-otro-valor',
  '10-pse-teclado-nombre',
  '11-pse-teclado-celular',
  '21-caja-ingreso',
]);
/** Screens that are a list or a menu, with no single primary action. */
const NO_PRIMARY = new Set(['03-inicio', '04-creditos', '14-historial', '22-caja', '23-caja-historial']);

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

/** What issue 12 asks of particular screens, checked where the tour stands on them. */
async function screenPoints(name: string, page: Page): Promise<void> {
  const content = page.locator('#contenido');
  switch (name) {
    case '08-pse': {
      // Nothing attempted yet: no error anywhere; Celular prefilled from the session and masked.
      expect(await page.locator('[data-testid="mensaje-pago"]').count()).toBe(0);
      for (const error of await page.locator('.field-error').allTextContents()) expect(error).toBe('');
      expect(await page.getByRole('textbox', { name: 'Celular' }).inputValue()).toBe(`*******${MEMBER.phone.slice(-3)}`);
      break;
    }
    case '09-pse-errores': {
      expect(await text(page, '#banco-error')).toBe('Seleccione una entidad financiera de la lista.');
      // Fixed, the mark goes at once (the rest of the form was right).
      await page.getByLabel('Banco', { exact: true }).selectOption({ label: 'BANCOLOMBIA' });
      await page.waitForFunction(() => document.querySelector('#banco-error')?.textContent === '');
      expect(await page.locator('[data-testid="mensaje-pago"]').count()).toBe(0);
      break;
    }
    case '10-pse-teclado-nombre': {
      const devices = page.getByRole('group', { name: /^Teclado/ });
      expect(await devices.count()).toBe(1);
      const keys = page.getByRole('group', { name: 'Teclado del nombre completo' });
      for (const letter of ['Á', 'É', 'Í', 'Ó', 'Ú', 'Ü', 'Ñ'])
        expect(await keys.getByRole('button', { name: letter, exact: true }).count(), letter).toBe(1);
      break;
    }
    case '11-pse-teclado-celular': {
      expect(await page.getByRole('group', { name: /^Teclado/ }).count()).toBe(1);
      // Being edited, the phone shows whole (and stays editable).
      expect(await page.getByRole('textbox', { name: 'Celular' }).inputValue()).toBe(MEMBER.phone);
      break;
    }
    case '13-resultado-aprobado': {
      await page.locator('[data-field="impresion-estado"]', { hasText: /Su comprobante se (está imprimiendo|imprimió)/ }).waitFor();
      await page.getByRole('button', { name: 'Imprimir copia' }).waitFor({ timeout: 20_000 });
      break;
    }
    case '16-resultado-abandonado': {
      expect(await text(page, '[data-testid="que-sigue"]')).toMatch(/hasta el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}.*respuesta final/);
      expect(await page.getByRole('button', { name: 'Volver al inicio' }).isVisible()).toBe(true);
      break;
    }
    case '18-ingreso-sesion-terminada': {
      // Still there after several rounds of the session's polling (every second): long enough to read.
      await page.waitForTimeout(3000);
      expect(await page.getByTestId('sesion-terminada').textContent()).toContain('inactividad');
      break;
    }
    case '20-estado': {
      const shown = (await content.textContent()) ?? '';
      for (const internal of ['tcp://', 'ECONNRESET', '127.0.0.1']) expect(shown).not.toContain(internal);
      expect(await page.getByRole('button', { name: 'Imprimir prueba' }).count()).toBe(0);
      expect(await text(page, '[data-field="conexion"]')).toBe('Conectado con el sistema central');
      // A supervisor reaches the details from the kiosk without typing an address: a long press on the sede.
      const site = page.getByTestId('sede-nombre');
      const box = await site.boundingBox();
      await page.mouse.move((box?.x ?? 0) + 5, (box?.y ?? 0) + 5);
      await page.mouse.down();
      // The 2-second press is the gesture itself, not a wait for anything.
      await page.waitForTimeout(2300);
      await page.mouse.up();
      await page.getByRole('heading', { name: 'Ingreso de operador' }).waitFor();
      await typeOperator(page, SUPERVISOR);
      await page.getByRole('button', { name: 'Imprimir prueba' }).waitFor();
      expect(await page.locator('[data-field="modo"]').textContent()).toContain('Kiosco');
      // Leaving ends the operator's session like any other: every store reset, back to the kiosk's Ingreso.
      await page.getByRole('button', { name: 'Salir de los detalles' }).click();
      await page.getByRole('button', { name: 'Ingresar' }).waitFor();
      expect(await page.getByRole('button', { name: 'Imprimir prueba' }).count()).toBe(0);
      break;
    }
    case '24-estado-operador': {
      expect(await page.getByRole('button', { name: 'Imprimir prueba' }).isVisible()).toBe(true);
      break;
    }
    default:
      break;
  }
}

describe.each([
  { size: 'portrait kiosk 1080×1920', viewport: PORTRAIT },
  { size: 'landscape 1366×768', viewport: LANDSCAPE },
])('every screen fits at $size (browser host, headless Chromium)', ({ viewport }) => {
  const tour = useStarted(() => startTour(viewport));

  it("shows each step's primary action and its keypad or keyboard without scrolling, accessible, in one date format", async () => {
    const seen: string[] = [];
    await tour.run(async (name, page) => {
      seen.push(name);
      const fit = await outsideViewport(page);
      expect(fit.outside, name).toEqual([]);
      if (!NO_PRIMARY.has(name)) expect(fit.primaries, `${name}: a primary action`).toBeGreaterThan(0);
      if (WITH_DEVICE.has(name)) expect(fit.devices, `${name}: the input device`).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name}: sideways`).toBe(true);
      expect(await page.evaluate(() => window.scrollY), `${name}: scrolled`).toBe(0);
      const shown = (await page.locator('body').textContent()) ?? '';
      expect(shown, `${name}: a raw ISO date`).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
      expect(await seriousA11yViolations(page), name).toEqual([]);
      await screenPoints(name, page);
    });
    // The desk's Buscar and PSE screens are its own 1366×768 screen's only.
    expect(seen).toHaveLength(viewport.width > viewport.height ? 26 : 24);
    // The whole tour (24 or 26 screens, four payments, two sign-ins) in one test: it needs more than the default.
  }, 400_000);
});
