/**
 * Per-country address rules: which countries need a region, which have no postal codes, and
 * the postal-code and tax-ID formats we can check before the server does. Data only, so a host
 * or a test can read it; validation.ts applies it.
 */
import type { TaxIdType } from './addressFormat'

// The saved-address view needs only these; they live apart so it ships without the rules.
export { isTaxIdType, POSTAL_CODE_AFTER_CITY, TAX_ID_TYPES, type TaxIdType } from './addressFormat'

export interface PostalCodeRule {
  /** Tested against the compact code: upper case, no spaces or hyphens ("K1A0B1"). */
  pattern: RegExp
  /** A plausible code in its usual spelling: the placeholder and the hint in the error. */
  example: string
  /** Printed in addresses but widely left out, so an empty one is accepted. */
  optional?: boolean
  /** Puts the usual spacing back, so "k1a0b1" is saved as "K1A 0B1". */
  format?: (compact: string) => string
}

const spaceBefore = (last: number) => (code: string) => `${code.slice(0, -last)} ${code.slice(-last)}`
const hyphenAfter = (first: number) => (code: string) => `${code.slice(0, first)}-${code.slice(first)}`
const digits = (count: number, example: string, extra: Partial<PostalCodeRule> = {}): PostalCodeRule => ({
  pattern: new RegExp(`^\\d{${count}}$`),
  example,
  ...extra,
})

export const POSTAL_CODE_RULES: Readonly<Record<string, PostalCodeRule>> = {
  US: {
    pattern: /^\d{5}(\d{4})?$/,
    example: '94103',
    format: (code) => (code.length === 9 ? hyphenAfter(5)(code) : code),
  },
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/,
    example: 'K1A 0B1',
    format: spaceBefore(3),
  },
  MX: digits(5, '06600'),
  ES: { pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28013' },
  GB: { pattern: /^([A-Z]{1,2}\d[A-Z\d]?|GIR)\d[A-Z]{2}$/, example: 'SW1A 1AA', format: spaceBefore(3) },
  BR: digits(8, '01310-100', { format: hyphenAfter(5) }),
  // CPA ("C1425DKF") or the older four digits, both still in use.
  AR: { pattern: /^([A-HJ-NP-Z]\d{4}[A-Z]{3}|\d{4})$/, example: 'C1425DKF' },
  CO: digits(6, '110111', { optional: true }),
  CL: digits(7, '8320000', { optional: true }),
  PE: digits(5, '15074', { optional: true }),
  DE: digits(5, '10115'),
  FR: digits(5, '75008'),
  IT: digits(5, '00184'),
  PT: digits(7, '1100-148', { format: hyphenAfter(4) }),
  NL: { pattern: /^[1-9]\d{3}[A-Z]{2}$/, example: '1012 JS', format: spaceBefore(2) },
  BE: { pattern: /^[1-9]\d{3}$/, example: '1000' },
  CH: { pattern: /^[1-9]\d{3}$/, example: '8001' },
  AT: { pattern: /^[1-9]\d{3}$/, example: '1010' },
  DK: digits(4, '1050'),
  NO: digits(4, '0150'),
  SE: digits(5, '111 22', { format: spaceBefore(2) }),
  FI: digits(5, '00100'),
  PL: digits(5, '00-950', { format: hyphenAfter(2) }),
  IE: {
    pattern: /^([AC-FHKNPRTV-Y]\d{2}|D6W)[0-9AC-FHKNPRTV-Y]{4}$/,
    example: 'D02 X285',
    optional: true,
    format: spaceBefore(4),
  },
  AU: digits(4, '2000'),
  NZ: digits(4, '6011'),
  IN: { pattern: /^[1-9]\d{5}$/, example: '110001' },
  JP: digits(7, '100-0001', { format: hyphenAfter(3) }),
  CN: digits(6, '100000'),
  EC: digits(6, '170150'),
  UY: digits(5, '11000'),
  CR: digits(5, '10101'),
  GT: digits(5, '01001'),
  DO: digits(5, '10101'),
  SV: digits(4, '1101', { optional: true }),
  VE: digits(4, '1010', { optional: true }),
}

/** Any other country with postal codes: a loose shape, and never required. */
export const LOOSE_POSTAL_CODE = /^[A-Z0-9]{2,10}$/

/** Countries that do not use postal codes: the field is hidden and nothing is sent. */
export const NO_POSTAL_CODE: ReadonlySet<string> = new Set([
  'AE',
  'AG',
  'AO',
  'AQ',
  'AW',
  'BF',
  'BI',
  'BJ',
  'BO',
  'BQ',
  'BS',
  'BV',
  'BW',
  'BZ',
  'CD',
  'CF',
  'CG',
  'CI',
  'CK',
  'CM',
  'CW',
  'DJ',
  'DM',
  'ER',
  'FJ',
  'GA',
  'GD',
  'GH',
  'GM',
  'GQ',
  'GY',
  'HK',
  'HM',
  'KI',
  'KM',
  'KN',
  'KP',
  'LY',
  'ML',
  'MO',
  'MR',
  'MW',
  'NR',
  'NU',
  'QA',
  'RW',
  'SB',
  'SC',
  'SL',
  'SR',
  'SS',
  'ST',
  'SX',
  'SY',
  'TD',
  'TF',
  'TG',
  'TK',
  'TL',
  'TO',
  'TV',
  'UG',
  'VU',
  'YE',
  'ZW',
])

/** Countries whose addresses are not deliverable without the state or province. */
export const REGION_REQUIRED: ReadonlySet<string> = new Set([
  'US',
  'CA',
  'MX',
  'BR',
  'AR',
  'AU',
  'IN',
  'JP',
  'CN',
  'MY',
])

export type RegionKind = 'state' | 'province' | 'county' | 'region' | 'department' | 'prefecture' | 'other'

const REGION_KINDS: Readonly<Record<string, RegionKind>> = {
  US: 'state',
  MX: 'state',
  BR: 'state',
  AU: 'state',
  IN: 'state',
  MY: 'state',
  VE: 'state',
  NG: 'state',
  DE: 'state',
  AT: 'state',
  CA: 'province',
  AR: 'province',
  ES: 'province',
  IT: 'province',
  CN: 'province',
  EC: 'province',
  PH: 'province',
  ZA: 'province',
  PA: 'province',
  CR: 'province',
  DO: 'province',
  NL: 'province',
  BE: 'province',
  GB: 'county',
  IE: 'county',
  CL: 'region',
  FR: 'region',
  CO: 'department',
  PE: 'department',
  UY: 'department',
  PY: 'department',
  BO: 'department',
  GT: 'department',
  HN: 'department',
  SV: 'department',
  NI: 'department',
  JP: 'prefecture',
}

/** What the region field is called in this country: State, Province, County… */
export function regionKind(country: string): RegionKind {
  return REGION_KINDS[country] ?? 'other'
}

export type PostalKind = 'postal' | 'zip' | 'postcode'

/** "ZIP code" in the US, "Postcode" in the UK and Ireland, "Postal code" elsewhere. */
export function postalKind(country: string): PostalKind {
  if (country === 'US') return 'zip'
  if (country === 'GB' || country === 'IE' || country === 'AU' || country === 'NZ') return 'postcode'
  return 'postal'
}

// ---------------------------------------------------------------------------------------------
// Tax IDs
// ---------------------------------------------------------------------------------------------

export interface TaxIdRule {
  /** Tested against the compact value: upper case, without spaces, dots, hyphens or slashes. */
  pattern: RegExp
  example: string
}

export const TAX_ID_RULES: Readonly<Record<Exclude<TaxIdType, 'other'>, TaxIdRule>> = {
  eu_vat: {
    pattern: /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[0-9A-Z+*]{2,12}$/,
    example: 'DE123456789',
  },
  // CIF for companies, NIF and NIE for people and the self-employed.
  es_cif: { pattern: /^([A-HJNP-SUVW]\d{7}[0-9A-J]|\d{8}[A-Z]|[XYZ]\d{7}[A-Z])$/, example: 'B12345678' },
  mx_rfc: { pattern: /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/, example: 'ABC010203AB9' },
  br_cnpj: { pattern: /^\d{14}$/, example: '12.345.678/0001-95' },
  br_cpf: { pattern: /^\d{11}$/, example: '123.456.789-09' },
  ar_cuit: { pattern: /^\d{11}$/, example: '20-12345678-6' },
  co_nit: { pattern: /^\d{6,11}$/, example: '900.123.456-7' },
  cl_tin: { pattern: /^\d{7,8}[0-9K]$/, example: '12.345.678-5' },
  pe_ruc: { pattern: /^(10|15|17|20)\d{9}$/, example: '20123456789' },
  us_ein: { pattern: /^\d{9}$/, example: '12-3456789' },
  gb_vat: { pattern: /^(GB|XI)?(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, example: 'GB123456789' },
  ca_bn: { pattern: /^\d{9}(RT\d{4})?$/, example: '123456789' },
}

const EU = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
])

const COUNTRY_TAX_ID: Readonly<Record<string, TaxIdType>> = {
  ES: 'es_cif',
  MX: 'mx_rfc',
  BR: 'br_cnpj',
  AR: 'ar_cuit',
  CO: 'co_nit',
  CL: 'cl_tin',
  PE: 'pe_ruc',
  US: 'us_ein',
  GB: 'gb_vat',
  CA: 'ca_bn',
}

/** The tax ID most accounts in this country have; the type picker starts there. */
export function defaultTaxIdType(country: string): TaxIdType {
  return COUNTRY_TAX_ID[country] ?? (EU.has(country) ? 'eu_vat' : 'other')
}
