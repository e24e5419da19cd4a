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
