// Progress on a terminal: nothing for short work, then one line rewritten in place with an estimate of the
// time left; the search reports the nodes it judges.
import { describe, expect, test } from 'vitest'
import { anonymise } from '../src/anonymise/index.js'
import { readArrow } from '../src/input/arrow.js'
import { terminalProgress } from '../src/progress.js'
import { runCli } from './helpers.js'

describe('terminalProgress', () => {
  test('silent for 2 s, then at most every 200 ms, with the time left; end clears the line', () => {
    let t = 0
    const out: string[] = []
    const p = terminalProgress(text => out.push(text), () => t)
    t = 1500
    p.update(10, 100, 'generalisations judged', true)
    expect(out).toEqual([])
    t = 3000
    p.update(10, 100, 'generalisations judged', true)
    // 3 s for 10 of at most 100: at most about 27 s for the other 90
    expect(out).toEqual(['\r\x1b[2Kriskcheck: 10 of at most 100 generalisations judged (3 s, at most about 27 s left)'])
    t = 3100
    p.update(11, 100, 'generalisations judged', true)
    expect(out).toHaveLength(1)
    t = 3300
    p.update(2_000_000, null, 'rows read')
    expect(out[1]).toBe('\r\x1b[2Kriskcheck: 2,000,000 rows read (3 s)')
    p.end()
    expect(out[2]).toBe('\r\x1b[2K')
  })

  test('end() writes nothing when nothing was shown', () => {
    const out: string[] = []
    const p = terminalProgress(text => out.push(text), () => 0)
    p.update(1, 2, 'x')
    p.end()
    expect(out).toEqual([])
  })
})

describe('the search reports its progress', () => {
  test('each node judged, of at most the lattice, then the end', () => {
    const calls: [number, number | null][] = []
    let ended = 0
    anonymise(readArrow('datasets/care-extract.arrow'), {
      k: 5, maxSuppression: 0.01, progress: { update: (done, total) => { calls.push([done, total]) }, end: () => { ended++ } },
    })
    expect(calls.length).toBe(56)
    expect(calls.map(c => c[0])).toEqual(calls.map((_, i) => i + 1))
    expect(new Set(calls.map(c => c[1]))).toEqual(new Set([160]))
    expect(ended).toBe(1)
  })

  test('the command line writes nothing to stderr when it is not a terminal', async () => {
    expect((await runCli('datasets/care-extract.arrow', '--k', '5', '--max-suppression', '1%')).err).toBe('')
  })
})
