import type { FieldErrors } from '../../adapter/errors'
import { interpolate, type BillingMessages } from '../../i18n'
import { POSTAL_CODE_RULES, TAX_ID_RULES, isTaxIdType, postalKind, regionKind } from './rules'
import { cleanText, FIELD_LIMITS, type BillingFieldErrorCode, type BillingFieldPath } from './validation'

/** A problem on one field: one of our codes, or a sentence the server wrote for the user. */
export type FieldProblem = BillingFieldErrorCode | { text: string }

const CODES: Readonly<Record<string, BillingFieldErrorCode>> = {
  required: 'required',
  missing: 'required',
  blank: 'required',
  empty: 'required',
  invalid: 'invalid',
  format: 'invalid',
  invalid_format: 'invalid',
  too_long: 'too_long',
  max_length: 'too_long',
}

/** Names backends commonly use for the same fields (snake_case, Stripe's, libaddressinput's). */
const FIELD_NAMES: Readonly<Record<string, BillingFieldPath>> = {
  name: 'name',
  fullname: 'name',
  company: 'company',
  companyname: 'company',
  organization: 'company',
  email: 'email',
  receiptemail: 'email',
  billingemail: 'email',
  country: 'address.country',
  countrycode: 'address.country',
  line1: 'address.line1',
  address1: 'address.line1',
  addressline1: 'address.line1',
  street: 'address.line1',
  address: 'address.line1',
  billingaddress: 'address.line1',
  line2: 'address.line2',
  address2: 'address.line2',
  addressline2: 'address.line2',
  city: 'address.city',
  locality: 'address.city',
  region: 'address.region',
  state: 'address.region',
  province: 'address.region',
  county: 'address.region',
  postalcode: 'address.postalCode',
  postcode: 'address.postalCode',
  zip: 'address.postalCode',
  zipcode: 'address.postalCode',
  taxid: 'taxId.value',
  taxidvalue: 'taxId.value',
  taxidtype: 'taxId.type',
  vat: 'taxId.value',
  vatnumber: 'taxId.value',
}

/** "address.postal_code", "billingAddress[zip]", "taxId.type" → our field path, or null. */
export function fieldForServerPath(path: string): BillingFieldPath | null {
  const segments = path
    .toLowerCase()
    .split(/[.[\]/]+/)
    .map((segment) => segment.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
  const last = segments.at(-1)
  if (!last) return null
  const parent = segments.at(-2)
  if (parent === 'taxid' || parent === 'tax') {
    if (last === 'type') return 'taxId.type'
    if (last === 'value' || last === 'number') return 'taxId.value'
  }
  return Object.hasOwn(FIELD_NAMES, last) ? FIELD_NAMES[last] : null
}

/** A server's code becomes ours; free text is kept (cleaned and capped) to be shown as written. */
export function problemFromServer(raw: unknown): FieldProblem {
  const text = cleanText(raw)
  const code = text.toLowerCase()
  if (Object.hasOwn(CODES, code)) return CODES[code]
  return text === '' ? 'invalid' : { text: text.length > 300 ? `${text.slice(0, 299)}…` : text }
}

export interface PlacedServerErrors {
  fields: Partial<Record<BillingFieldPath, FieldProblem>>
  /** Problems that name no field of this form, shown in the form-level message. */
  unplaced: string[]
}

export function placeServerErrors(fieldErrors: FieldErrors | undefined): PlacedServerErrors {
  const placed: PlacedServerErrors = { fields: {}, unplaced: [] }
  for (const [path, raw] of Object.entries(fieldErrors ?? {})) {
    const field = fieldForServerPath(path)
    const problem = problemFromServer(raw)
    if (field && !placed.fields[field]) placed.fields[field] = problem
    else if (typeof problem === 'object' && !placed.unplaced.includes(problem.text)) placed.unplaced.push(problem.text)
  }
  return placed
}

type Messages = BillingMessages['billingProfile']

/** The sentence shown under a field, in the user's language, for what is wrong with it. */
export function fieldMessage(
  path: BillingFieldPath,
  problem: FieldProblem,
  context: { country: string; taxType: string },
  m: Messages,
): string {
  if (typeof problem === 'object') return problem.text
  const e = m.errors
  if (problem === 'too_long') {
    const max = (FIELD_LIMITS as Partial<Record<BillingFieldPath, number>>)[path]
    return max ? interpolate(e.tooLong, { max }) : e.invalid
  }
  const required = problem === 'required'
  switch (path) {
    case 'name':
      return required ? e.nameRequired : e.nameInvalid
    case 'email':
      return required ? e.emailRequired : e.emailInvalid
    case 'address.country':
      return required ? e.countryRequired : e.countryInvalid
    case 'address.line1':
      return required ? e.line1Required : e.line1Invalid
    case 'address.city':
      return required ? e.cityRequired : e.cityInvalid
    case 'address.region':
      return required ? e.regionRequired[regionKind(context.country)] : e.invalid
    case 'address.postalCode': {
      const kind = postalKind(context.country)
      if (required) return e.postalRequired[kind]
      const rule = POSTAL_CODE_RULES[context.country]
      return rule ? interpolate(e.postalInvalid[kind], { example: rule.example }) : e.postalInvalidNoExample
    }
    case 'taxId.type':
      return e.taxTypeInvalid
    case 'taxId.value': {
      if (required) return e.required
      const type = context.taxType
      if (isTaxIdType(type) && type !== 'other') {
        return interpolate(e.taxValueInvalid, { type: m.form.taxTypes[type], example: TAX_ID_RULES[type].example })
      }
      return e.taxValueInvalidOther
    }
    default:
      return required ? e.required : e.invalid
  }
}
