'use client'
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type ComponentPropsWithoutRef,
  type FormEvent,
} from 'react'
import { toBillingError, type BillingError } from '../../adapter/errors'
import type { BillingProfile } from '../../adapter/types'
import { useUpdateBillingProfile } from '../../data'
import { useBillingI18n } from '../../i18n'
import {
  Button,
  ConfirmDialog,
  cx,
  dataFlag,
  Field,
  NativeSelect,
  Notice,
  Switch,
  TextInput,
  useAnnounce,
  useErrorMessage,
} from '../../ui'
import { countryFromLocale, countryOptions } from './countries'
import { fieldMessage, placeServerErrors, type FieldProblem } from './fieldErrors'
import {
  defaultTaxIdType,
  isTaxIdType,
  NO_POSTAL_CODE,
  POSTAL_CODE_RULES,
  postalKind,
  REGION_REQUIRED,
  regionKind,
  TAX_ID_RULES,
  TAX_ID_TYPES,
} from './rules'
import { useBillingFormState, valueAt } from './useBillingFormState'
import { BILLING_FIELD_PATHS, valuesFromProfile, type BillingFieldPath } from './validation'
import { billingAddressText } from './messages'

export interface BillingProfileFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'children'> {
  /** What the form starts from; `null` starts empty, with the country of the user's locale. */
  profile: BillingProfile | null
  /** After the adapter saved it, with the profile as stored. */
  onSaved?: (profile: BillingProfile) => void
  /** Shows "Cancel"; with unsaved changes the user confirms first. */
  onCancel?: () => void
  /** Focus the first field on mount (when the user just asked to edit). */
  autoFocus?: boolean
}

interface Failure {
  error: BillingError
  /** Server messages that name no field shown here. */
  unplaced: string[]
}

const NUMERIC_EXAMPLE = /^[\d\s-]+$/

/**
 * The billing information form. Validates by country as the user goes, saves through the data
 * layer, puts server field errors on their fields, and never drops what was typed on failure.
 */
export function BillingProfileForm({
  profile,
  onSaved,
  onCancel,
  autoFocus = false,
  className,
  ...props
}: BillingProfileFormProps) {
  const billingI18n = useBillingI18n()
  const { messages, intlLocale, countryName } = billingI18n
  const m = billingAddressText(billingI18n)
  const errorMessage = useErrorMessage()
  const announce = useAnnounce()
  const update = useUpdateBillingProfile()
  const [initial] = useState(() => valuesFromProfile(profile, countryFromLocale(intlLocale)))
  const form = useBillingFormState(initial, intlLocale)
  const { values } = form
  const [failure, setFailure] = useState<Failure | null>(null)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const inFlight = useRef(false)
  const discarding = useRef(false)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const controls = useRef(new Map<BillingFieldPath, HTMLElement>())
  const refCallbacks = useRef(new Map<BillingFieldPath, (element: HTMLElement | null) => void>())
  const idBase = `bp-billing${useId().replace(/[^\w-]/g, '')}`
  const pending = update.isPending

  const country = values.address.country
  const hasPostalCode = !NO_POSTAL_CODE.has(country)
  const postalRule = POSTAL_CODE_RULES[country]
  const taxType = values.taxId.type || defaultTaxIdType(country)
  const taxRule = isTaxIdType(taxType) && taxType !== 'other' ? TAX_ID_RULES[taxType] : null
  const countries = useMemo(() => countryOptions(intlLocale, countryName), [intlLocale, countryName])
  const taxTypes = useMemo(() => {
    const known = TAX_ID_TYPES.map((type) => ({ value: type, label: m.form.taxTypes[type] }))
    // A type saved elsewhere that we have no name for stays choosable, so saving keeps it.
    return isTaxIdType(taxType)
      ? known
      : [...known, { value: taxType, label: taxType.toUpperCase().replace(/_/g, ' ') }]
  }, [m, taxType])

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form first appears
  useEffect(() => {
    if (autoFocus) controls.current.get('name')?.focus()
  }, [])

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

  const shown = (path: BillingFieldPath) => path !== 'address.postalCode' || hasPostalCode

  const focusFirst = (paths: readonly string[]) => {
    const wanted = new Set(paths)
    const first = BILLING_FIELD_PATHS.find((path) => wanted.has(path) && shown(path) && controls.current.has(path))
    if (first) controls.current.get(first)?.focus()
  }

  const errorFor = (path: BillingFieldPath) => {
    const problem = form.problem(path)
    return problem && shown(path) ? fieldMessage(path, problem, { country, taxType }, m) : undefined
  }

  const change = (path: BillingFieldPath, value: string) => {
    if (!pending) form.change(path, value)
  }

  const text = (path: BillingFieldPath) => ({
    ref: register(path),
    name: path,
    value: valueAt(values, path),
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(path, event.target.value),
    onBlur: () => form.blur(path),
    readOnly: pending,
  })

  const fieldId = (path: BillingFieldPath) => `${idBase}-${path.replace('.', '-')}`

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    form.markSubmitted()
    setFailure(null)
    const result = form.validation
    if (!result.ok) {
      focusFirst(Object.keys(result.fieldErrors))
      return
    }
    inFlight.current = true
    try {
      const saved = await update.mutateAsync(result.profile)
      announce(m.form.saved)
      onSaved?.(saved ?? result.profile)
    } catch (thrown) {
      const error = toBillingError(thrown)
      const placed = placeServerErrors(error.fieldErrors)
      const fields: Partial<Record<BillingFieldPath, FieldProblem>> = {}
      const unplaced = [...placed.unplaced]
      for (const [path, problem] of Object.entries(placed.fields) as [BillingFieldPath, FieldProblem][]) {
        if (shown(path)) fields[path] = problem
        else if (typeof problem === 'object') unplaced.push(problem.text)
      }
      form.setServerErrors(fields)
      setFailure({ error, unplaced })
      focusFirst(Object.keys(fields))
    } finally {
      inFlight.current = false
    }
  }

  const cancel = () => {
    if (!form.dirty) {
      onCancel?.()
      return
    }
    discarding.current = false
    setConfirmOpen(true)
  }

  const regionLabel = m.form.region[regionKind(country)]
  const postalLabel = m.form.postalCode[postalKind(country)]

  return (
    <>
      <form
        {...props}
        noValidate
        aria-label={m.editLabel}
        data-slot="billing-profile-form"
        data-pending={dataFlag(pending)}
        data-dirty={dataFlag(form.dirty)}
        className={cx('bp-form', 'bp-billing-form', className)}
        onSubmit={submit}
      >
        <p className="bp-billing-required-note">{m.form.requiredNote}</p>

        <fieldset className="bp-billing-fieldset">
          <legend className="bp-billing-legend">{m.form.contact}</legend>
          <div className="bp-billing-grid">
            <Field id={fieldId('name')} label={m.form.name} required error={errorFor('name')} data-span="half">
              <TextInput {...text('name')} autoComplete="billing name" />
            </Field>
            <Field id={fieldId('company')} label={m.form.company} error={errorFor('company')} data-span="half">
              <TextInput {...text('company')} autoComplete="billing organization" />
            </Field>
            <Field
              id={fieldId('email')}
              label={m.form.email}
              description={m.form.emailDescription}
              required
              error={errorFor('email')}
              data-span="full"
            >
              <TextInput {...text('email')} type="email" autoComplete="billing email" spellCheck={false} />
            </Field>
          </div>
        </fieldset>

        <fieldset className="bp-billing-fieldset">
          <legend className="bp-billing-legend">{m.form.address}</legend>
          <div className="bp-billing-grid" data-postal-code={hasPostalCode ? undefined : 'none'}>
            <Field
              id={fieldId('address.country')}
              label={m.form.country}
              required
              error={errorFor('address.country')}
              data-span="full"
            >
              <NativeSelect
                ref={register('address.country')}
                options={countries}
                value={country}
                onChange={(event) => change('address.country', event.target.value)}
                onBlur={() => form.blur('address.country')}
                autoComplete="billing country"
              />
            </Field>
            <Field
              id={fieldId('address.line1')}
              label={m.form.line1}
              required
              error={errorFor('address.line1')}
              data-span="full"
            >
              <TextInput
                {...text('address.line1')}
                placeholder={m.form.line1Placeholder}
                autoComplete="billing address-line1"
              />
            </Field>
            <Field
              id={fieldId('address.line2')}
              label={m.form.line2}
              error={errorFor('address.line2')}
              data-span="full"
            >
              <TextInput
                {...text('address.line2')}
                placeholder={m.form.line2Placeholder}
                autoComplete="billing address-line2"
              />
            </Field>
            <Field
              id={fieldId('address.city')}
              label={m.form.city}
              required
              error={errorFor('address.city')}
              data-span="third"
            >
              <TextInput {...text('address.city')} autoComplete="billing address-level2" />
            </Field>
            <Field
              id={fieldId('address.region')}
              label={regionLabel}
              required={REGION_REQUIRED.has(country)}
              error={errorFor('address.region')}
              data-span="third"
            >
              <TextInput {...text('address.region')} autoComplete="billing address-level1" />
            </Field>
            {hasPostalCode && (
              <Field
                id={fieldId('address.postalCode')}
                label={postalLabel}
                required={Boolean(postalRule && !postalRule.optional)}
                error={errorFor('address.postalCode')}
                data-span="third"
              >
                <TextInput
                  {...text('address.postalCode')}
                  autoComplete="billing postal-code"
                  placeholder={postalRule?.example}
                  inputMode={postalRule && NUMERIC_EXAMPLE.test(postalRule.example) ? 'numeric' : undefined}
                  spellCheck={false}
                />
              </Field>
            )}
          </div>
        </fieldset>

        <fieldset className="bp-billing-fieldset" aria-describedby={`${idBase}-tax-description`}>
          <legend className="bp-billing-legend">{m.form.tax}</legend>
          <p id={`${idBase}-tax-description`} className="bp-billing-fieldset-description">
            {m.form.taxDescription}
          </p>
          <div className="bp-billing-grid">
            <Field id={fieldId('taxId.type')} label={m.form.taxType} error={errorFor('taxId.type')} data-span="third">
              <NativeSelect
                ref={register('taxId.type')}
                options={taxTypes}
                value={taxType}
                onChange={(event) => change('taxId.type', event.target.value)}
              />
            </Field>
            <Field
              id={fieldId('taxId.value')}
              label={m.form.taxValue}
              error={errorFor('taxId.value')}
              data-span="two-thirds"
            >
              <TextInput
                {...text('taxId.value')}
                placeholder={taxRule?.example}
                spellCheck={false}
                autoCapitalize="characters"
              />
            </Field>
          </div>
        </fieldset>

        <hr className="bp-divider" />

        <Switch
          label={m.form.walletReceipts}
          description={m.form.walletReceiptsDescription}
          checked={values.walletReceipts}
          onCheckedChange={(checked) => {
            if (!pending) form.setWalletReceipts(checked)
          }}
          data-slot="billing-wallet-receipts"
        />

        {failure && (
          <Notice tone="danger" data-slot="billing-profile-error">
            {errorMessage(failure.error)}
            {failure.unplaced.length > 0 && (
              <ul className="bp-billing-error-list">
                {failure.unplaced.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </Notice>
        )}

        <div className="bp-form-actions">
          {onCancel && (
            <Button
              ref={cancelButton}
              variant="ghost"
              onClick={cancel}
              disabled={pending}
              data-slot="billing-profile-cancel"
            >
              {messages.ui.cancel}
            </Button>
          )}
          <Button
            type="submit"
            variant="primary"
            pending={pending}
            pendingLabel={m.form.saving}
            data-slot="billing-profile-save"
          >
            {m.form.save}
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={m.discard.title}
        description={m.discard.description}
        confirmLabel={m.discard.confirm}
        cancelLabel={m.discard.keepEditing}
        destructive
        onConfirm={() => {
          discarding.current = true
          onCancel?.()
        }}
        onCloseAutoFocus={(event) => {
          // Radix returns focus to a Trigger, and this dialog has none. After a discard the form
          // goes away, and whoever shows the view next decides where focus lands.
          event.preventDefault()
          if (!discarding.current) cancelButton.current?.focus()
        }}
        data-slot="billing-discard-dialog"
      />
    </>
  )
}
