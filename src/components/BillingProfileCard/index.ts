import { BillingProfileCard, type BillingProfileCardProps } from './BillingProfileCard'

export { BillingProfileCard, type BillingProfileCardProps }
/**
 * @deprecated Renamed `BillingProfileCard`, so the component, its messages (`billingProfile`) and
 * its data (`BillingProfile`) share one name. This alias goes in 0.2.
 */
export const BillingAddressForm = BillingProfileCard
/** @deprecated Renamed `BillingProfileCardProps`; goes in 0.2. */
export type BillingAddressFormProps = BillingProfileCardProps
export { BillingProfileForm, type BillingProfileFormProps } from './BillingProfileForm'
export { BillingProfileView, type BillingProfileViewProps } from './BillingProfileView'
export {
  BILLING_FIELD_PATHS,
  FIELD_LIMITS,
  cleanText,
  emptyValues,
  isPlausibleEmail,
  validateBillingProfile,
  valuesFromProfile,
  type BillingFieldErrorCode,
  type BillingFieldErrors,
  type BillingFieldPath,
  type BillingProfileValues,
  type BillingValidationResult,
  type ValidateOptions,
} from './validation'
export {
  NO_POSTAL_CODE,
  POSTAL_CODE_RULES,
  REGION_REQUIRED,
  TAX_ID_RULES,
  TAX_ID_TYPES,
  defaultTaxIdType,
  postalKind,
  regionKind,
  type PostalCodeRule,
  type PostalKind,
  type RegionKind,
  type TaxIdRule,
  type TaxIdType,
} from './rules'
export { COUNTRY_CODES, countryOptions } from './countries'
