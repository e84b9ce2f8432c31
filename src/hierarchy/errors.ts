// The helper that raises hierarchy errors.
import { RiskcheckError } from '../errors.js'

/** A RiskcheckError with code E_HIERARCHY. */
export function hierarchyError(message: string, hint?: string): RiskcheckError {
  return new RiskcheckError('E_HIERARCHY', message, hint)
}
