/**
 * Council names as reports print them ("London Borough of Barnet", "Durham County Council",
 * "Bristol, City of") reduced to a key that matches the register's name ("Barnet", "Durham", "Bristol").
 */
const LEADING_PHRASES = [
  'council of the',
  'london borough of',
  'royal borough of',
  'metropolitan borough of',
  'borough of',
  'city and county of',
  'city of',
  'county of',
  'the',
];
const TRAILING_PHRASES = [
  'city of',
  'council',
  'county',
  'city',
  'borough',
  'metropolitan',
  'district',
  'unitary authority',
  'children s services',
];

export function councilNameKey(name: string): string {
  let text = ` ${name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  const strip = (phrases: readonly string[], at: 'start' | 'end'): boolean => {
    for (const phrase of phrases) {
      const edge = ` ${phrase} `;
      let remainder: string | undefined;
      if (at === 'start' && text.startsWith(edge)) remainder = text.slice(edge.length - 1);
      if (at === 'end' && text.endsWith(edge)) remainder = text.slice(0, text.length - edge.length + 1);
      if (remainder !== undefined && remainder.trim() !== '') {
        text = remainder;
        return true;
      }
    }
    return false;
  };
  while (strip(LEADING_PHRASES, 'start'));
  while (strip(TRAILING_PHRASES, 'end'));
  return text.trim().replace(/\bst\b/g, 'saint');
}
