import { useMemo, useRef, useState } from 'react'
import type { FieldProblem } from './fieldErrors'
import { NO_POSTAL_CODE } from './rules'
import {
  BILLING_FIELD_PATHS,
  validateBillingProfile,
  type BillingFieldPath,
  type BillingProfileValues,
} from './validation'

export function valueAt(values: BillingProfileValues, path: BillingFieldPath): string {
  const [group, key] = path.split('.') as [string, string | undefined]
  if (group === 'address') return values.address[key as keyof BillingProfileValues['address']]
  if (group === 'taxId') return values.taxId[key as keyof BillingProfileValues['taxId']]
  return values[group as 'name' | 'company' | 'email']
}

function withValue(values: BillingProfileValues, path: BillingFieldPath, value: string): BillingProfileValues {
  const [group, key] = path.split('.') as [string, string | undefined]
  if (group === 'address' && key) return { ...values, address: { ...values.address, [key]: value } }
  if (group === 'taxId' && key) return { ...values, taxId: { ...values.taxId, [key]: value } }
  return { ...values, [group]: value }
}

function sameValues(a: BillingProfileValues, b: BillingProfileValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Server errors about where the address is go stale once the country changes. */
const DEPENDS_ON_COUNTRY: readonly BillingFieldPath[] = ['address.region', 'address.postalCode', 'taxId.value']

/**
 * The form's state in one small hook: values, what was touched, unsaved changes, and which
 * problem each field shows. Errors appear when a changed field is left or after a submit, and
 * disappear as soon as the value is fixed; a server error stays until its field is edited.
 * Controls `register` their field, so a submit can focus the first one with a problem.
 */
export function useBillingFormState(initial: BillingProfileValues, locale: string) {
  const [baseline] = useState(initial)
  const [values, setValues] = useState(initial)
  const [touched, setTouched] = useState<ReadonlySet<BillingFieldPath>>(() => new Set())
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<Partial<Record<BillingFieldPath, FieldProblem>>>({})
  const controls = useRef(new Map<BillingFieldPath, HTMLElement>())
  const refCallbacks = useRef(new Map<BillingFieldPath, (element: HTMLElement | null) => void>())

  const validation = useMemo(() => validateBillingProfile(values, { locale }), [values, locale])
  const dirty = useMemo(() => !sameValues(values, baseline), [values, baseline])

  const change = (path: BillingFieldPath, value: string) => {
    setValues((current) => withValue(current, path, value))
    setServer((current) => {
      const stale = path === 'address.country' ? [path, ...DEPENDS_ON_COUNTRY] : [path]
      if (!stale.some((p) => p in current)) return current
      const next = { ...current }
      for (const p of stale) delete next[p]
      return next
    })
  }

  const setWalletReceipts = (walletReceipts: boolean) => setValues((current) => ({ ...current, walletReceipts }))

  const blur = (path: BillingFieldPath) => {
    if (valueAt(values, path) === valueAt(baseline, path) || touched.has(path)) return
    setTouched((current) => new Set(current).add(path))
  }

  const register = (path: BillingFieldPath) => {
    let callback = refCallbacks.current.get(path)
    if (!callback) {
      callback = (element) => {
        if (element) controls.current.set(path, element)
        else controls.current.delete(path)
      }
      refCallbacks.current.set(path, callback)
    }
    return callback
  }

  /** Focuses the first of `paths`, in the form's order, that has a control on screen. */
  const focusFirst = (paths: readonly string[]) => {
    const wanted = new Set(paths)
    const first = BILLING_FIELD_PATHS.find((path) => wanted.has(path) && controls.current.has(path))
    if (first) controls.current.get(first)?.focus()
  }

  /** Whether the chosen country's form has the field (some countries have no postal code). */
  const shown = (path: BillingFieldPath) => path !== 'address.postalCode' || !NO_POSTAL_CODE.has(values.address.country)

  const problem = (path: BillingFieldPath): FieldProblem | undefined => {
    const fromServer = server[path]
    if (fromServer) return fromServer
    if (validation.ok || !(submitted || touched.has(path))) return undefined
    return validation.fieldErrors[path]
  }

  return {
    values,
    dirty,
    validation,
    change,
    setWalletReceipts,
    blur,
    shown,
    problem,
    register,
    focusFirst,
    /** Shows every client error from now on (called on each submit attempt). */
    markSubmitted: () => setSubmitted(true),
    setServerErrors: setServer,
  }
}

export type BillingFormState = ReturnType<typeof useBillingFormState>
