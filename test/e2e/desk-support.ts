import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousA11yViolations, type E2E } from './harness';
import { until } from '../support/until';

/** Shared checks of the desk's end-to-end tests: the 1366x768 fit, axe-core, the virtual printer. */

/**
 * Every visible button, link, input and select of the screen's content, as `text: x,y WxH`, when its box is not
 * wholly inside the window; plus `page scrolls` when the page is taller or wider than the window.
 */
export async function outsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth) {
      problems.push(`page scrolls: ${root.scrollWidth}x${root.scrollHeight} in ${window.innerWidth}x${window.innerHeight}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('main button, main a, main input, main select, main textarea')) {
      if (el.offsetParent === null) continue;
      const box = el.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight) {
        const name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim() ?? el.tagName;
        problems.push(`${name}: ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
    }
    return problems;
  });
}

/** What each desk screen must pass: no serious axe-core finding, nothing outside the window, no scrolling. */
export async function expectScreenOk(page: Page): Promise<void> {
  // The checked elements must exist: a screen with no controls would pass the fit check vacuously.
  expect(await page.locator('main button, main a, main input').count()).toBeGreaterThan(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await outsideViewport(page)).toEqual([]);
}

export interface PrintedJob {
  seq: number;
  complete: boolean;
  lines: string[];
}

/** The virtual printer's jobs as its HTTP route lists them (`GET /sim/printer/jobs`). */
export async function printedJobs(e2e: E2E): Promise<PrintedJob[]> {
  const response = await fetch(`${e2e.sim.url}/sim/printer/jobs`);
  expect(response.ok).toBe(true);
  const body = (await response.json()) as { jobs: PrintedJob[] };
  return body.jobs;
}

/** Waits until a complete job printed after `afterSeq` holds every one of `texts`; returns it. */
export async function waitForPrinted(e2e: E2E, afterSeq: number, texts: string[], timeoutMs = 20_000): Promise<PrintedJob> {
  const holds = (job: PrintedJob) => texts.every((text) => job.lines.some((line) => line.includes(text)));
  const seen = await until(
    async () => (await printedJobs(e2e)).filter((job) => job.seq > afterSeq && job.complete),
    (jobs) => jobs.some(holds),
    timeoutMs,
    200,
  );
  const found = seen.find(holds);
  if (found) return found;
  throw new Error(`no printed job after #${afterSeq} with ${JSON.stringify(texts)}; saw ${JSON.stringify(seen.map((job) => job.lines))}`);
}

export async function lastSeq(e2e: E2E): Promise<number> {
  return (await printedJobs(e2e)).reduce((max, job) => Math.max(max, job.seq), 0);
}

/** Cuts the simulated central API off (`PUT /sim/admin/faults {outage}`) or brings it back. */
export async function setOutage(e2e: E2E, outage: boolean): Promise<void> {
  const response = await fetch(`${e2e.sim.url}/sim/admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outage }),
  });
  expect(response.ok).toBe(true);
}
