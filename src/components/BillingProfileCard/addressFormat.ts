/**
 * What the saved-address view needs to write an address and a tax ID: kept out of rules.ts so
 * the view ships without the postal-code and tax-ID patterns the form checks against.
 */

/** Where the postal code goes on the city line: "06600 Ciudad de México" or "Austin, TX 78701". */
export const POSTAL_CODE_AFTER_CITY: ReadonlySet<string> = new Set([
  'US',
  'CA',
  'AU',
  'GB',
  'IE',
  'NZ',
  'IN',
  'JP',
  'CN',
  'CO',
  'PE',
])

export const TAX_ID_TYPES = [
  'eu_vat',
  'es_cif',
  'mx_rfc',
  'br_cnpj',
  'br_cpf',
  'ar_cuit',
  'co_nit',
  'cl_tin',
  'pe_ruc',
  'us_ein',
  'gb_vat',
  'ca_bn',
  'other',
] as const
export type TaxIdType = (typeof TAX_ID_TYPES)[number]

export function isTaxIdType(type: string): type is TaxIdType {
  return (TAX_ID_TYPES as readonly string[]).includes(type)
}
