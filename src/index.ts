// riskcheck's library API.
export { analyse, DEFAULT_K } from './analyse.js'
export type { AnalyseOptions } from './analyse.js'
export { readArrow, arrowFormat } from './input/arrow.js'
export type { ArrowFormat } from './input/arrow.js'
export { encodeColumn } from './input/encode.js'
export { resolveRoles, ROLE_KEY, ROLES } from './roles.js'
export type { Role, RoleOptions, Roles } from './roles.js'
export { loadKernels } from './kernels/wasm/index.js'
export { referenceKernels } from './kernels/reference.js'
export { renderText } from './report/text.js'
export { RiskcheckError } from './errors.js'
export type { ErrorCode } from './errors.js'
export { VERSION } from './version.js'
export type {
  Check, CodeChunk, CodeColumn, DiversityFigures, EncodedColumn, KernelInput, KernelOutput, Kernels,
  LCriterion, LDiversity, RiskResult,
} from './types.js'
