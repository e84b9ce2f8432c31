// Structural checks of Arrow IPC bytes before apache-arrow parses them. apache-arrow trusts the lengths and
// counts in the file: a damaged message length, a damaged count of buffers or of fields, or a footer block
// pointing outside the file can make tableFromIPC loop for hours or run out of memory instead of failing.
// These checks read only the framing (continuation markers, message and footer lengths, block offsets) and
// the flatbuffer vectors of the metadata, and require every one of them to lie within the bytes.

/** A framing fault: what is wrong and at which byte. */
export class FramingError extends Error {}

const CONTINUATION = 0xffffffff
const HEADER_SCHEMA = 1
const HEADER_DICTIONARY_BATCH = 2
const HEADER_RECORD_BATCH = 3

/** Check an Arrow IPC file (magic, footer, blocks, then the messages the blocks point to). */
export function checkFileFraming(bytes: Uint8Array): void {
  const view = viewOf(bytes)
  const footerLength = view.getInt32(bytes.length - 10, true)
  const footerStart = bytes.length - 10 - footerLength
  if (footerLength <= 0 || footerStart < 8) {
    throw new FramingError(`its footer length ${footerLength} does not fit in the file`)
  }
  const footer = new Flat(view, footerStart, footerLength, 'the footer')
  const root = footer.root()
  const schema = footer.table(root, 1)
  if (schema === undefined) throw new FramingError('its footer has no schema')
  const tree = checkSchema(footer, schema)
  for (const field of [2, 3]) {
    const blocks = footer.vector(root, field, 24)
    for (let b = 0; b < blocks.count; b++) {
      const at = blocks.start + 24 * b
      const offset = Number(view.getBigInt64(at, true))
      const metaLength = view.getInt32(at + 8, true)
      const bodyLength = Number(view.getBigInt64(at + 16, true))
      if (offset < 8 || metaLength < 8 || bodyLength < 0 || offset + metaLength + bodyLength > footerStart) {
        throw new FramingError(`its footer points to a block (offset ${offset}, ${metaLength} + ${bodyLength} bytes) ` +
          'outside the file')
      }
      checkMessage(view, offset, offset + metaLength + bodyLength, tree)
    }
  }
}

/** Check an Arrow IPC stream: every message, up to the end-of-stream marker, lies within the bytes. */
export function checkStreamFraming(bytes: Uint8Array): void {
  const view = viewOf(bytes)
  let at = 0
  let tree: number[] | undefined
  for (;;) {
    if (at + 8 > bytes.length) throw new FramingError(`its message at byte ${at} is cut short`)
    if (view.getInt32(at + 4, true) === 0 && view.getUint32(at, true) === CONTINUATION) return
    const message = checkMessage(view, at, bytes.length, tree)
    tree ??= message.schema
    if (!tree) throw new FramingError(`its first message (at byte ${at}) is not a schema`)
    at = message.end
  }
}

/**
 * Check the message at `at` (continuation marker, metadata, body) ends by `end`, and that a record batch
 * has as many rows in each top-level column as it says (`tree`: field nodes per top-level field).
 * Returns where the message ends, and the field nodes of a schema message.
 */
function checkMessage(view: DataView, at: number, end: number, tree: number[] | undefined): { end: number; schema?: number[] } {
  if (at + 8 > end || view.getUint32(at, true) !== CONTINUATION) {
    throw new FramingError(`no message marker (0xFFFFFFFF) at byte ${at}`)
  }
  const metaLength = view.getInt32(at + 4, true)
  if (metaLength <= 0 || at + 8 + metaLength > end) {
    throw new FramingError(`its message at byte ${at} has metadata length ${metaLength}, beyond the end (byte ${end})`)
  }
  const meta = new Flat(view, at + 8, metaLength, `the message at byte ${at}`)
  const message = meta.root()
  const bodyLength = meta.int64(message, 3)
  const bodyEnd = at + 8 + metaLength + bodyLength
  if (bodyLength < 0 || bodyEnd > end) {
    throw new FramingError(`its message at byte ${at} has a body of ${bodyLength} bytes, beyond the end (byte ${end})`)
  }
  const kind = meta.uint8(message, 1)
  if (kind !== HEADER_SCHEMA && kind !== HEADER_DICTIONARY_BATCH && kind !== HEADER_RECORD_BATCH) {
    throw new FramingError(`its message at byte ${at} is of unknown type ${kind}`)
  }
  const header = meta.table(message, 2)
  if (header === undefined) throw new FramingError(`its message at byte ${at} has no header`)
  if (kind === HEADER_SCHEMA) return { end: bodyEnd, schema: checkSchema(meta, header) }
  // A dictionary batch holds one column, the dictionary's values: its first node is top-level.
  if (kind === HEADER_DICTIONARY_BATCH) {
    const batch = meta.table(header, 1)
    if (batch !== undefined) checkBatch(meta, batch, bodyLength, at, [1])
  }
  if (kind === HEADER_RECORD_BATCH) checkBatch(meta, header, bodyLength, at, tree)
  return { end: bodyEnd }
}

/** A record batch: its row count, field nodes and buffers are consistent with each other and the body.
 * `tree`: how many nodes each top-level field has (undefined: schema unknown, top-level nodes not checked). */
function checkBatch(meta: Flat, batch: number, bodyLength: number, at: number, tree: number[] | undefined): void {
  const rows = meta.int64(batch, 0)
  const nodes = meta.vector(batch, 1, 16)
  const buffers = meta.vector(batch, 2, 16)
  if (rows < 0 || rows > 2 ** 32) throw new FramingError(`its batch at byte ${at} has ${rows} rows`)
  let top = 0
  for (const size of tree ?? []) {
    const length = top < nodes.count ? Number(meta.view.getBigInt64(nodes.start + 16 * top, true)) : undefined
    if (length !== rows) {
      throw new FramingError(`its batch at byte ${at} has ${rows} rows, but ${length ?? 'no'} values in column ${top + 1}`)
    }
    top += size
  }
  for (let n = 0; n < nodes.count; n++) {
    const length = Number(meta.view.getBigInt64(nodes.start + 16 * n, true))
    const nulls = Number(meta.view.getBigInt64(nodes.start + 16 * n + 8, true))
    if (length < 0 || length > 2 ** 32 || nulls < 0 || nulls > length) {
      throw new FramingError(`its batch at byte ${at} has a column of ${length} values with ${nulls} nulls`)
    }
  }
  for (let b = 0; b < buffers.count; b++) {
    const offset = Number(meta.view.getBigInt64(buffers.start + 16 * b, true))
    const length = Number(meta.view.getBigInt64(buffers.start + 16 * b + 8, true))
    if (offset < 0 || length < 0 || offset + length > bodyLength) {
      throw new FramingError(`its batch at byte ${at} has a buffer (offset ${offset}, ${length} bytes) ` +
        `outside its body of ${bodyLength} bytes`)
    }
  }
}

/** A schema: its fields, their children and metadata lie within the metadata. Returns, per top-level
 * field, how many field nodes a record batch holds for it (the field and its descendants). */
function checkSchema(meta: Flat, schema: number): number[] {
  const fields = (table: number, id: number): number[] => {
    const v = meta.vector(table, id, 4)
    return Array.from({ length: v.count }, (_, f) => checkField(meta.at(v.start + 4 * f)))
  }
  const checkField = (field: number): number => {
    meta.vector(field, 0, 1) // name
    meta.table(field, 3) // type
    meta.table(field, 4) // dictionary encoding
    const kv = meta.vector(field, 6, 4) // custom metadata
    for (let k = 0; k < kv.count; k++) {
      const pair = meta.at(kv.start + 4 * k)
      meta.vector(pair, 0, 1)
      meta.vector(pair, 1, 1)
    }
    return 1 + fields(field, 5).reduce((a, n) => a + n, 0)
  }
  return fields(schema, 1)
}

/** Bounds-checked reading of a flatbuffer that occupies [start, start + length) of `view`. */
class Flat {
  private readonly end: number
  constructor(readonly view: DataView, private readonly start: number, length: number, private readonly what: string) {
    this.end = start + length
  }

  /** The root table. */
  root(): number {
    return this.at(this.start)
  }

  /** The position of the table an offset at `pos` points to. */
  at(pos: number): number {
    const target = pos + this.u32(pos)
    this.vtable(target)
    return target
  }

  /** Field `id` of `table` holding a table, or undefined when absent. */
  table(table: number, id: number): number | undefined {
    const pos = this.field(table, id)
    return pos === undefined ? undefined : this.at(pos)
  }

  /** Field `id` of `table` holding a vector of `size`-byte elements (count 0 when absent). */
  vector(table: number, id: number, size: number): { start: number; count: number } {
    const pos = this.field(table, id)
    if (pos === undefined) return { start: 0, count: 0 }
    const vec = pos + this.u32(pos)
    const count = this.u32(vec)
    if (vec + 4 + count * size > this.end) this.fail(`a list of ${count} entries at byte ${vec}, beyond its end`)
    return { start: vec + 4, count }
  }

  int64(table: number, id: number): number {
    const pos = this.field(table, id)
    if (pos === undefined) return 0
    this.check(pos, 8)
    return Number(this.view.getBigInt64(pos, true))
  }

  uint8(table: number, id: number): number {
    const pos = this.field(table, id)
    if (pos === undefined) return 0
    this.check(pos, 1)
    return this.view.getUint8(pos)
  }

  private field(table: number, id: number): number | undefined {
    const vtable = this.vtable(table)
    const vtableLength = this.view.getUint16(vtable, true)
    if (4 + 2 * id + 2 > vtableLength) return undefined
    const offset = this.view.getUint16(vtable + 4 + 2 * id, true)
    if (offset >= this.view.getUint16(vtable + 2, true)) this.fail(`a field beyond the end of its table at byte ${table}`)
    return offset === 0 ? undefined : table + offset
  }

  private vtable(table: number): number {
    this.check(table, 4)
    const vtable = table - this.view.getInt32(table, true)
    this.check(vtable, 4)
    const vtableLength = this.view.getUint16(vtable, true)
    if (vtableLength < 4 || vtableLength % 2 !== 0) this.fail(`a damaged table layout at byte ${vtable}`)
    this.check(vtable, vtableLength)
    this.check(table, this.view.getUint16(vtable + 2, true))
    return vtable
  }

  private u32(pos: number): number {
    this.check(pos, 4)
    return this.view.getUint32(pos, true)
  }

  private check(pos: number, bytes: number): void {
    if (pos < this.start || pos + bytes > this.end) this.fail(`a reference to byte ${pos}, beyond its end`)
  }

  private fail(what: string): never {
    throw new FramingError(`${this.what} (${this.end - this.start} bytes of metadata) has ${what}`)
  }
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
