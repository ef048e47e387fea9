import { SingleBar, Presets } from 'cli-progress';

export interface ProgressReporter {
  update: (done: number, total: number) => void;
  stop: () => void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string): ProgressReporter {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} files | {eta}s left`, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
