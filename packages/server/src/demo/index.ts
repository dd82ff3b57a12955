// The demo-province generator: `gongxin demo` and the first `npm start` build a synthetic province on the
// real divisions of a chosen province, deterministically from a seed.
export {
  generateDemo,
  runDemoSteps,
  resolveDemoOptions,
  checkStepOrder,
  demoProvinces,
  countEnterprises,
  DemoOptionsError,
  DemoRefusedError,
  DEFAULT_DEMO_OPTIONS,
  MAX_DEMO_ENTERPRISES,
} from './runner.ts'
export type { GenerateDemoOptions, DemoResult, DemoStepReport, DemoProgressListener } from './runner.ts'
export { demoSteps } from './registry.ts'
export { demoLogins, readDemoLogins, loginsOf, DEMO_PASSWORD } from './logins.ts'
export type { DemoLogin } from './logins.ts'
export { createRng, rngFor, sampler, apportion, zipfWeights } from './rng.ts'
export type { Rng, Sampler } from './rng.ts'
export { need } from './types.ts'
export type {
  DemoOptions,
  DemoContext,
  DemoStep,
  DemoStepSummary,
  DemoState,
  DemoProgressEvent,
  DemoGeography,
  DemoCity,
  DemoCounty,
  DemoIndustryCatalog,
  DemoPark,
  DemoEnterprise,
  DemoUser,
} from './types.ts'
