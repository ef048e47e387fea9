/**
 * Which import runs are still going. A run records its runner (`host:pid`) and a heartbeat every
 * HEARTBEAT_MS while it works; one left 'running' is dead when its process on this host is gone (or is
 * this process, which is not running it), or when nothing has been heard from it for STALE_AFTER_MS.
 */
import { hostname } from 'node:os';

export const HEARTBEAT_MS = 15_000;
export const STALE_AFTER_MS = 120_000;

/** This process, as runs record it. */
export const THIS_RUNNER = `${hostname()}:${process.pid}`;

/** The runs this process is running now. */
const activeRuns = new Set<number>();

export function runStarted(id: number): void {
  activeRuns.add(id);
}

export function runEnded(id: number): void {
  activeRuns.delete(id);
}

export interface RunSighting {
  readonly id: number;
  readonly runner: string | null;
  readonly started_at: string;
  readonly heartbeat_at: string | null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a run still marked 'running' has lost its process. */
export function runIsDead(run: RunSighting, now: number, alive: (pid: number) => boolean = processAlive): boolean {
  const lastSeen = Date.parse(run.heartbeat_at ?? run.started_at);
  if (!Number.isFinite(lastSeen) || now - lastSeen > STALE_AFTER_MS) return true;
  const at = run.runner?.lastIndexOf(':') ?? -1;
  if (run.runner == null || at < 0) return false;
  const host = run.runner.slice(0, at);
  const pid = Number(run.runner.slice(at + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !activeRuns.has(run.id);
  return !alive(pid);
}
