// Progress of long work on a terminal: after ~2 s, one line on stderr, rewritten in place, with what is done and
// an estimate of the time left; nothing at all when stderr is not a terminal or the output is JSON.
export interface Progress {
  /** `done` of `total` (null: unknown) `what` ("generalisations judged"); `bound`: total is an upper bound. */
  update(done: number, total: number | null, what: string, bound?: boolean): void
  /** Clear the line. */
  end(): void
}

export const silentProgress: Progress = { update() {}, end() {} }

/** Shown only once the work has taken this long. */
export const PROGRESS_AFTER_MS = 2000
const EVERY_MS = 200

/** Progress written to `write` (a terminal), timed by `now` (milliseconds). */
export function terminalProgress(write: (text: string) => void, now: () => number = () => performance.now()): Progress {
  const started = now()
  let last = -Infinity
  let shown = false
  return {
    update(done, total, what, bound = false) {
      const t = now()
      if (t - started < PROGRESS_AFTER_MS || t - last < EVERY_MS) return
      last = t
      shown = true
      const elapsed = (t - started) / 1000
      const left = total !== null && done > 0 ? elapsed * (total - done) / done : null
      const of = total === null ? '' : ` of ${bound ? 'at most ' : ''}${total.toLocaleString('en-US')}`
      // with a bound on the work (the lattice), the time left is an estimate from the rate so far, not a bound
      const eta = left === null ? '' : `, ${bound ? 'at most about' : 'about'} ${seconds(left)} left`
      write(`\r\x1b[2Kriskcheck: ${done.toLocaleString('en-US')}${of} ${what} (${seconds(elapsed)}${eta})`)
    },
    end() {
      if (shown) write('\r\x1b[2K')
      shown = false
    },
  }
}

function seconds(s: number): string {
  return s < 60 ? `${s.toFixed(0)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}
