export { checkElectricityValue, electricityJumpWarning, sumDecimals, ELECTRICITY_SCALE } from './readings.ts'
export type { ElectricityValueCheck, MonthValue, ElectricityJumpOptions } from './readings.ts'
export { normalizeAccountNumber, sameEnterpriseName } from './accounts.ts'
export type { AccountNumberResult } from './accounts.ts'
