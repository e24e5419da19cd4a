export {
  BILLING_ROUTES,
  createBillingHandler,
  type BillingHandlerOptions,
  type BillingPermissions,
  type BillingService,
  type CallerPermissions,
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
  type DueWorkResult,
  type InsufficientFundsReason,
  type MailMessage,
  type Mailer,
  type RecordUsageOptions,
  type RunDueWorkOptions,
  type UsageBatchResult,
  type UsageEvent,
  type UsageEventResult,
  type UsageRejectionCode,
  type PlanChangeMethod,
  type SourceInvoiceReport,
  type SourcedAccountBillingService,
  type SubscriptionSource,
  type SubscriptionSourceScope,
} from './service/index'
export { createUsageHandler, SERVER_ROUTES, type UsageHandlerOptions } from './usage-handler'
export {
  BILLING_EVENT_TYPES,
  SIGNATURE_HEADER,
  signBillingWebhook,
  verifyBillingWebhook,
  WebhookSignatureError,
  type BillingEvent,
  type BillingEventData,
  type BillingEventType,
  type VerifyWebhookInput,
} from './webhooks'
export type { CardDetails, ChargeCard, ChargeOutcome, ChargeRequest, PaymentProvider } from './payments/provider'
export { createSimulatedPayments, type SimulatedPayments } from './payments/simulated'
export { createSqlStore, type BillingStore, type StoreReads, type StoreTx } from './store/repository'
export type { Migration, Row, SqlDialect, SqlDriver, SqlExecutor } from './store/driver'
export { MIGRATIONS } from './store/schema'
export type * from './store/records'
export { LOCALES, toBillingLocale, type BillingLocale } from '../i18n/locales'
