export { createMemoryAdapter, type MemoryAdapterOptions, type MemoryBillingAdapter } from './adapter'
export { type FaultCode, type FaultPlan, type FaultRule, parseFaults } from './faults'
export { PLATFORM_SUBSCRIPTION_ID, SEED_CARDS } from './seed'
