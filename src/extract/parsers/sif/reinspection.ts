/**
 * Whether a SIF inspection is a re-inspection: the title says so, the report says it is one, or it
 * records that the previous inspection of the local authority's children's services (a SIF) judged
 * overall effectiveness inadequate. Earlier inspections under older frameworks (safeguarding, looked
 * after children) do not count. Pure.
 */
const SAYS_SO = /\bthis (?:is a |was a )?re-?\s?inspection\b/i;

/** SIF wording for the earlier inspection: children's services as a whole, or the SIF title itself. */
const PREVIOUS_SIF =
  /(?:children['’]s services|single inspection|services for children in need of help and protection)/i;
const OVERALL_INADEQUATE =
  /overall effectiveness\W{0,3}(?:[^.]{0,40}?\b(?:was|were)\s+)?(?:judged\s+(?:to\s+be\s+)?)?:?\s*inadequate|judged\s+(?:to\s+be\s+)?inadequate in respect of [^.]*overall effectiveness/i;

/** A sentence about the inspection before this one... */
const PREVIOUS_INSPECTION =
  /\b(?:previous|last|prior|earlier|most recent)\s+(?:ofsted\s+)?(?:sif\s+|single\s+)?inspection\b|\bwhen (?:it was |they were )?last inspected\b|\bsince (?:the|its) (?:previous|last) inspection\b/i;
/** ... saying that it judged the council's children's services inadequate... */
const JUDGED_INADEQUATE =
  /\b(?:(?:judged|found|rated)\s+(?:\w+\s+){0,3}?|were\s+|was\s+)(?:to\s+be\s+|as\s+)?inadequate\b/i;
/** Longer runs of text without a sentence end are tables or contents, not sentences. */
const LONGEST_SENTENCE = 400;
/** ... under the single inspection framework, which began in November 2013, not an older framework. */
const OLDER_FRAMEWORK =
  /\b(?:safeguarding and looked after|looked after children services|safeguarding arrangements|safeguarding services|fostering|adoption agency|children['’]s homes?|201[0-2]|200\d)\b/i;
const SIF_YEAR = /\b(?:201[4-9]|2013)\b/;

/** The report says, in a sentence, that its previous (SIF) inspection judged the council inadequate. */
export function saysPreviousInspectionWasInadequate(bodyText: string): boolean {
  return bodyText
    .split(/(?<=[.!?])\s+|\s*[\uf000-\uf0ff\u2022]\s*/)
    .some(
      (sentence) =>
        sentence.length <= LONGEST_SENTENCE &&
        PREVIOUS_INSPECTION.test(sentence) &&
        JUDGED_INADEQUATE.test(sentence) &&
        !OLDER_FRAMEWORK.test(sentence) &&
        (SIF_YEAR.test(sentence) || PREVIOUS_SIF.test(sentence)),
    );
}

export function isReinspection(reinspectionTitle: boolean, bodyText: string, previousInspections: string): boolean {
  if (reinspectionTitle) return true;
  if (SAYS_SO.test(bodyText)) return true;
  if (PREVIOUS_SIF.test(previousInspections) && OVERALL_INADEQUATE.test(previousInspections)) return true;
  return saysPreviousInspectionWasInadequate(bodyText);
}
