/**
 * Whether a SIF inspection is a re-inspection: the title says so, the report says it is one, or it
 * records that the previous inspection of the local authority's children's services (a SIF) judged
 * overall effectiveness inadequate. Earlier inspections under older frameworks (safeguarding, looked
 * after children) do not count. Pure.
 */
const SAYS_SO = /\bthis (?:is a |was a )?re-?\s?inspection\b/i;

/** SIF wording for the earlier inspection: children's services as a whole, or the SIF title itself. */
const PREVIOUS_SIF = /(?:children['’]s services|single inspection|services for children in need of help and protection)/i;
const OVERALL_INADEQUATE = /overall effectiveness\W{0,3}(?:[^.]{0,40}?\b(?:was|were)\s+)?(?:judged\s+(?:to\s+be\s+)?)?:?\s*inadequate|judged\s+(?:to\s+be\s+)?inadequate in respect of [^.]*overall effectiveness/i;

export function isReinspection(reinspectionTitle: boolean, bodyText: string, previousInspections: string): boolean {
  if (reinspectionTitle) return true;
  if (SAYS_SO.test(bodyText)) return true;
  return PREVIOUS_SIF.test(previousInspections) && OVERALL_INADEQUATE.test(previousInspections);
}
