/** Checks every page gets in the browser tests: axe at WCAG 2.2 AA, a keyboard-only pass, same-origin requests only. */
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from 'playwright-core';

export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function assertNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA_TAGS).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  assert.deepEqual(summary, [], `${label}: axe violations`);
  assert.ok(results.passes.length > 10, `${label}: axe ran its checks`);
}

export interface FocusStop {
  readonly tag: string;
  readonly text: string;
  readonly href: string | null;
  readonly visible: boolean;
  readonly inMain: boolean;
}

/** Where focus lands after one Tab, and whether the focus indicator can be seen. */
async function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const visible =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '') ||
      style.backgroundColor === 'rgb(255, 221, 0)';
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.innerText || element.getAttribute('aria-label') || element.getAttribute('name') || '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 80),
      href: element.getAttribute('href'),
      visible,
      inMain: element.closest('main') !== null,
    };
  });
}

/**
 * Keyboard only: the first Tab reaches the skip link, which moves focus to the main content; then
 * Tab walks on with a visible focus indicator at every stop. Returns the stops after the skip link.
 */
export async function keyboardPass(page: Page, label: string, maxStops = 40): Promise<FocusStop[]> {
  const summaryFocused = await page.evaluate(
    () => document.activeElement?.classList.contains('govuk-error-summary') ?? false,
  );
  if (summaryFocused) {
    // GOV.UK's error summary takes focus on load; its first link leads to the field at fault.
    await page.keyboard.press('Tab');
    const link = await focusStop(page);
    const href = link?.href ?? '';
    assert.ok(href.startsWith('#'), `${label}: the first Tab reaches the error summary's link`);
    assert.ok(link?.visible, `${label}: the error link shows focus`);
    await page.keyboard.press('Enter');
    const fieldFocused = await page.evaluate((target) => document.activeElement?.id === target.slice(1), href);
    assert.ok(fieldFocused, `${label}: the error link moves focus to the field`);
  } else {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const first = await focusStop(page);
    assert.equal(first?.text, 'Skip to main content', `${label}: the first Tab reaches the skip link`);
    assert.ok(first.visible, `${label}: the skip link shows focus`);
    await page.keyboard.press('Enter');
    const mainFocused = await page.evaluate(
      () => document.activeElement?.id === 'main-content' || document.activeElement?.closest('main') !== null,
    );
    assert.ok(mainFocused, `${label}: the skip link moves focus to the main content`);
  }
  const stops: FocusStop[] = [];
  for (let index = 0; index < maxStops; index++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (!stop) break;
    assert.ok(stop.visible, `${label}: focus indicator visible on ${stop.tag} "${stop.text}"`);
    stops.push(stop);
    if (!stop.inMain) break;
  }
  assert.ok(stops.length > 0, `${label}: Tab moves on from the main content`);
  return stops;
}

/** Moves focus with Tab until an element matching the test has it; fails after maxTabs. */
export async function tabTo(
  page: Page,
  label: string,
  matches: (stop: FocusStop) => boolean,
  maxTabs = 400,
): Promise<FocusStop> {
  for (let index = 0; index < maxTabs; index++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop && matches(stop)) return stop;
  }
  throw new assert.AssertionError({ message: `${label}: could not reach the element with Tab` });
}

/** Records every request a page makes, and every console error (a CSP violation shows as one). */
export function watchPage(page: Page): { requests: string[]; consoleErrors: string[] } {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The document's own 404 or 400 status is logged too; that is the page under test, not a fault.
    const isDocumentStatus = /^Failed to load resource/.test(message.text()) && message.location().url === page.url();
    if (!isDocumentStatus) consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { requests, consoleErrors };
}
