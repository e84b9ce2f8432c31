// The shape of a generalisation hierarchy bound to one encoded column. Built by src/hierarchy/, used by
// the lattice search (src/lattice/) and the coded-table writer.

/**
 * A full-domain generalisation hierarchy for one quasi-identifier, bound to the codes of its encoded
 * column (EncodedColumn.labels). Level 0 is the original values; every further level is a coarsening of
 * the previous one (nested: two codes that share a class at level h share one at level h + 1); the last
 * level has a single class, "*" (the column suppressed).
 */
export interface Hierarchy {
  column: string
  /** What each level is, for people: ['year', '5-year bands', '10-year bands', '*']; levelNames[0] is the original. */
  levelNames: string[]
  /** maps[h][code] = generalised class of original code `code` at level h; maps[0] is the identity. */
  maps: Uint32Array[]
  /** labels[h][g] = text of generalised class g at level h (labels[0] = the column's labels; null = the null value). */
  labels: (string | null)[][]
}
