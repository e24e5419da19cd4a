export { BillingAddressForm, type BillingAddressFormProps } from './BillingAddressForm'
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
