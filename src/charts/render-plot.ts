/**
 * Server-side SVG charts (for the web pages and the papers): Observable Plot drawing into a linkedom document, no browser needed.
 * The SVG is made accessible (role="img", a label and a description) and Plot's inline <style>
 * is removed, so the strict content security policy holds; its rules live in app.css (.app-chart).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartText {
  /** Short name read out first, e.g. "Grades of the latest inspection, by judgement area". */
  readonly label: string;
  /** One or two sentences saying what the chart shows and where its data table is. */
  readonly description: string;
  /**
   * A fill drawn behind the whole chart (for charts rasterised into the papers, where a transparent
   * PNG may show dark). Drawn as a rect, not Plot's `style` option: an inline style attribute is
   * blocked by the pages' content security policy.
   */
  readonly background?: string;
}

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

export function renderPlot(options: Plot.PlotOptions, text: ChartText): string {
  const chart = Plot.plot({ ...options, document: document as unknown as Document });
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) throw new Error('Plot produced no SVG');
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  // The SVG is one image (role="img" with a label): Plot's labels on inner groups would be ARIA on
  // elements without a role, which axe rightly rejects; the data table carries the detail.
  for (const element of Array.from(svg.querySelectorAll('[aria-label], [aria-description], [aria-hidden]'))) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
    element.removeAttribute('aria-hidden');
  }
  for (const element of [svg, ...Array.from(svg.querySelectorAll('[style]'))]) element.removeAttribute('style');
  if (text.background) {
    const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    backdrop.setAttribute('width', '100%');
    backdrop.setAttribute('height', '100%');
    backdrop.setAttribute('fill', text.background);
    svg.insertBefore(backdrop, svg.firstChild);
  }
  svg.setAttribute('class', 'app-chart');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', text.label);
  svg.removeAttribute('aria-description');
  svg.setAttribute('font-family', 'inherit');
  svg.setAttribute('font-size', '13');
  const title = document.createElement('title');
  title.textContent = text.label;
  const desc = document.createElement('desc');
  desc.textContent = text.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}

export { Plot };
