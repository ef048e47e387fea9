/** "1 file", "2 files": a count with its noun, singular or plural as English wants. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
