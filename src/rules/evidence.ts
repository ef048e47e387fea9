/**
 * How firm each piece of the framework engine is. `rule` parts follow from legislation or a
 * published framework (possibly through a secondary source); `estimate` parts come from what the
 * reports show. The tags are DOMAIN.md's: OFF official text seen, SEC secondary source, REP read from
 * reports, EMP measured over reports, MEM recollection not confirmed.
 */
export type Nature = 'rule' | 'estimate';
export type EvidenceTag = 'OFF' | 'SEC' | 'REP' | 'EMP' | 'MEM';

export interface Evidence {
  readonly nature: Nature;
  readonly tags: readonly EvidenceTag[];
  /** Where it comes from, in words. */
  readonly source: string;
}

/** Each tag in words, for people reading the output (the tags themselves stay in the JSON). */
export const EVIDENCE_TAG_WORDS: Readonly<Record<EvidenceTag, string>> = {
  OFF: 'official text seen',
  SEC: 'secondary source',
  REP: 'read from the reports',
  EMP: 'measured over the reports',
  MEM: 'recollection, not confirmed',
};
