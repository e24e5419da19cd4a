import { toBillingError } from './errors'
import { METHODS, type MethodRegistry } from './methods'
import type { BillingAdapter } from './types'

const GUARDED = Symbol.for('react-billing-panel.guarded')

/**
 * Wraps a host adapter so every result is checked at the boundary and every failure is a
 * BillingError. Capabilities stay as the host defined them: a missing method stays missing.
 */
export function guardAdapter(adapter: BillingAdapter): BillingAdapter {
  return guardWith(METHODS, adapter)
}

/** `guardAdapter` over any registry: each method in it is cleaned with its entry's `clean`. */
export function guardWith<A extends object = BillingAdapter>(methods: MethodRegistry, adapter: A): A {
  if ((adapter as { [GUARDED]?: boolean })[GUARDED]) return adapter
  // Not enumerable, so `{ ...guarded, getWallet: own }` is a new adapter and is checked again.
  const guarded: Record<string, unknown> = Object.defineProperty({}, GUARDED, { value: true })
  for (const [name, spec] of Object.entries(methods)) {
    const method = (adapter as Record<string, unknown>)[name]
    if (typeof method !== 'function') continue
    guarded[name] = async (...args: unknown[]) => {
      spec.clean.prepare?.()
      let result: unknown
      try {
        result = await method.apply(adapter, args)
      } catch (error) {
        throw toBillingError(error)
      }
      return spec.clean(result)
    }
  }
  return guarded as A
}
