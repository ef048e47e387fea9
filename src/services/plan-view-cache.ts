/**
 * Views of a plan kept by the plan's version, so that the pages read most (a plan, an action) do
 * not read and map the same rows again while nothing in the plan has changed.
 *
 * Why it is safe: every write to a plan or to anything it holds (item, action, milestone, measure,
 * value, update, evidence, version, status) moves the plan's version on in the write's own
 * transaction (bumpPlan), and the plan's row is read afresh, and the actor's scope checked on it,
 * in every request before the cache is asked. A view kept under the version that request read is
 * therefore the view of that version, whoever wrote it and from whichever process. A view is read
 * after the plan's row, so it can only be as new as that version or newer, never older.
 *
 * What may be kept: a view that depends on nothing but the plan's content and the words of `what`
 * (a view that changes with the day names the day there), never on the actor. Views are frozen,
 * as they are shared by every request that asks for them.
 */

/** What a plan's row says of it here: which plan, and which version of it. */
export interface VersionedPlan {
  readonly id: number;
  readonly version: number;
}

interface PlanEntry {
  readonly version: number;
  readonly views: Map<string, unknown>;
}

/** Freezes the value and everything in it (plain data: objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class PlanViewCache {
  /** By plan id, least recently used first. */
  readonly #plans = new Map<number, PlanEntry>();
  readonly #planLimit: number;
  readonly #viewsPerPlan: number;

  /** `planLimit` 0 keeps nothing: every view is loaded afresh. */
  constructor(planLimit = 200, viewsPerPlan = 64) {
    this.#planLimit = planLimit;
    this.#viewsPerPlan = viewsPerPlan;
  }

  /** The view `what` of the plan at its version: the one kept, or `load`'s, kept for the next request. */
  async read<T>(plan: VersionedPlan, what: string, load: () => Promise<T>): Promise<T> {
    const entry = this.#plans.get(plan.id);
    if (entry !== undefined && entry.version === plan.version && entry.views.has(what)) {
      this.#plans.delete(plan.id);
      this.#plans.set(plan.id, entry);
      return entry.views.get(what) as T;
    }
    const view = deepFreeze(await load());
    this.#keep(plan, what, view);
    return view;
  }

  #keep(plan: VersionedPlan, what: string, view: unknown): void {
    if (this.#planLimit === 0) return;
    let entry = this.#plans.get(plan.id);
    // A view of an older version than one kept (a slow request) is not kept over it.
    if (entry !== undefined && entry.version > plan.version) return;
    if (entry === undefined || entry.version < plan.version) entry = { version: plan.version, views: new Map() };
    entry.views.delete(what);
    entry.views.set(what, view);
    if (entry.views.size > this.#viewsPerPlan) entry.views.delete(entry.views.keys().next().value as string);
    this.#plans.delete(plan.id);
    this.#plans.set(plan.id, entry);
    while (this.#plans.size > this.#planLimit) this.#plans.delete(this.#plans.keys().next().value as number);
  }
}
