/**
 * The text a render memo key is a digest of: a page context written out in full. Plain data goes
 * through JSON.stringify with no replacer (the engine's fast path: a replacer is called for every
 * value and costs several times as much on a plan page's context); one walk beside it finds each
 * function, written by where it sits and by its identity (a module's path helpers are the same
 * function every time; a closure made for one request is never seen again, so it can only miss),
 * and refuses a Map or a Set, which JSON would write as `{}` whatever it holds.
 */

type Path = (string | number)[];

const knownFunctions = new WeakMap<object, number>();
let functionCount = 0;

/** A number for each function, the same for the same function for as long as the process runs. */
function functionIdOf(fn: object): number {
  let id = knownFunctions.get(fn);
  if (id === undefined) {
    id = ++functionCount;
    knownFunctions.set(fn, id);
  }
  return id;
}

/** Every function in the value, as "where it sits = its identity", in the order JSON visits values. */
function functionsIn(value: unknown, path: Path, depth: number, found: string[]): void {
  if (typeof value === 'function') {
    found.push(`${JSON.stringify(path.slice(0, depth))}=${functionIdOf(value)}`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (value instanceof Map || value instanceof Set)
    throw new TypeError('A memoised page’s context must be plain data: it holds a Map or a Set.');
  // JSON writes what toJSON gives (a Date's text), not the object's own fields.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path[depth] = index;
      functionsIn(value[index], path, depth + 1, found);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    path[depth] = key;
    functionsIn((value as Record<string, unknown>)[key], path, depth + 1, found);
  }
}

/** The context's text for the memo key: two contexts give the same text only if a page rendered from either is the same. */
export function memoKeyText(context: Record<string, unknown>): string {
  // First, so that a cycle is refused (JSON throws) before the walk could follow it.
  const data = JSON.stringify(context);
  const found: string[] = [];
  functionsIn(context, [], 0, found);
  return found.length === 0 ? data : `${data}\n${found.join('\n')}`;
}
