import { useRef, useState, type FormEvent } from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { BillingProfile } from '../../adapter/types'
import { useUpdateBillingProfile } from '../../data'
import { useAnnounce } from '../../ui'
import { placeServerErrors, type FieldProblem } from './fieldErrors'
import type { BillingFormState } from './useBillingFormState'
import type { BillingFieldPath } from './validation'

export interface SubmitFailure {
  error: BillingError
  /** Server messages that name no field shown here. */
  unplaced: string[]
}

/**
 * Saving the form: every client error shows on submit and focus goes to the first; a save runs
 * once at a time; the server's field errors land on their fields (or in the form's message when
 * the field is not on screen), and what was typed stays for another try.
 */
export function useBillingProfileSubmit(
  form: BillingFormState,
  savedMessage: string,
  onSaved?: (profile: BillingProfile) => void,
) {
  const announce = useAnnounce()
  const update = useUpdateBillingProfile()
  const [failure, setFailure] = useState<SubmitFailure | null>(null)
  const inFlight = useRef(false)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    form.markSubmitted()
    setFailure(null)
    const result = form.validation
    if (!result.ok) {
      form.focusFirst(Object.keys(result.fieldErrors))
      return
    }
    inFlight.current = true
    try {
      const saved = await update.mutateAsync(result.profile)
      announce(savedMessage)
      onSaved?.(saved ?? result.profile)
    } catch (thrown) {
      const error = toBillingError(thrown)
      const placed = placeServerErrors(error.fieldErrors)
      const fields: Partial<Record<BillingFieldPath, FieldProblem>> = {}
      const unplaced = [...placed.unplaced]
      for (const [path, problem] of Object.entries(placed.fields) as [BillingFieldPath, FieldProblem][]) {
        if (form.shown(path)) fields[path] = problem
        else if (typeof problem === 'object') unplaced.push(problem.text)
      }
      form.setServerErrors(fields)
      setFailure({ error, unplaced })
      form.focusFirst(Object.keys(fields))
    } finally {
      inFlight.current = false
    }
  }

  return { submit, failure, pending: update.isPending }
}
