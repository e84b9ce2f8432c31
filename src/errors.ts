/** Error codes of the errors a user can fix (bad input, bad options). */
export type ErrorCode =
  | 'E_FILE'      // the input file cannot be read
  | 'E_ARROW'     // the bytes are not a readable Arrow IPC file or stream
  | 'E_EMPTY'     // the table has no rows
  | 'E_COLUMN'    // a column named in the options does not exist, or is named twice
  | 'E_TYPE'      // a column has a type riskcheck cannot encode
  | 'E_METADATA'  // a riskcheck.role in the Arrow field metadata is not a known role
  | 'E_ROLES'     // the roles leave no quasi-identifier, or contradict each other
  | 'E_OPTION'    // an option value is out of range
  | 'E_HIERARCHY' // a generalisation hierarchy is malformed or does not fit the data
  | 'E_POLICY'    // the policy file is malformed
  | 'E_OUTPUT'    // the output file cannot be written (or would replace the input)
  | 'E_IDENTIFIER' // --strict: a column looks like an identifier
  | 'E_MEMORY'    // the data do not fit in WebAssembly memory
  | 'E_KERNEL'    // the WebAssembly kernel is missing or failed (a bug or a broken install)

/** An error the user can fix: printed as one line (and a hint) without a stack trace. */
export class RiskcheckError extends Error {
  override name = 'RiskcheckError'
  constructor(readonly code: ErrorCode, message: string, readonly hint?: string) {
    super(message)
  }
}

/** Quote a column or value for a message. */
export function quote(value: unknown): string {
  return JSON.stringify(String(value))
}
