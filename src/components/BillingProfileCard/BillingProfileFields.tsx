'use client'
import { useId, useMemo, type ChangeEvent, type ReactNode } from 'react'
import { useBillingI18n } from '../../i18n'
import { Field, NativeSelect, TextInput, type TextInputProps } from '../../ui'
import { countryOptions } from './countries'
import { fieldMessage } from './fieldErrors'
import type { BillingProfileMessages } from './formMessages'
import {
  defaultTaxIdType,
  isTaxIdType,
  POSTAL_CODE_RULES,
  postalKind,
  REGION_REQUIRED,
  regionKind,
  TAX_ID_RULES,
  TAX_ID_TYPES,
} from './rules'
import { valueAt, type BillingFormState } from './useBillingFormState'
import type { BillingFieldPath } from './validation'

const NUMERIC_EXAMPLE = /^[\d\s-]+$/

/** What browsers and password managers fill each field from. */
const AUTOCOMPLETE: Partial<Record<BillingFieldPath, string>> = {
  name: 'billing name',
  company: 'billing organization',
  email: 'billing email',
  'address.line1': 'billing address-line1',
  'address.line2': 'billing address-line2',
  'address.city': 'billing address-level2',
  'address.region': 'billing address-level1',
  'address.postalCode': 'billing postal-code',
}

/** What the field groups wire their controls with: ids, errors, values, and changes (none while saving). */
export function useFieldBinding(form: BillingFormState, pending: boolean, m: BillingProfileMessages) {
  const idBase = `bp-billing${useId().replace(/[^\w-]/g, '')}`
  const { values } = form
  const country = values.address.country
  const taxType = values.taxId.type || defaultTaxIdType(country)

  const change = (path: BillingFieldPath, value: string) => {
    if (!pending) form.change(path, value)
  }

  /** The Field's id, and the sentence for its problem once it should show. */
  const field = (path: BillingFieldPath) => {
    const problem = form.problem(path)
    return {
      id: `${idBase}-${path.replace('.', '-')}`,
      error: problem && form.shown(path) ? fieldMessage(path, problem, { country, taxType }, m) : undefined,
    }
  }

  const text = (path: BillingFieldPath) => ({
    ref: form.register(path),
    name: path,
    value: valueAt(values, path),
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(path, event.target.value),
    onBlur: () => form.blur(path),
    readOnly: pending,
  })

  return {
    m,
    idBase,
    country,
    taxType,
    register: form.register,
    change,
    blur: form.blur,
    shown: form.shown,
    field,
    text,
  }
}

type FieldBinding = ReturnType<typeof useFieldBinding>

interface TextFieldProps extends Omit<TextInputProps, 'ref' | 'name' | 'value'> {
  bind: FieldBinding
  path: BillingFieldPath
  label: string
  description?: ReactNode
  required?: boolean
  span: 'full' | 'half' | 'third' | 'two-thirds'
}

function TextField({ bind, path, label, description, required, span, ...input }: TextFieldProps) {
  return (
    <Field {...bind.field(path)} label={label} description={description} required={required} data-span={span}>
      <TextInput {...bind.text(path)} autoComplete={AUTOCOMPLETE[path]} {...input} />
    </Field>
  )
}

export function ContactFields({ bind }: { bind: FieldBinding }) {
  const { form } = bind.m
  return (
    <fieldset className="bp-billing-fieldset">
      <legend className="bp-billing-legend">{form.contact}</legend>
      <div className="bp-billing-grid">
        <TextField bind={bind} path="name" label={form.name} required span="half" />
        <TextField bind={bind} path="company" label={form.company} span="half" />
        <TextField
          bind={bind}
          path="email"
          label={form.email}
          description={form.emailDescription}
          required
          span="full"
          type="email"
          spellCheck={false}
        />
      </div>
    </fieldset>
  )
}

export function AddressFields({ bind }: { bind: FieldBinding }) {
  const { intlLocale, countryName } = useBillingI18n()
  const countries = useMemo(() => countryOptions(intlLocale, countryName), [intlLocale, countryName])
  const { m, country } = bind
  const hasPostalCode = bind.shown('address.postalCode')
  const postalRule = POSTAL_CODE_RULES[country]
  return (
    <fieldset className="bp-billing-fieldset">
      <legend className="bp-billing-legend">{m.form.address}</legend>
      <div className="bp-billing-grid" data-postal-code={hasPostalCode ? undefined : 'none'}>
        <Field {...bind.field('address.country')} label={m.form.country} required data-span="full">
          <NativeSelect
            ref={bind.register('address.country')}
            options={countries}
            value={country}
            onChange={(event) => bind.change('address.country', event.target.value)}
            onBlur={() => bind.blur('address.country')}
            autoComplete="billing country"
          />
        </Field>
        <TextField
          bind={bind}
          path="address.line1"
          label={m.form.line1}
          required
          span="full"
          placeholder={m.form.line1Placeholder}
        />
        <TextField
          bind={bind}
          path="address.line2"
          label={m.form.line2}
          span="full"
          placeholder={m.form.line2Placeholder}
        />
        <TextField bind={bind} path="address.city" label={m.form.city} required span="third" />
        <TextField
          bind={bind}
          path="address.region"
          label={m.form.region[regionKind(country)]}
          required={REGION_REQUIRED.has(country)}
          span="third"
        />
        {hasPostalCode && (
          <TextField
            bind={bind}
            path="address.postalCode"
            label={m.form.postalCode[postalKind(country)]}
            required={Boolean(postalRule && !postalRule.optional)}
            span="third"
            placeholder={postalRule?.example}
            inputMode={postalRule && NUMERIC_EXAMPLE.test(postalRule.example) ? 'numeric' : undefined}
            spellCheck={false}
          />
        )}
      </div>
    </fieldset>
  )
}

export function TaxFields({ bind }: { bind: FieldBinding }) {
  const { m, taxType, idBase } = bind
  const taxRule = isTaxIdType(taxType) && taxType !== 'other' ? TAX_ID_RULES[taxType] : null
  const taxTypes = useMemo(() => {
    const known = TAX_ID_TYPES.map((type) => ({ value: type, label: m.form.taxTypes[type] }))
    // A type saved elsewhere that we have no name for stays choosable, so saving keeps it.
    return isTaxIdType(taxType)
      ? known
      : [...known, { value: taxType, label: taxType.toUpperCase().replace(/_/g, ' ') }]
  }, [m, taxType])
  const descriptionId = `${idBase}-tax-description`
  return (
    <fieldset className="bp-billing-fieldset" aria-describedby={descriptionId}>
      <legend className="bp-billing-legend">{m.form.tax}</legend>
      <p id={descriptionId} className="bp-billing-fieldset-description">
        {m.form.taxDescription}
      </p>
      <div className="bp-billing-grid">
        <Field {...bind.field('taxId.type')} label={m.form.taxType} data-span="third">
          <NativeSelect
            ref={bind.register('taxId.type')}
            options={taxTypes}
            value={taxType}
            onChange={(event) => bind.change('taxId.type', event.target.value)}
          />
        </Field>
        <TextField
          bind={bind}
          path="taxId.value"
          label={m.form.taxValue}
          span="two-thirds"
          placeholder={taxRule?.example}
          spellCheck={false}
          autoCapitalize="characters"
        />
      </div>
    </fieldset>
  )
}
