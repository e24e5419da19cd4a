export {
  BILLING_ROUTES,
  createBillingHandler,
  type BillingHandlerOptions,
  type BillingPermissions,
  type BillingService,
  type ResolvedCaller,
  type ServiceContext,
} from './handler'
export { toNodeListener, type NodeListenerOptions, type NodeRequestLike, type NodeResponseLike } from './node'
export { MAX_LEDGER_LIMIT } from './validate'
export { API_PREFIX, IDEMPOTENCY_HEADER, STATUS_FOR_CODE } from '../adapter/http/wire'
export type { CapabilitiesBody, OptionalMethod, WireErrorBody } from '../adapter/http/wire'
export {
  createBillingService,
  type AccountBillingService,
  type BillingServiceInstance,
  type BillingServiceOptions,
  type CreateAccountInput,
  type LedgerVerification,
  type UsageInput,
  type UsageResult,
} from './service/index'
export type { CardDetails, ChargeCard, ChargeOutcome, ChargeRequest, PaymentProvider } from './payments/provider'
export { createSimulatedPayments, type SimulatedPayments } from './payments/simulated'
export { createSqlStore, type BillingStore, type StoreReads, type StoreTx } from './store/repository'
export type { Migration, Row, SqlDialect, SqlDriver, SqlExecutor } from './store/driver'
export { MIGRATIONS } from './store/schema'
export type * from './store/records'
