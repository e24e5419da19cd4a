// The HTTP adapter for backends that implement openapi.yaml. Framework-free: no React here.
export * from './adapter/http'
