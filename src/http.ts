// The HTTP adapter for backends that implement openapi.yaml. Framework-free: no React here.
export {
  API_PREFIX,
  codeForStatus,
  createHttpAdapter,
  fetchCapabilities,
  IDEMPOTENCY_HEADER,
  newIdempotencyKey,
  STATUS_FOR_CODE,
  type CapabilitiesBody,
  type HttpAdapterOptions,
  type OptionalMethod,
  type WireErrorBody,
} from './adapter/http'
