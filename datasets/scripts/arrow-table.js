// Build an Arrow table whose fields carry a riskcheck.role in their metadata.
import { Field, Schema, Table } from 'apache-arrow'

/** columns: { name: [vector, role] } -> Table with riskcheck.role metadata on every field. */
export function tableWithRoles(columns) {
  const plain = new Table(Object.fromEntries(Object.entries(columns).map(([name, [vector]]) => [name, vector])))
  const fields = plain.schema.fields.map(f =>
    new Field(f.name, f.type, f.nullable, new Map([['riskcheck.role', columns[f.name][1]]])))
  return new Table(new Schema(fields, plain.schema.metadata), plain.batches)
}
