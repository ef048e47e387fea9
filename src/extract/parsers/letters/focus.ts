/**
 * What a focused visit looked at ("Inspectors looked at the local authority's arrangements for ...")
 * and the theme Ofsted's statistics group it under. Pure.
 */
import type { VisitTheme } from '../../../domain/index.ts';
import { plain } from '../common.ts';
import type { Paragraph } from './paragraphs.ts';
import { BULLET } from './sections.ts';

/** Wordings that introduce what was looked at, most specific first. */
const FOCUS_WORDINGS: readonly RegExp[] = [
  /\b(?:authority.s|council.s|their|its|the|looked at|evaluated|considered|reviewed)\s+arrangements\s+for\s+(.+)$/i,
  /\b(?:authority.s|council.s|their|its|the|looked at|evaluated|considered|reviewed)\s+arrangements\s+at\s+(.+)$/i,
  /\b(?:authority.s|council.s|their|its|the|looked at|evaluated|considered|reviewed)\s+arrangements\s+((?:and|to)\s+.+)$/i,
  /\b(?:this|the) visit looked at\s+(.+)$/i,
  /\bthe focus of (?:this|the) visit was on\s+(.+)$/i,
  /\binspectors (?:looked at|evaluated|reviewed|considered)\s+(?!a range\b|evidence\b)(.+)$/i,
];

/** A sentence ends at a full stop followed by a capital, or at the end of the paragraph. */
function sentences(text: string): string[] {
  return text.split(/(?<=[a-z)’'\d]\.)\s+(?=[A-Z‘'(])/);
}

/**
 * The focus from the paragraphs before the first section heading: the words after "arrangements
 * for" (or an equivalent) to the end of the sentence, with the bullets of a list it runs into.
 */
export function readFocus(paragraphs: readonly Paragraph[]): string | undefined {
  for (const wording of FOCUS_WORDINGS) {
    for (const [index, paragraph] of paragraphs.entries()) {
      const matches = sentences(plainKeepingQuotes(paragraph.text)).flatMap((sentence) => {
        const match = wording.exec(sentence);
        return match ? [{ sentence, words: match[1]!.trim() }] : [];
      });
      const chosen = matches[0];
      if (!chosen) continue;
      let focus = chosen.words;
      if (/:$/.test(focus)) focus = [focus, ...bulletsAfter(paragraphs, index)].join(' ');
      return tidyFocus(focus);
    }
  }
  return undefined;
}

/** One line without bullet glyphs or the closing full stop (also one printed inside a closing quote). */
function tidyFocus(focus: string): string {
  return focus
    .replace(/\s*[\u25a0-\u25ff\u2022\uf000-\uf0ff]\s*/g, ' ')
    .replace(/\.$/, '')
    .replace(/\.(['’])$/, '$1')
    .replace(/(['’])\1$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Typographic quotes and apostrophes stay as printed; dashes and spaces are normalised. */
function plainKeepingQuotes(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function bulletsAfter(paragraphs: readonly Paragraph[], index: number): string[] {
  const items: string[] = [];
  for (const paragraph of paragraphs.slice(index + 1)) {
    if (!BULLET.test(paragraph.text)) break;
    items.push(paragraph.text.replace(BULLET, '').trim());
  }
  return items;
}

/** Words that name each theme, as focus sentences put them. */
const THEME_WORDS: readonly [VisitTheme, RegExp][] = [
  ['other', /\bquality and impact of (?:key )?decision-making (?:across|in|for)\b/i],
  [
    'front-door',
    /front[- ]door|first point of contact|\bcontacts? and referrals?|\bcontact, referral|\breceiving referrals|children who need help and protection/i,
  ],
  ['achieving-permanence', /\bpermanen(?:ce|cy)\b/i],
  ['care-leavers', /\bcare leavers?\b|\bcare[- ]experienced\b|\bleaving care\b|\binto adulthood\b/i],
  [
    'children-in-care',
    /\bchildren in care\b|\blooked after\b|\binto care\b|\bplacement decision-making\b|\bolder children\b/i,
  ],
  ['vulnerable-adolescents', /\badolescents?\b|\bextra-familial\b|\bexploitation\b/i],
  ['disabled-children', /\bdisabled children\b|\bchildren with (?:a )?disabilit/i],
  [
    'children-in-need-or-plan',
    /\bchild(?:ren)? in need\b|\bchild-in-need\b|\bchild protection\b|\bprotection plans?\b|\bpre-proceedings\b/i,
  ],
];

/** The theme the focus names first; `other` when it names none (or the whole-service visits of 2020-2021). */
export function themeOf(focus: string | undefined): VisitTheme {
  if (!focus) return 'other';
  const text = plain(focus);
  let best: { theme: VisitTheme; at: number } | undefined;
  for (const [theme, pattern] of THEME_WORDS) {
    const at = text.search(pattern);
    if (at >= 0 && (best === undefined || at < best.at)) best = { theme, at };
  }
  return best?.theme ?? 'other';
}
