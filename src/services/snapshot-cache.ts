/**
 * One snapshot of loaded data, refreshed in the background, with figures memoised on it.
 *
 * The first call waits for the load; later calls get the snapshot in hand at once and, once it was
 * checked longer than `ttlMs` ago, start one reload in the background. The reload replaces the
 * snapshot only when the data differ (same fingerprint, same snapshot: memoised figures and cached
 * pages live on while nothing changes), and no request waits for it. A TTL of 0 reloads on every
 * call and waits for it (tests).
 */

export interface Snapshot<T> {
  /** 1 for the first snapshot, then 2, 3, ... for each one with different data. */
  readonly version: number;
  readonly loadedAt: number;
  /** Equal data, equal fingerprint. */
  readonly fingerprint: string;
  readonly data: T;
  readonly memo: Map<string, unknown>;
}

export interface SnapshotCache<T> {
  current(): Promise<Snapshot<T>>;
  /** The value under `key` on this snapshot, computed once (the oldest dropped beyond the limit). */
  memo<V>(snapshot: Snapshot<T>, key: string, compute: () => V): V;
  /** memo() for a promise; a rejected one is not remembered (an unknown id can become known). */
  memoAsync<V>(snapshot: Snapshot<T>, key: string, compute: () => Promise<V>): Promise<V>;
}

export interface SnapshotCacheOptions<T> {
  readonly load: () => Promise<{ readonly data: T; readonly fingerprint: string }>;
  readonly ttlMs: number;
  readonly now?: () => number;
  /** Figures kept per snapshot. */
  readonly memoLimit?: number;
}

export function createSnapshotCache<T>({
  load,
  ttlMs,
  now = Date.now,
  memoLimit = 4096,
}: SnapshotCacheOptions<T>): SnapshotCache<T> {
  let current: Promise<Snapshot<T>> | undefined;
  let refreshing: Promise<Snapshot<T>> | undefined;
  let checkedAt = -Infinity;
  let loads = 0;

  const loadSnapshot = async (): Promise<Omit<Snapshot<T>, 'version'>> => {
    const loadedAt = now();
    const { data, fingerprint } = await load();
    return { loadedAt, fingerprint, data, memo: new Map() };
  };

  const memo = <V>(snapshot: Snapshot<T>, key: string, compute: () => V): V => {
    if (snapshot.memo.has(key)) return snapshot.memo.get(key) as V;
    const value = compute();
    if (snapshot.memo.size >= memoLimit) snapshot.memo.delete(snapshot.memo.keys().next().value as string);
    snapshot.memo.set(key, value);
    return value;
  };

  return {
    async current() {
      if (!current) {
        checkedAt = now();
        const loading = loadSnapshot().then((first) => ({ ...first, version: ++loads }));
        current = loading;
        loading.catch(() => {
          if (current === loading) current = undefined;
        });
        return loading;
      }
      const held = await current;
      if (!refreshing && now() - checkedAt >= ttlMs) {
        checkedAt = now();
        const reloading = loadSnapshot().then((fresh) =>
          fresh.fingerprint === held.fingerprint ? held : { ...fresh, version: ++loads },
        );
        refreshing = reloading;
        reloading.then(
          (next) => {
            current = Promise.resolve(next);
            refreshing = undefined;
          },
          () => {
            refreshing = undefined;
          },
        );
        if (ttlMs === 0) return reloading;
      }
      return held;
    },
    memo,
    memoAsync(snapshot, key, compute) {
      const pending = memo(snapshot, key, compute);
      pending.catch(() => snapshot.memo.delete(key));
      return pending;
    },
  };
}
