export {
  USCC_ALPHABET,
  USCC_EXCLUDED_LETTERS,
  USCC_WEIGHTS,
  ORG_CODE_WEIGHTS,
  isUsccChar,
  computeUsccCheck,
  computeOrgCodeCheck,
  makeUscc,
} from './checksum.ts'
export { usccDepartments, usccDepartmentOf, usccCategoryOf } from './departments.ts'
export type { UsccDepartment, UsccCategory } from './departments.ts'
export { normalizeUscc } from './normalize.ts'
export type { UsccNormalization } from './normalize.ts'
export { validateUscc, parseUscc, isPilotUscc, USCC_PILOT_WHITELIST } from './validate.ts'
export type { UsccParts, UsccValidation } from './validate.ts'
