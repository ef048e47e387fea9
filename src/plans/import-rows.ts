/**
 * Reading an existing action plan from a spreadsheet's rows (issue 11, "bring existing plans in"):
 * one row per action with its recommendation, action, owner, dates, status and measure columns.
 * First the headings are mapped to fields (by the words councils use, or as the user maps them);
 * then every row is read into an action to import or a problem saying which row and why. Nothing is
 * stored here: the caller shows the preview and imports only when the user confirms. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { MONTH_NAMES_LOWER_CASE, addDays, isIsoDate, isoDateOf, type IsoDate } from '../calendar/index.ts';
import {
  ACTION_STATUSES,
  BETTER_WHEN,
  OWNER_KINDS,
  type ActionStatus,
  type BetterWhen,
  type Owner,
  type OwnerKind,
  type PlanItem,
} from './types.ts';

/** A cell as the spreadsheet reader gives it: text, a number, a boolean, an ISO date (as text) or nothing. */
export type Cell = string | number | boolean | null;

export const IMPORT_FIELDS = [
  'recommendation',
  'action',
  'owner',
  'ownerKind',
  'startDate',
  'dueDate',
  'status',
  'measure',
  'unit',
  'betterWhen',
  'baseline',
  'baselineDate',
  'target',
  'targetDate',
  'frequency',
  'source',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What each field is called on the mapping page, and the headings that mean it (lower case, punctuation dropped). */
export const IMPORT_FIELD_HEADINGS: Readonly<
  Record<ImportField, { readonly label: string; readonly required: boolean; readonly headings: readonly string[] }>
> = {
  recommendation: {
    label: 'Recommendation',
    required: true,
    headings: [
      'recommendation',
      'recommendations',
      'items',
      'recommendation text',
      'area for improvement',
      'ofsted recommendation',
      'item',
      'plan item',
    ],
  },
  action: {
    label: 'Action',
    required: true,
    headings: ['action', 'actions', 'action to be taken', 'what will be delivered', 'what we will do', 'action title'],
  },
  owner: {
    label: 'Owner',
    required: true,
    headings: ['owner', 'action owner', 'lead', 'responsible officer', 'responsible', 'who'],
  },
  ownerKind: {
    label: 'Owner is a person, role or team',
    required: false,
    headings: ['owner kind', 'owner type', 'owner is'],
  },
  startDate: { label: 'Start date', required: false, headings: ['start', 'start date', 'starts', 'from'] },
  dueDate: {
    label: 'Due date',
    required: true,
    headings: ['due', 'due date', 'deadline', 'by when', 'completion date', 'target completion date', 'timescale'],
  },
  status: { label: 'Status', required: false, headings: ['status', 'action status', 'progress status'] },
  measure: {
    label: 'Measure (what is measured)',
    required: false,
    headings: [
      'measure',
      'measures',
      'impact measure',
      'how will we know',
      'measure of impact',
      'success measure',
      'kpi',
    ],
  },
  unit: { label: 'Measure unit', required: false, headings: ['unit', 'measure unit', 'units'] },
  betterWhen: {
    label: 'Better when (higher or lower)',
    required: false,
    headings: ['better when', 'direction', 'good is', 'polarity', 'better'],
  },
  baseline: { label: 'Baseline value', required: false, headings: ['baseline', 'baseline value'] },
  baselineDate: { label: 'Baseline date', required: false, headings: ['baseline date', 'baseline as at'] },
  target: { label: 'Target value', required: false, headings: ['target', 'target value'] },
  targetDate: { label: 'Target date', required: false, headings: ['target date', 'target by'] },
  frequency: {
    label: 'How often measured',
    required: false,
    headings: ['frequency', 'how often', 'reporting frequency', 'measured'],
  },
  source: { label: 'Data source', required: false, headings: ['source', 'data source', 'evidence source'] },
};

/** Field → the 0-based column it is read from, or absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

export interface MappingProposal {
  readonly mapping: ColumnMapping;
  /** Headings no field took, by column. */
  readonly unmapped: readonly { readonly column: number; readonly heading: string }[];
  /** Required fields no heading gave: the user must map them before rows can be read. */
  readonly missing: readonly ImportField[];
}

/**
 * The mapping the headings suggest, with the user's choices (`heading → field`, by heading text as
 * written or normalised) taking precedence. A field is taken by the first column that names it.
 */
export function proposeMapping(
  headings: readonly Cell[],
  chosen: Readonly<Record<string, ImportField | ''>> = {},
): MappingProposal {
  const mapping: ColumnMapping = {};
  const unmapped: { column: number; heading: string }[] = [];
  const choices = new Map(Object.entries(chosen).map(([heading, field]) => [normaliseHeading(heading), field]));
  const taken = new Set<ImportField>();
  const byChoice: { column: number; field: ImportField }[] = [];
  const rest: { column: number; heading: string }[] = [];
  headings.forEach((cell, column) => {
    const heading = cellText(cell);
    if (heading === '') return;
    const choice = choices.get(normaliseHeading(heading));
    if (choice === '') unmapped.push({ column, heading });
    else if (choice !== undefined) byChoice.push({ column, field: choice });
    else rest.push({ column, heading });
  });
  for (const { column, field } of byChoice) {
    if (taken.has(field)) continue;
    mapping[field] = column;
    taken.add(field);
  }
  for (const { column, heading } of rest) {
    const key = normaliseHeading(heading);
    const field = IMPORT_FIELDS.find(
      (candidate) => !taken.has(candidate) && IMPORT_FIELD_HEADINGS[candidate].headings.includes(key),
    );
    if (field === undefined) {
      unmapped.push({ column, heading });
      continue;
    }
    mapping[field] = column;
    taken.add(field);
  }
  unmapped.sort((a, b) => a.column - b.column);
  const missing = IMPORT_FIELDS.filter(
    (field) => IMPORT_FIELD_HEADINGS[field].required && mapping[field] === undefined,
  );
  return { mapping, unmapped, missing };
}

/** `heading=field` pairs as the command line gives them (`--map "Lead officer=owner"`). */
export function parseMappingArguments(pairs: readonly string[]): Record<string, ImportField | ''> {
  const chosen: Record<string, ImportField | ''> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new RangeError(`"${pair}" is not heading=field.`);
    const heading = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (field !== '' && !isImportField(field))
      throw new RangeError(
        `"${field}" is not a field to import: use one of ${IMPORT_FIELDS.join(', ')}, or nothing to leave the column out.`,
      );
    chosen[heading] = field as ImportField | '';
  }
  return chosen;
}

export interface ImportedMeasure {
  readonly what: string;
  readonly unit: string;
  readonly betterWhen: BetterWhen;
  readonly baseline: { readonly value: number; readonly date: IsoDate };
  readonly target: { readonly value: number; readonly date: IsoDate };
  readonly frequency: string;
  readonly source: string;
}

export interface ImportedAction {
  /** The row's number as the spreadsheet shows it (the heading row is row 1). */
  readonly row: number;
  readonly itemIds: readonly number[];
  readonly title: string;
  readonly owner: Owner;
  readonly startDate: IsoDate | null;
  readonly dueDate: IsoDate;
  readonly status: ActionStatus;
  /** The action's measures: rows repeating the same action (title, owner, dates, status) add theirs, and their recommendations. */
  readonly measures: readonly ImportedMeasure[];
  /** Every row this action was read from (more than one when rows repeat it). */
  readonly rows: readonly number[];
}

export interface RowProblem {
  /** The sheet the row is on, when it is not the table of actions. */
  readonly sheet?: string;
  readonly row: number;
  readonly reasons: readonly string[];
}

export interface ImportPreview {
  readonly actions: readonly ImportedAction[];
  readonly problems: readonly RowProblem[];
  /** Rows with nothing in any mapped column, skipped without a word. */
  readonly blankRows: number;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).replace(/\s+/g, ' ').trim();
}

const MONTHS = MONTH_NAMES_LOWER_CASE;

/** A date cell: an ISO date, dd/mm/yyyy, "5 March 2026" (or "5 Mar 2026"), or an Excel day number. */
export function readDate(cell: Cell | undefined): IsoDate | null | 'unreadable' {
  if (typeof cell === 'number') {
    // Excel's day numbers count from 30 December 1899 (its 1900 leap-year bug included).
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return 'unreadable';
    return addDays('1899-12-30', cell);
  }
  const text = cellText(cell);
  if (text === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.000)?Z?)?$/.exec(text);
  if (iso) return isIsoDate(iso[1]!) ? iso[1]! : 'unreadable';
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (uk) return isoDateOf(Number(uk[3]), Number(uk[2]), Number(uk[1])) ?? 'unreadable';
  const words = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(text);
  if (words) {
    const name = words[2]!.toLowerCase();
    const month = MONTHS.findIndex(
      (candidate) => candidate === name || (name.length >= 3 && candidate.startsWith(name)),
    );
    if (month >= 0) return isoDateOf(Number(words[3]), month + 1, Number(words[1])) ?? 'unreadable';
  }
  return 'unreadable';
}

function readNumber(cell: Cell | undefined): number | null | 'unreadable' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'unreadable';
  const text = cellText(cell).replace(/,/g, '').replace(/%$/, '').trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : 'unreadable';
}

const STATUS_WORDS: Readonly<Record<string, ActionStatus>> = {
  'not started': 'not started',
  'not yet started': 'not started',
  'in progress': 'in progress',
  started: 'in progress',
  ongoing: 'in progress',
  'awaiting sign off': 'awaiting sign-off',
  'awaiting signoff': 'awaiting sign-off',
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  'signed off': 'signed off',
  'signed-off': 'signed off',
};

function readStatus(cell: Cell | undefined): ActionStatus | null | 'unreadable' {
  const text = cellText(cell).toLowerCase();
  if (text === '') return null;
  if ((ACTION_STATUSES as readonly string[]).includes(text)) return text as ActionStatus;
  return STATUS_WORDS[text.replace(/-/g, ' ')] ?? STATUS_WORDS[text] ?? 'unreadable';
}

/** "Person: Jo Bloggs", "Jo Bloggs (person)" or a separate kind column; a role when nothing says. */
function readOwner(nameCell: Cell | undefined, kindCell: Cell | undefined): Owner | { error: string } | null {
  let name = cellText(nameCell);
  let kind: OwnerKind | undefined;
  const prefixed = /^(person|role|team)\s*:\s*(.+)$/i.exec(name);
  const suffixed = /^(.+?)\s*\((person|role|team)\)$/i.exec(name);
  if (prefixed) [kind, name] = [prefixed[1]!.toLowerCase() as OwnerKind, prefixed[2]!.trim()];
  else if (suffixed) [kind, name] = [suffixed[2]!.toLowerCase() as OwnerKind, suffixed[1]!.trim()];
  const kindText = cellText(kindCell).toLowerCase();
  if (kindText !== '') {
    if (!(OWNER_KINDS as readonly string[]).includes(kindText))
      return { error: `the owner kind "${cellText(kindCell)}" is not person, role or team` };
    kind = kindText as OwnerKind;
  }
  if (name === '') return null;
  return { kind: kind ?? 'role', name };
}

/** Which plan item a recommendation cell names: its text word for word (spacing and case aside), or its number ("3", "R3", "Recommendation 3"). */
export function matchItem(cell: Cell | undefined, items: readonly PlanItem[]): PlanItem | null {
  const text = cellText(cell);
  if (text === '') return null;
  const key = normaliseHeading(text);
  const byText = items.find(
    (item) =>
      normaliseHeading(item.title) === key ||
      (item.recommendation !== null && normaliseHeading(item.recommendation.text) === key),
  );
  if (byText) return byText;
  const own = /^W(\d{1,3})$/i.exec(text);
  if (own)
    return (
      [...items].filter((item) => item.recommendation === null).sort((a, b) => a.id - b.id)[Number(own[1]) - 1] ?? null
    );
  const numbered = /^(?:r|rec|recommendation|item)?\s*\.?\s*(\d{1,3})\s*[.:)-]?\s*(.*)$/i.exec(text);
  if (numbered) {
    const position = Number(numbered[1]);
    const rest = normaliseHeading(numbered[2] ?? '');
    const candidates = items.filter(
      (item) => item.recommendation !== null && item.recommendation.position === position,
    );
    const exact = candidates.find(
      (item) =>
        rest === '' || normaliseHeading(item.title) === rest || normaliseHeading(item.recommendation!.text) === rest,
    );
    if (exact) return exact;
    if (candidates.length === 1 && rest === '') return candidates[0]!;
  }
  return null;
}

/**
 * The items a recommendation cell names: one (see matchItem), or several references separated by
 * commas or semicolons ("R1, R3", as the action plan export writes them; "W2" is the council's
 * second own item). Null when any part names no item.
 */
export function matchItems(cell: Cell | undefined, items: readonly PlanItem[]): PlanItem[] | null {
  const text = cellText(cell);
  const parts = text.split(/\s*[,;]\s*/).filter((part) => part !== '');
  const reference = /^(?:[RW]\d{1,3}|\d{1,3})$/i;
  if (parts.length > 1 && parts.every((part) => reference.test(part))) {
    const found = parts.map((part) => matchItem(part, items));
    return found.every((item) => item !== null) ? [...new Set(found as PlanItem[])] : null;
  }
  const one = matchItem(cell, items);
  return one === null ? null : [one];
}

function readMeasure(row: readonly Cell[], mapping: ColumnMapping, reasons: string[]): ImportedMeasure | null {
  const at = (field: ImportField): Cell | undefined =>
    mapping[field] === undefined ? undefined : row[mapping[field]!];
  const what = cellText(at('measure'));
  if (what === '') return null;
  const baseline = readNumber(at('baseline'));
  const target = readNumber(at('target'));
  const baselineDate = readDate(at('baselineDate'));
  const targetDate = readDate(at('targetDate'));
  const betterText = cellText(at('betterWhen')).toLowerCase();
  const betterWhen =
    betterText === '' ? null : (BETTER_WHEN.find((word) => betterText === word || betterText.startsWith(word)) ?? null);
  const before = reasons.length;
  if (baseline === null) reasons.push('the measure has no baseline value');
  else if (baseline === 'unreadable') reasons.push(`the baseline "${cellText(at('baseline'))}" is not a number`);
  if (target === null) reasons.push('the measure has no target value');
  else if (target === 'unreadable') reasons.push(`the target "${cellText(at('target'))}" is not a number`);
  if (baselineDate === null) reasons.push('the measure has no baseline date');
  else if (baselineDate === 'unreadable')
    reasons.push(`the baseline date "${cellText(at('baselineDate'))}" is not a date`);
  if (targetDate === null) reasons.push('the measure has no target date');
  else if (targetDate === 'unreadable') reasons.push(`the target date "${cellText(at('targetDate'))}" is not a date`);
  if (cellText(at('unit')) === '') reasons.push('the measure has no unit (for example % or number)');
  if (cellText(at('frequency')) === '') reasons.push('the measure does not say how often it is measured');
  if (cellText(at('source')) === '') reasons.push('the measure has no data source');
  if (betterText !== '' && betterWhen === null)
    reasons.push(`"better when" says "${cellText(at('betterWhen'))}", not higher or lower`);
  if (reasons.length > before) return null;
  const better: BetterWhen = betterWhen ?? ((target as number) >= (baseline as number) ? 'higher' : 'lower');
  if ((targetDate as IsoDate) <= (baselineDate as IsoDate)) {
    reasons.push(`the target date ${targetDate as IsoDate} is not after the baseline date ${baselineDate as IsoDate}`);
    return null;
  }
  if (
    (better === 'higher' && (target as number) < (baseline as number)) ||
    (better === 'lower' && (target as number) > (baseline as number))
  ) {
    reasons.push(
      `a target of ${target as number} is worse than the baseline ${baseline as number} when ${better} is better`,
    );
    return null;
  }
  return {
    what,
    unit: cellText(at('unit')),
    betterWhen: better,
    baseline: { value: baseline as number, date: baselineDate as IsoDate },
    target: { value: target as number, date: targetDate as IsoDate },
    frequency: cellText(at('frequency')),
    source: cellText(at('source')),
  };
}

/**
 * Reads the data rows (every row after the heading row) into actions or problems. `firstRowNumber`
 * is the spreadsheet's number of the first data row (2 when the headings are on row 1).
 */
export interface SeparateMeasures {
  /** The column of the actions table holding the key the measures sheet names its action by. */
  readonly keyColumn: number;
  readonly byKey: ReadonlyMap<string, readonly ImportedMeasure[]>;
}

export function readImportRows(
  rows: readonly (readonly Cell[])[],
  mapping: ColumnMapping,
  items: readonly PlanItem[],
  firstRowNumber = 2,
  separate?: SeparateMeasures,
): ImportPreview {
  const missing = IMPORT_FIELDS.filter(
    (field) => IMPORT_FIELD_HEADINGS[field].required && mapping[field] === undefined,
  );
  if (missing.length > 0)
    throw new RangeError(
      `Map a column to ${missing.map((field) => IMPORT_FIELD_HEADINGS[field].label.toLowerCase()).join(', ')} first.`,
    );
  const columns = Object.values(mapping);
  const actions: ImportedAction[] = [];
  const problems: RowProblem[] = [];
  let blankRows = 0;
  rows.forEach((row, index) => {
    const rowNumber = firstRowNumber + index;
    if (columns.every((column) => cellText(row[column]) === '')) {
      blankRows += 1;
      return;
    }
    const at = (field: ImportField): Cell | undefined =>
      mapping[field] === undefined ? undefined : row[mapping[field]!];
    const reasons: string[] = [];
    const recommendation = cellText(at('recommendation'));
    const matched = matchItems(at('recommendation'), items);
    if (recommendation === '') reasons.push('the recommendation is empty');
    else if (matched === null)
      reasons.push(`the recommendation "${truncate(recommendation)}" is not one of this plan's items`);
    const title = cellText(at('action'));
    if (title === '') reasons.push('the action is empty');
    const owner = readOwner(at('owner'), at('ownerKind'));
    if (owner === null) reasons.push('the owner is empty');
    else if ('error' in owner) reasons.push(owner.error);
    const dueDate = readDate(at('dueDate'));
    if (dueDate === null) reasons.push('the due date is empty');
    else if (dueDate === 'unreadable') reasons.push(`the due date "${cellText(at('dueDate'))}" is not a date`);
    const startDate = readDate(at('startDate'));
    if (startDate === 'unreadable') reasons.push(`the start date "${cellText(at('startDate'))}" is not a date`);
    else if (startDate !== null && typeof dueDate === 'string' && dueDate !== 'unreadable' && startDate > dueDate)
      reasons.push(`it starts on ${startDate}, after its due date ${dueDate}`);
    const status = readStatus(at('status'));
    if (status === 'unreadable')
      reasons.push(`the status "${cellText(at('status'))}" is not one of: ${ACTION_STATUSES.join(', ')}`);
    const measures = separate
      ? [...(separate.byKey.get(cellText(row[separate.keyColumn])) ?? [])]
      : [readMeasure(row, mapping, reasons)].filter((one) => one !== null);
    if (reasons.length > 0) {
      problems.push({ row: rowNumber, reasons });
      return;
    }
    const read: ImportedAction = {
      row: rowNumber,
      rows: [rowNumber],
      itemIds: matched!.map((item) => item.id),
      title,
      owner: owner as Owner,
      startDate: startDate as IsoDate | null,
      dueDate: dueDate as IsoDate,
      status: (status as ActionStatus | null) ?? 'not started',
      measures,
    };
    const same = actions.findIndex((other) => sameAction(other, read));
    if (same < 0) actions.push(read);
    else {
      const other = actions[same]!;
      actions[same] = {
        ...other,
        rows: [...other.rows, rowNumber],
        itemIds: [...new Set([...other.itemIds, ...read.itemIds])],
        measures: [
          ...other.measures,
          ...read.measures.filter((one) => !other.measures.some((known) => isDeepStrictEqual(known, one))),
        ],
      };
    }
  });
  return { actions, problems, blankRows };
}

function sameAction(a: ImportedAction, b: ImportedAction): boolean {
  return (
    a.title === b.title &&
    a.owner.kind === b.owner.kind &&
    a.owner.name === b.owner.name &&
    a.dueDate === b.dueDate &&
    a.startDate === b.startDate &&
    a.status === b.status
  );
}

function truncate(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

export interface SheetRows {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

export interface TableLocation {
  readonly sheet: number;
  /** 0-based index of the heading row in the sheet's rows. */
  readonly headingRow: number;
  /** How many fields the headings map without the user's help. */
  readonly mappedFields: number;
}

/**
 * Where the table of actions is: the sheet and row (among each sheet's first ten) whose headings
 * map the most fields, the first such when tied; a named sheet when the user chose one. Null when
 * no row maps any field.
 */
export function locateTable(sheets: readonly SheetRows[], sheetName?: string): TableLocation | null {
  let best: TableLocation | null = null;
  sheets.forEach((sheet, index) => {
    if (sheetName !== undefined && sheet.name !== sheetName) return;
    sheet.rows.slice(0, 10).forEach((row, rowIndex) => {
      const mappedFields = Object.keys(proposeMapping(row).mapping).length;
      if (mappedFields > 0 && (best === null || mappedFields > best.mappedFields))
        best = { sheet: index, headingRow: rowIndex, mappedFields };
    });
  });
  return best;
}

/** Headings that name the action a measures sheet's row belongs to, as the action plan export writes them. */
const ACTION_KEY_HEADINGS = ['action id', 'action ref'];

/**
 * A sheet of measures, one a row, naming its action by a key column ("Action ID"), as the action plan
 * export writes beside its Actions sheet: read into measures by key, and problems by row. Null when
 * the sheet is not such a sheet (no key column, or no measure, baseline and target columns).
 */
export function readMeasureSheet(
  sheet: SheetRows,
  actionHeadings: readonly Cell[],
): { separate: SeparateMeasures; problems: RowProblem[] } | null {
  for (let headingRow = 0; headingRow < Math.min(10, sheet.rows.length); headingRow += 1) {
    const headings = sheet.rows[headingRow]!;
    const { mapping } = proposeMapping(headings);
    if (mapping.measure === undefined || mapping.baseline === undefined || mapping.target === undefined) continue;
    for (const key of ACTION_KEY_HEADINGS) {
      const keyColumn = headings.findIndex((cell) => normaliseHeading(cellText(cell)) === key);
      const actionKeyColumn = actionHeadings.findIndex((cell) => normaliseHeading(cellText(cell)) === key);
      if (keyColumn < 0 || actionKeyColumn < 0) continue;
      const byKey = new Map<string, ImportedMeasure[]>();
      const problems: RowProblem[] = [];
      sheet.rows.slice(headingRow + 1).forEach((row, index) => {
        const keyText = cellText(row[keyColumn]);
        if (row.every((cell) => cellText(cell) === '')) return;
        const reasons: string[] = [];
        if (keyText === '') reasons.push(`the ${cellText(headings[keyColumn])} is empty`);
        const measure = readMeasure(row, mapping, reasons);
        if (measure === null && reasons.length === 0) reasons.push('the measure is empty');
        if (reasons.length > 0) problems.push({ sheet: sheet.name, row: headingRow + 2 + index, reasons });
        else byKey.set(keyText, [...(byKey.get(keyText) ?? []), measure!]);
      });
      return { separate: { keyColumn: actionKeyColumn, byKey }, problems };
    }
  }
  return null;
}
