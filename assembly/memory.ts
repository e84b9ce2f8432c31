// A bump arena over linear memory. The host resets it before each analysis; kernels never allocate.

let top: usize = 0

function base(): usize {
  return (__heap_base + 15) & ~(<usize>15)
}

/** Forget everything allocated so far. */
export function reset(): void {
  top = base()
}

/** Reserve `bytes` bytes (16-byte aligned), growing memory if needed; returns 0 when memory is exhausted. */
export function alloc(bytes: usize): usize {
  if (top == 0) top = base()
  const ptr = top
  const end = (ptr + bytes + 15) & ~(<usize>15)
  if (end < ptr) return 0
  const have = <usize>memory.size() << 16
  if (end > have) {
    const pages = <i32>((end - have + 0xffff) >>> 16)
    if (memory.grow(pages) < 0) return 0
  }
  top = end
  return ptr
}

/** The current top of the arena, to release back to with release(). */
export function mark(): usize {
  if (top == 0) top = base()
  return top
}

/** Free everything allocated since `at` (a value returned by mark()). */
export function release(at: usize): void {
  top = at
}
