import fc from 'fast-check'
import type { BillingProfile } from '../../src/adapter/types'
import {
  BILLING_FIELD_PATHS,
  COUNTRY_CODES,
  FIELD_LIMITS,
  NO_POSTAL_CODE,
  POSTAL_CODE_RULES,
  TAX_ID_TYPES,
  validateBillingProfile,
  valuesFromProfile,
  type BillingProfileValues,
} from '../../src/components/BillingProfileCard'
import { seedProfile } from '../../src/adapter/memory/seed'
import {
  fieldForServerPath,
  placeServerErrors,
  problemFromServer,
} from '../../src/components/BillingProfileCard/fieldErrors'

function values(
  patch: {
    name?: string
    company?: string
    email?: string
    address?: Partial<BillingProfileValues['address']>
    taxId?: Partial<BillingProfileValues['taxId']>
    walletReceipts?: boolean
  } = {},
): BillingProfileValues {
  const base: BillingProfileValues = {
    name: 'Ana Pérez',
    company: '',
    email: 'ana@example.com',
    address: { line1: 'Calle Mayor 1', line2: '', city: 'Madrid', region: '', postalCode: '28013', country: 'ES' },
    taxId: { type: '', value: '' },
    walletReceipts: false,
  }
  return {
    ...base,
    ...patch,
    address: { ...base.address, ...patch.address },
    taxId: { ...base.taxId, ...patch.taxId },
  } as BillingProfileValues
}

function profileOf(input: BillingProfileValues): BillingProfile {
  const result = validateBillingProfile(input)
  if (!result.ok) throw new Error(`expected a valid profile, got ${JSON.stringify(result.fieldErrors)}`)
  return result.profile
}

function errorsOf(input: BillingProfileValues) {
  const result = validateBillingProfile(input)
  return result.ok ? {} : result.fieldErrors
}

/** A plausible address per country, so only the field under test decides the outcome. */
function inCountry(country: string, postalCode: string, region = 'Región') {
  return values({ address: { country, postalCode, region } })
}

describe('validateBillingProfile: what it accepts', () => {
  it('accepts the saved profile as it is and gives it back unchanged', () => {
    const seeded = seedProfile()
    expect(profileOf(valuesFromProfile(seeded))).toEqual(seeded)
  })

  it.each([
    ['accents and ñ', 'María José Núñez Peña'],
    ['ç and apostrophes', "François D'Alembert-Çelik O’Brien"],
    ['Japanese', '山田 太郎'],
    ['Greek', 'Αλέξανδρος Παπαδόπουλος'],
    ['Arabic', 'محمد بن راشد'],
    ['Cyrillic', 'Владимир Набоков'],
    ['Devanagari', 'अनुष्का शर्मा'],
  ])('accepts names with %s', (_, name) => {
    const profile = profileOf(values({ name, address: { city: 'São Paulo', line1: "Rua d'Ávila, 12" } }))
    expect(profile.name).toBe(name)
    expect(profile.address.city).toBe('São Paulo')
    expect(profile.address.line1).toBe("Rua d'Ávila, 12")
  })

  it('trims, folds line breaks and runs of spaces, and strips control and invisible characters', () => {
    const profile = profileOf(
      values({
        name: '  Ana\u0000\u0007 María\t\tPérez\n',
        company: '\u202EACME\u202C\u200B S.A.',
        email: '  ana@example.com ',
        address: { line1: 'Calle\r\nMayor 1\u0085', line2: '   ', city: '\uFEFFMadrid' },
      }),
    )
    expect(profile.name).toBe('Ana María Pérez')
    expect(profile.company).toBe('ACME S.A.')
    expect(profile.email).toBe('ana@example.com')
    expect(profile.address.line1).toBe('Calle Mayor 1')
    expect(profile.address.line2).toBeNull()
    expect(profile.address.city).toBe('Madrid')
  })

  it('composes decomposed accents, so "n + ˜" is saved as one "ñ"', () => {
    expect(profileOf(values({ name: 'Nun\u0303ez' })).name).toBe('Nu\u00f1ez')
  })

  it('saves optional fields left empty as null, and receipts only when switched on', () => {
    const profile = profileOf(values({ walletReceipts: 'yes' as unknown as boolean }))
    expect(profile).toMatchObject({ company: null, taxId: null, walletReceipts: false })
    expect(profile.address).toMatchObject({ line2: null, region: null })
    expect(profileOf(values({ walletReceipts: true })).walletReceipts).toBe(true)
  })

  it('accepts a lower-case country code', () => {
    expect(profileOf(values({ address: { country: 'es' } })).address.country).toBe('ES')
  })
})

describe('validateBillingProfile: required fields', () => {
  it('asks for name, email, country, street and city', () => {
    const empty = values({ name: ' ', email: '', address: { line1: '', city: '\n', country: '', postalCode: '' } })
    expect(errorsOf(empty)).toEqual({
      name: 'required',
      email: 'required',
      'address.country': 'required',
      'address.line1': 'required',
      'address.city': 'required',
    })
  })

  it.each(['US', 'CA', 'MX', 'BR', 'AR', 'AU', 'IN'])('requires the region in %s', (country) => {
    const example = POSTAL_CODE_RULES[country].example
    expect(errorsOf(inCountry(country, example, ''))).toEqual({ 'address.region': 'required' })
    expect(errorsOf(inCountry(country, example, 'Región'))).toEqual({})
  })

  it.each(['ES', 'DE', 'FR', 'GB', 'CO', 'CL'])('does not require the region in %s', (country) => {
    expect(errorsOf(inCountry(country, POSTAL_CODE_RULES[country].example, ''))).toEqual({})
  })

  it.each(['US', 'CA', 'MX', 'ES', 'GB', 'BR', 'AR', 'DE', 'FR'])('requires the postal code in %s', (country) => {
    expect(errorsOf(inCountry(country, ''))).toEqual({ 'address.postalCode': 'required' })
  })

  it.each(['IE', 'CO', 'CL', 'PE'])('leaves the postal code optional in %s, but checks it when given', (country) => {
    expect(profileOf(inCountry(country, '')).address.postalCode).toBeNull()
    expect(errorsOf(inCountry(country, '@@'))).toEqual({ 'address.postalCode': 'invalid' })
  })

  it.each(['AE', 'HK', 'QA', 'BO'])('ignores the postal code in %s, which uses none', (country) => {
    expect(NO_POSTAL_CODE.has(country)).toBe(true)
    expect(profileOf(inCountry(country, 'anything at all #!')).address.postalCode).toBeNull()
  })

  it('accepts any plausible postal code where we know no format, and none at all', () => {
    expect(profileOf(inCountry('KE', '00100')).address.postalCode).toBe('00100')
    expect(profileOf(inCountry('KE', '')).address.postalCode).toBeNull()
    expect(errorsOf(inCountry('KE', 'not a code!'))).toEqual({ 'address.postalCode': 'invalid' })
  })

  it('rejects a country that is not an ISO code', () => {
    expect(errorsOf(values({ address: { country: 'XX' } }))).toEqual({ 'address.country': 'invalid' })
    expect(errorsOf(values({ address: { country: 'Spain' } }))).toEqual({ 'address.country': 'invalid' })
  })

  it('rejects a name, street or city with no letter or digit', () => {
    expect(errorsOf(values({ name: '---', address: { line1: '…', city: '😀' } }))).toEqual({
      name: 'invalid',
      'address.line1': 'invalid',
      'address.city': 'invalid',
    })
  })
})

describe('validateBillingProfile: postal-code formats', () => {
  const cases: [string, [typed: string, saved: string][], string[]][] = [
    [
      'US',
      [
        ['94103', '94103'],
        ['94103-1234', '94103-1234'],
        ['941031234', '94103-1234'],
      ],
      ['9410', '94103-12', 'ABCDE'],
    ],
    [
      'CA',
      [
        ['K1A 0B1', 'K1A 0B1'],
        ['k1a0b1', 'K1A 0B1'],
        ['h2x-1y4', 'H2X 1Y4'],
      ],
      ['K1A 0B', 'D1A 0B1', '12345'],
    ],
    [
      'MX',
      [
        ['06600', '06600'],
        ['０６６００', '06600'],
      ],
      ['6600', '066000', 'C.P. 06600'],
    ],
    [
      'ES',
      [
        ['28013', '28013'],
        ['08001', '08001'],
        ['52001', '52001'],
      ],
      ['53001', '00100', '2801'],
    ],
    [
      'GB',
      [
        ['SW1A 1AA', 'SW1A 1AA'],
        ['sw1a1aa', 'SW1A 1AA'],
        ['M1 1AE', 'M1 1AE'],
        ['EC1A 1BB', 'EC1A 1BB'],
      ],
      ['SW1A', '12345', 'SW1A 1A'],
    ],
    [
      'BR',
      [
        ['01310-100', '01310-100'],
        ['01310100', '01310-100'],
        ['0131-0100', '01310-100'],
      ],
      ['0131-010', '1310100'],
    ],
    [
      'AR',
      [
        ['C1425DKF', 'C1425DKF'],
        ['c1425dkf', 'C1425DKF'],
        ['1425', '1425'],
      ],
      ['I1425DKF', '14250', 'C1425DK'],
    ],
    ['CO', [['110111', '110111']], ['11011', '1101111']],
    [
      'CL',
      [
        ['8320000', '8320000'],
        ['832-0000', '8320000'],
      ],
      ['832000', '83200000'],
    ],
    ['PE', [['15074', '15074']], ['1507', 'LIMA 15074']],
    ['DE', [['10115', '10115']], ['1011', '101155', 'D-10115x']],
    [
      'FR',
      [
        ['75008', '75008'],
        ['20000', '20000'],
      ],
      ['7500', '750088'],
    ],
  ]

  it.each(cases)('%s: accepts and normalizes its own format, rejects others', (country, good, bad) => {
    for (const [typed, saved] of good) {
      expect(profileOf(inCountry(country, typed)).address.postalCode, `${country} "${typed}"`).toBe(saved)
    }
    for (const typed of bad) {
      expect(errorsOf(inCountry(country, typed)), `${country} "${typed}"`).toEqual({ 'address.postalCode': 'invalid' })
    }
  })

  it('has an example for every rule that its own rule accepts', () => {
    for (const [country, rule] of Object.entries(POSTAL_CODE_RULES)) {
      expect(errorsOf(inCountry(country, rule.example)), country).toEqual({})
    }
  })
})

describe('validateBillingProfile: email', () => {
  it.each([
    'ana@example.com',
    'ana.maria+facturas@sub.example.co',
    "o'brien@example.ie",
    'josé@correos.es',
    'info@münchen.de',
    'a@b.xn--p1ai',
  ])('accepts %s', (email) => {
    expect(profileOf(values({ email })).email).toBe(email)
  })

  it.each([
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana@@example.com',
    'ana @example.com',
    'ana@exa mple.com',
    '.ana@example.com',
    'ana..m@example.com',
    'ana@-example.com',
    'ana@example.c',
    'ana@example.123',
    '<ana>@example.com',
  ])('rejects %s', (email) => {
    expect(errorsOf(values({ email }))).toEqual({ email: 'invalid' })
  })
})

describe('validateBillingProfile: length limits', () => {
  it('counts characters the way people see them', () => {
    // 200 "ñ" typed as n + combining tilde: 400 UTF-16 units, 200 characters.
    expect(profileOf(values({ name: 'n\u0303'.repeat(200) })).name).toHaveLength(200)
    // 200 flags are only 200 characters, but 800 UTF-16 units: more than the boundary stores.
    expect(errorsOf(values({ company: '🇲🇽'.repeat(200) }))).toEqual({ company: 'too_long' })
    expect(errorsOf(values({ name: 'a'.repeat(201) }))).toEqual({ name: 'too_long' })
    expect(errorsOf(values({ name: 'a'.repeat(200) }))).toEqual({})
  })

  it('stops at the limit for every free-text field', () => {
    const long = (path: keyof typeof FIELD_LIMITS) => '9'.repeat(FIELD_LIMITS[path] + 1)
    const result = errorsOf(
      values({
        name: long('name'),
        company: long('company'),
        email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
        address: {
          line1: long('address.line1'),
          line2: long('address.line2'),
          city: long('address.city'),
          region: long('address.region'),
          postalCode: long('address.postalCode'),
        },
        taxId: { value: long('taxId.value') },
      }),
    )
    expect(result).toEqual({
      name: 'too_long',
      company: 'too_long',
      email: 'too_long',
      'address.line1': 'too_long',
      'address.line2': 'too_long',
      'address.city': 'too_long',
      'address.region': 'too_long',
      'address.postalCode': 'too_long',
      'taxId.value': 'too_long',
    })
  })
})

describe('validateBillingProfile: tax ID', () => {
  it('leaves the tax ID out when no number is given, whatever the type', () => {
    expect(profileOf(values({ taxId: { type: 'mx_rfc', value: '  ' } })).taxId).toBeNull()
  })

  it('uses the usual type of the country when none was chosen', () => {
    expect(profileOf(values({ taxId: { value: 'b12345678' } })).taxId).toEqual({ type: 'es_cif', value: 'B12345678' })
    const mexico = values({
      address: { country: 'MX', postalCode: '06600', region: 'CDMX' },
      taxId: { value: 'ACP850101AB1' },
    })
    expect(profileOf(mexico).taxId).toEqual({ type: 'mx_rfc', value: 'ACP850101AB1' })
    const germany = values({ address: { country: 'DE', postalCode: '10115' }, taxId: { value: 'DE 123 456 789' } })
    expect(profileOf(germany).taxId).toEqual({ type: 'eu_vat', value: 'DE 123 456 789' })
  })

  it.each([
    ['mx_rfc', 'ÑAB850101AB1', 'ACP85010AB1'],
    ['br_cnpj', '12.345.678/0001-95', '12.345.678/0001'],
    ['br_cpf', '123.456.789-09', '123.456.789'],
    ['ar_cuit', '20-12345678-6', '20-1234567-6'],
    ['co_nit', '900.123.456-7', '12-3'],
    ['cl_tin', '12.345.678-k', '12.345.678-Z'],
    ['pe_ruc', '20123456789', '30123456789'],
    ['us_ein', '12-3456789', '12-345678'],
    ['gb_vat', 'GB 123 4567 89', 'GB12345'],
    ['ca_bn', '123456789RT0001', '12345678'],
    ['eu_vat', 'FR12345678901', 'US123456789'],
    ['es_cif', 'X1234567L', '1234567L'],
  ])('%s: accepts %s, rejects %s', (type, good, bad) => {
    expect(profileOf(values({ taxId: { type, value: good } })).taxId?.type).toBe(type)
    expect(errorsOf(values({ taxId: { type, value: bad } }))).toEqual({ 'taxId.value': 'invalid' })
  })

  it('keeps "other" and well-formed types it has no rule for, as typed', () => {
    expect(profileOf(values({ taxId: { type: 'other', value: 'abn 51 824 753 556' } })).taxId).toEqual({
      type: 'other',
      value: 'abn 51 824 753 556',
    })
    expect(profileOf(values({ taxId: { type: 'au_abn', value: '51 824 753 556' } })).taxId?.type).toBe('au_abn')
    expect(errorsOf(values({ taxId: { type: 'DROP TABLE', value: '123' } }))).toEqual({ 'taxId.type': 'invalid' })
  })
})

// ---------------------------------------------------------------------------------------------
// Property-based: any input ends in a profile or in field errors, never in an exception.
// ---------------------------------------------------------------------------------------------

const CONTROL = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c))
const UTF16_UNIT = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
const PIECES = fc.constantFrom(
  'María',
  "O'Brien",
  'Çelik',
  '山田',
  'Αθήνα',
  'محمد',
  ' ',
  '\t',
  '\n',
  '\u202E',
  '\u200B',
  '\u0000',
  'n\u0303',
  '🇲🇽',
  '👩‍👩‍👧',
  '@',
  '.',
  '-',
  '28013',
  'K1A 0B1',
  'SW1A 1AA',
  'ana@example.com',
  'ES',
  'mx',
  'B12345678',
)

/** Any string: unicode, control characters, lone surrogates, realistic pieces, up to 10 000 characters. */
const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(CONTROL, PIECES), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: UTF16_UNIT, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.array(PIECES, { maxLength: 8 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([chunk, size]) => chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size)),
  },
  { weight: 1, arbitrary: fc.constant('x'.repeat(10_000)) },
)

const formValues = fc.record({
  name: anyText,
  company: anyText,
  email: fc.oneof(anyText, fc.emailAddress()),
  address: fc.record({
    line1: anyText,
    line2: anyText,
    city: anyText,
    region: anyText,
    postalCode: fc.oneof(anyText, fc.constantFrom(...Object.values(POSTAL_CODE_RULES).map((r) => r.example))),
    country: fc.oneof(fc.constantFrom(...COUNTRY_CODES), anyText),
  }),
  taxId: fc.record({ type: fc.oneof(fc.constantFrom('', ...TAX_ID_TYPES), anyText), value: anyText }),
  walletReceipts: fc.oneof(fc.boolean(), fc.anything()),
}) as fc.Arbitrary<BillingProfileValues>

/** Mostly valid forms with free text where any is allowed, so the "valid" branch is well exercised. */
const nearlyValidValues = fc
  .record({
    name: fc.oneof(anyText, fc.constantFrom('María José', "O'Brien", '山田 太郎')),
    company: anyText,
    email: fc.emailAddress(),
    line2: anyText,
    region: anyText,
    country: fc.constantFrom(...Object.keys(POSTAL_CODE_RULES), 'AE', 'HK', 'KE'),
    taxValue: anyText,
    walletReceipts: fc.boolean(),
  })
  .map(({ name, company, email, line2, region, country, taxValue, walletReceipts }) =>
    values({
      name: `${name} A`,
      company,
      email,
      address: {
        line1: 'Calle 1',
        line2,
        city: 'Ciudad',
        region: `R ${region}`,
        postalCode: POSTAL_CODE_RULES[country]?.example ?? '',
        country,
      },
      taxId: { type: 'other', value: `${taxValue} 1` },
      walletReceipts,
    }),
  )

const PATHS = new Set<string>(BILLING_FIELD_PATHS)
const CODES = new Set(['required', 'invalid', 'too_long'])
const UNSAFE =
  /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u

function checkOutcome(result: ReturnType<typeof validateBillingProfile>) {
  if (!result.ok) {
    const entries = Object.entries(result.fieldErrors)
    expect(entries.length).toBeGreaterThan(0)
    for (const [path, code] of entries) {
      expect(PATHS.has(path), path).toBe(true)
      expect(CODES.has(code as string), code).toBe(true)
    }
    return
  }
  const { profile } = result
  const texts = [
    profile.name,
    profile.company,
    profile.email,
    ...Object.values(profile.address),
    profile.taxId?.type,
    profile.taxId?.value,
  ].filter((v): v is string => typeof v === 'string')
  for (const text of texts) {
    expect(text).toBe(text.trim())
    expect(UNSAFE.test(text)).toBe(false)
    expect(text.length).toBeLessThanOrEqual(500)
  }
  expect(profile.name).not.toBe('')
  expect(COUNTRY_CODES).toContain(profile.address.country)
  const rule = POSTAL_CODE_RULES[profile.address.country]
  if (NO_POSTAL_CODE.has(profile.address.country)) expect(profile.address.postalCode).toBeNull()
  else if (rule && profile.address.postalCode)
    expect(rule.pattern.test(profile.address.postalCode.replace(/[\s-]/g, ''))).toBe(true)
  else if (rule && !rule.optional) expect(profile.address.postalCode).not.toBeNull()
  expect(typeof profile.walletReceipts).toBe('boolean')
  // Saving what was saved changes nothing.
  expect(validateBillingProfile(valuesFromProfile(profile))).toEqual({ ok: true, profile })
}

describe('validateBillingProfile: any input', () => {
  it('ends in a clean profile or in field errors, for 1000 generated forms', () => {
    fc.assert(
      fc.property(formValues, fc.constantFrom('en', 'es', 'es-MX', 'ja'), (input, locale) => {
        checkOutcome(validateBillingProfile(input, { locale }))
      }),
      { seed: 20261126, numRuns: 1000 },
    )
  })

  it('cleans what it accepts, for 1000 nearly valid forms with free text in every optional field', () => {
    let accepted = 0
    fc.assert(
      fc.property(nearlyValidValues, (input) => {
        const result = validateBillingProfile(input)
        if (result.ok) accepted++
        checkOutcome(result)
      }),
      { seed: 2611, numRuns: 1000 },
    )
    // Only length limits can fail them, so the checks on saved profiles really ran, hundreds of times.
    expect(accepted).toBeGreaterThan(300)
  })

  it('never throws on values that are not even form values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), (input) => {
        checkOutcome(validateBillingProfile(input as BillingProfileValues))
      }),
      { seed: 1126, numRuns: 1000 },
    )
    for (const input of [null, undefined, 42, 'text', [], { address: null, taxId: 7 }]) {
      expect(validateBillingProfile(input as unknown as BillingProfileValues).ok).toBe(false)
    }
  })

  it('stays fast on 10 000-character fields', () => {
    const huge = 'ñ'.repeat(10_000)
    const started = performance.now()
    for (let i = 0; i < 50; i++) {
      validateBillingProfile(
        values({ name: huge, company: huge, email: huge, address: { line1: huge, postalCode: huge } }),
      )
    }
    expect(performance.now() - started).toBeLessThan(2000)
    expect(errorsOf(values({ name: huge }))).toEqual({ name: 'too_long' })
  })

  it('accepts a locale it does not know without failing', () => {
    expect(validateBillingProfile(values(), { locale: 'not a locale!' }).ok).toBe(true)
  })
})

describe('server field errors: where they land', () => {
  it.each([
    ['email', 'email'],
    ['address.postalCode', 'address.postalCode'],
    ['address.postal_code', 'address.postalCode'],
    ['billing_address[zip]', 'address.postalCode'],
    ['address.state', 'address.region'],
    ['address', 'address.line1'],
    ['tax_id.type', 'taxId.type'],
    ['taxId.value', 'taxId.value'],
    ['vat_number', 'taxId.value'],
    ['country_code', 'address.country'],
  ])('"%s" lands on %s', (path, field) => {
    expect(fieldForServerPath(path)).toBe(field)
  })

  it.each(['phone', 'type', '', '.', 'constructor', '__proto__'])('"%s" lands on no field', (path) => {
    expect(fieldForServerPath(path)).toBeNull()
  })

  it('turns known codes into ours, keeps free text, and never shows raw control characters', () => {
    expect(problemFromServer('missing')).toBe('required')
    expect(problemFromServer(' INVALID ')).toBe('invalid')
    expect(problemFromServer('max_length')).toBe('too_long')
    expect(problemFromServer('')).toBe('invalid')
    expect(problemFromServer(42)).toEqual({ text: '42' })
    expect(problemFromServer('Código postal\u0000 inexistente\n')).toEqual({ text: 'Código postal inexistente' })
    expect((problemFromServer('x'.repeat(1000)) as { text: string }).text).toHaveLength(300)
  })

  it('splits placed errors from the ones that name no field', () => {
    expect(placeServerErrors({ email: 'invalid', phone: 'Bad phone', fax: 'invalid', zip: 'Unknown ZIP' })).toEqual({
      fields: { email: 'invalid', 'address.postalCode': { text: 'Unknown ZIP' } },
      unplaced: ['Bad phone'],
    })
    expect(placeServerErrors(undefined)).toEqual({ fields: {}, unplaced: [] })
  })
})
