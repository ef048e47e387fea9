/** A council's place in a group (its region, or itself with its statistical neighbours) at a date. */
import { compareGrades, type Grade, type IsoDate, type JudgementArea } from '../domain/index.ts';
import type { CouncilFacts, GradeCounts, GradeQuery, InspectionFacts } from './facts.ts';
import { councilExistedOn, countGrades, gradeHeld, groupByCouncil } from './grade-at-date.ts';

export interface GroupPosition {
  readonly la: { readonly urn: string; readonly name: string };
  readonly region: string | null;
  readonly asAt: IsoDate;
  readonly area: JudgementArea;
  /** The council's own grade at the date; null when it had none. */
  readonly grade: Grade | null;
  /** Councils in the group (the council included) that had a grade at the date. */
  readonly included: number;
  readonly counts: GradeCounts;
  /** Councils in the group with the same grade as this council or a better one (itself included). */
  readonly sameOrBetter: number | null;
  /** 1 + the number of councils in the group with a strictly better grade (tied councils share a place). */
  readonly rank: number | null;
}

export function positionInGroup(
  council: CouncilFacts,
  group: readonly CouncilFacts[],
  inspections: readonly InspectionFacts[],
  query: GradeQuery,
): GroupPosition {
  const byCouncil = groupByCouncil(inspections);
  const members = new Map<string, CouncilFacts>([[council.urn, council]]);
  for (const member of group) if (councilExistedOn(member, query.asAt)) members.set(member.urn, member);
  const grades: Grade[] = [];
  for (const member of members.values()) {
    const held = gradeHeld(byCouncil.get(member.urn) ?? [], query);
    if (held) grades.push(held.grade);
  }
  const own = gradeHeld(byCouncil.get(council.urn) ?? [], query)?.grade ?? null;
  return {
    la: { urn: council.urn, name: council.name },
    region: council.regionName,
    asAt: query.asAt,
    area: query.area,
    grade: own,
    included: grades.length,
    counts: countGrades(grades),
    sameOrBetter: own === null ? null : grades.filter((grade) => compareGrades(grade, own) >= 0).length,
    rank: own === null ? null : 1 + grades.filter((grade) => compareGrades(grade, own) > 0).length,
  };
}

/** The council against every council of its region that existed at the date. */
export function regionPosition(
  council: CouncilFacts,
  councils: readonly CouncilFacts[],
  inspections: readonly InspectionFacts[],
  query: GradeQuery,
): GroupPosition {
  const region = councils.filter(
    (candidate) => candidate.regionName !== null && candidate.regionName === council.regionName,
  );
  return positionInGroup(council, region, inspections, query);
}

/** The council against its statistical neighbours (found by LA code) that existed at the date. */
export function neighbourPosition(
  council: CouncilFacts,
  councils: readonly CouncilFacts[],
  inspections: readonly InspectionFacts[],
  query: GradeQuery,
): GroupPosition {
  return positionInGroup(council, statisticalNeighboursOf(council, councils), inspections, query);
}

/** The councils named as the council's statistical neighbours, nearest first. */
export function statisticalNeighboursOf(council: CouncilFacts, councils: readonly CouncilFacts[]): CouncilFacts[] {
  const byCode = new Map(
    councils.filter((candidate) => candidate.laCode !== null).map((candidate) => [candidate.laCode, candidate]),
  );
  return council.statisticalNeighbours.flatMap((code) => byCode.get(code) ?? []);
}
