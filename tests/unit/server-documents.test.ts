// @vitest-environment node
import { createHmac } from 'node:crypto'
import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFString } from 'pdf-lib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type BillingDocument,
  renderBillingDocument,
  signDocumentToken,
  toWinAnsi,
  verifyDocumentToken,
} from '../../src/server/documents'
import { LOCALES } from '../../src/i18n/locales'

const SECRET = 'test-secret-0123456789-abcdefghijklmnop'
const NOW = new Date('2026-11-26T15:00:00Z')
const LATER = new Date('2026-11-26T15:15:00Z')
const LINK = { accountId: 'acct_a', kind: 'invoice', id: 'in_123', expiresAt: LATER, locale: 'es' } as const

const base64url = (value: string) => Buffer.from(value).toString('base64url')
const decodePayload = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'))

describe('document links', () => {
  it('round-trips a URL-safe token', () => {
    const token = signDocumentToken({ secret: SECRET, ...LINK })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(decodePayload(token)).toEqual({ a: 'acct_a', k: 'invoice', i: 'in_123', e: LATER.getTime(), l: 'es' })
    expect(verifyDocumentToken(token, { secret: SECRET, now: NOW })).toEqual(LINK)
  })

  it('accepts a Uint8Array secret', () => {
    const secret = new Uint8Array(32).fill(7)
    const token = signDocumentToken({ secret, ...LINK, kind: 'receipt', locale: 'en' })
    expect(verifyDocumentToken(token, { secret, now: NOW })).toEqual({ ...LINK, kind: 'receipt', locale: 'en' })
  })

  it('rejects a payload moved to another account', () => {
    const [, signature] = signDocumentToken({ secret: SECRET, ...LINK }).split('.')
    const forged = base64url(JSON.stringify({ a: 'acct_b', k: 'invoice', i: 'in_123', e: LATER.getTime(), l: 'es' }))
    expect(verifyDocumentToken(`${forged}.${signature}`, { secret: SECRET, now: NOW })).toEqual({
      error: 'bad_signature',
    })
  })

  it('rejects an altered signature and another secret', () => {
    const token = signDocumentToken({ secret: SECRET, ...LINK })
    const [payload, signature] = token.split('.')
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`
    expect(verifyDocumentToken(`${payload}.${flipped}`, { secret: SECRET, now: NOW })).toEqual({
      error: 'bad_signature',
    })
    expect(verifyDocumentToken(token, { secret: `${SECRET}-other`, now: NOW })).toEqual({ error: 'bad_signature' })
  })

  it('expires at expiresAt', () => {
    const token = signDocumentToken({ secret: SECRET, ...LINK })
    const justBefore = new Date(LATER.getTime() - 1)
    expect(verifyDocumentToken(token, { secret: SECRET, now: justBefore })).toEqual(LINK)
    expect(verifyDocumentToken(token, { secret: SECRET, now: LATER })).toEqual({ error: 'expired' })
  })

  it('calls garbage malformed', () => {
    const token = signDocumentToken({ secret: SECRET, ...LINK })
    const [payload, signature] = token.split('.')
    for (const garbage of [
      '',
      'garbage',
      `${token}.x`,
      `${payload}.${signature.slice(1)}`,
      `${payload}.${'+'.repeat(43)}`,
    ]) {
      expect(verifyDocumentToken(garbage, { secret: SECRET, now: NOW }), garbage).toEqual({ error: 'malformed' })
    }
    // Correctly signed but not a link: only another signer sharing the secret could make it.
    const junk = base64url('{"a":42}')
    const signed = `${junk}.${createHmac('sha256', SECRET).update(junk).digest('base64url')}`
    expect(verifyDocumentToken(signed, { secret: SECRET, now: NOW })).toEqual({ error: 'malformed' })
  })

  it('refuses a secret under 32 bytes, naming the fix', () => {
    const short = 'x'.repeat(31)
    expect(() => signDocumentToken({ secret: short, ...LINK })).toThrow(TypeError)
    expect(() => signDocumentToken({ secret: short, ...LINK })).toThrow(/BILLING_DOCUMENT_SECRET/)
    expect(() => verifyDocumentToken('a.b', { secret: new Uint8Array(31), now: NOW })).toThrow(/at least 32 bytes/)
    expect(() => signDocumentToken({ secret: 'x'.repeat(32), ...LINK })).not.toThrow()
  })

  it('signs a link in every shipped locale and refuses any other', () => {
    for (const locale of LOCALES) {
      const token = signDocumentToken({ secret: SECRET, ...LINK, locale })
      expect(verifyDocumentToken(token, { secret: SECRET, now: NOW })).toEqual({ ...LINK, locale })
    }
    expect(() => signDocumentToken({ secret: SECRET, ...LINK, locale: 'nl' as never })).toThrow(/unknown locale "nl"/)
  })

  it('refuses to sign without a valid expiry', () => {
    expect(() => signDocumentToken({ secret: SECRET, ...LINK, expiresAt: new Date('nope') })).toThrow(TypeError)
  })
})

/** WinAnsi bytes 0x80–0x9F that are not Latin-1 (only those these tests print). */
const WIN_ANSI_EXTRAS: Record<number, string> = { 128: '€', 133: '…', 149: '•', 150: '–', 151: '—' }

function decodeWinAnsi(hex: string): string {
  const bytes = Buffer.from(hex, 'hex')
  return [...bytes].map((b) => WIN_ANSI_EXTRAS[b] ?? String.fromCharCode(b)).join('')
}

/** Each page's text, in drawing order, read from its inflated content streams. */
async function drawnText(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await PDFDocument.load(bytes)
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents()
    const streams: Array<PDFObject | undefined> =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents]
    const source = streams
      .map((stream) => {
        if (!(stream instanceof PDFRawStream)) throw new Error('expected a raw content stream')
        expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'))
        return Buffer.from(inflateSync(stream.contents)).toString('latin1')
      })
      .join('\n')
    return [...source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) => decodeWinAnsi(match[1]))
  })
}

function invoice(overrides: Partial<BillingDocument> = {}): BillingDocument {
  return {
    kind: 'invoice',
    locale: 'en',
    brandName: 'Acme CRM',
    number: 'INV-0001',
    issuedAt: '2026-11-26T15:00:00Z',
    billedTo: {
      name: 'Ada Lovelace',
      company: 'Analytical Engines Ltd',
      email: 'ada@example.com',
      addressLines: ['12 St James Square', 'London SW1Y 4JH'],
      taxId: 'GB123456789',
    },
    lines: [
      { description: 'Subscription — Pro × 3', amount: { amount: 90000, currency: 'USD' } },
      { description: 'Usage — SMS', amount: { amount: 33456, currency: 'USD' } },
    ],
    total: { amount: 123456, currency: 'USD' },
    paymentMethod: 'Visa •••• 4242',
    status: 'paid',
    ...overrides,
  }
}

describe('billing document PDF', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is an A4 PDF with its metadata', async () => {
    const bytes = await renderBillingDocument(invoice())
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPageCount()).toBe(1)
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
    expect(pdf.getTitle()).toBe('Invoice INV-0001 — Acme CRM')
    expect(pdf.getAuthor()).toBe('Acme CRM')
    expect(pdf.getCreationDate()).toEqual(new Date('2026-11-26T15:00:00Z'))
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en')
  })

  it('draws the brand, number, lines, total and payment method', async () => {
    const [page] = await drawnText(await renderBillingDocument(invoice()))
    expect(page).toEqual(
      expect.arrayContaining(['Acme CRM', 'Invoice', 'INV-0001', 'November 26, 2026', 'Paid', 'Billed to']),
    )
    expect(page).toEqual(expect.arrayContaining(['Ada Lovelace', 'London SW1Y 4JH', 'Tax ID: GB123456789']))
    expect(page).toEqual(expect.arrayContaining(['Subscription — Pro × 3', '$900.00', 'Usage — SMS', '$334.56']))
    expect(page).toEqual(expect.arrayContaining(['Total', '$1,234.56', 'Paid with', 'Visa •••• 4242']))
    expect(page).toEqual(expect.arrayContaining(['Acme CRM · Invoice INV-0001', 'Page 1 of 1']))
  })

  it('prints Spanish copy, dates and money for es', async () => {
    const bytes = await renderBillingDocument(
      invoice({
        locale: 'es',
        lines: [{ description: 'Recarga de saldo', amount: { amount: 12345678, currency: 'EUR' } }],
        total: { amount: 12345678, currency: 'EUR' },
      }),
    )
    const [page] = await drawnText(bytes)
    expect(page).toEqual(expect.arrayContaining(['Factura', 'Nº', 'Fecha de emisión', '26 de noviembre de 2026']))
    expect(page).toEqual(expect.arrayContaining(['Facturado a', 'Descripción', 'Importe', 'Pagado con', 'Pagado']))
    // Intl's no-break space before € is drawn as a plain space.
    expect(page).toContain('123.456,78 €')
    expect(page).not.toContain('Invoice')
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Factura INV-0001 — Acme CRM')
  })

  it('prints German copy, dates and money for de', async () => {
    const bytes = await renderBillingDocument(
      invoice({
        kind: 'receipt',
        locale: 'de',
        lines: [{ description: 'Guthaben aufgeladen', amount: { amount: 12345678, currency: 'EUR' } }],
        total: { amount: 12345678, currency: 'EUR' },
        balanceAfter: { amount: 15000000, currency: 'EUR' },
      }),
    )
    const [page] = await drawnText(bytes)
    expect(page).toEqual(expect.arrayContaining(['Beleg', 'Nr.', 'Rechnungsdatum', '26. November 2026', 'Bezahlt']))
    expect(page).toEqual(expect.arrayContaining(['Rechnungsempfänger', 'Beschreibung', 'Betrag', 'Gesamt']))
    expect(page).toEqual(expect.arrayContaining(['Bezahlt mit', 'Guthaben danach', '150.000,00 €']))
    expect(page).toEqual(expect.arrayContaining(['123.456,78 €', 'Acme CRM · Beleg INV-0001', 'Seite 1 von 1']))
    expect(page.filter((text) => /\b(Receipt|Paid|Total|Page|Billed|Amount|Description)\b/.test(text))).toEqual([])
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getTitle()).toBe('Beleg INV-0001 — Acme CRM')
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('de')
  })

  it('titles receipts and names a failed payment honestly', async () => {
    const en = (await drawnText(await renderBillingDocument(invoice({ kind: 'receipt', status: 'failed' }))))[0]
    expect(en).toEqual(expect.arrayContaining(['Receipt', 'Failed', 'Payment method']))
    expect(en).not.toContain('Paid with')
    const es = (await drawnText(await renderBillingDocument(invoice({ kind: 'receipt', locale: 'es' }))))[0]
    expect(es).toEqual(expect.arrayContaining(['Recibo', 'Pagado']))
    expect(es).not.toContain('Receipt')
  })

  it('uses the fixed exponents and falls back to the code for symbols the font lacks', async () => {
    const cases: Array<[BillingDocument['total'], string]> = [
      [{ amount: 1234, currency: 'JPY' }, '¥1,234'],
      [{ amount: 1234, currency: 'KWD' }, 'KWD 1.234'],
      [{ amount: 123456, currency: 'INR' }, 'INR 1,234.56'],
      [{ amount: -5000, currency: 'KRW' }, '-KRW 5,000'],
    ]
    for (const [total, expected] of cases) {
      const [page] = await drawnText(await renderBillingDocument(invoice({ lines: [], total })))
      expect(page, total.currency).toContain(expected)
    }
  })

  it('flows 120 lines onto more pages without losing one', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({
      description: `Item ${String(i + 1).padStart(3, '0')}`,
      amount: { amount: 100 + i, currency: 'USD' },
    }))
    const bytes = await renderBillingDocument(invoice({ lines, total: { amount: 19140, currency: 'USD' } }))
    const pages = await drawnText(bytes)
    expect(pages.length).toBeGreaterThan(1)
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(pages.length)
    const items = pages.flat().filter((text) => text.startsWith('Item '))
    expect(items).toEqual(lines.map((line) => line.description))
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).toContain('Description')
    })
    expect(pages.at(-1)).toContain('$191.40')
    expect(pages.slice(0, -1).flat()).not.toContain('$191.40')
  })

  it('wraps long descriptions to three lines ending in an ellipsis', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ')
    const unbroken = 'x'.repeat(150)
    const [page] = await drawnText(
      await renderBillingDocument(
        invoice({
          lines: [
            { description: words, amount: { amount: 100, currency: 'USD' } },
            { description: unbroken, amount: { amount: 200, currency: 'USD' } },
          ],
        }),
      ),
    )
    const wrapped = page.filter((text) => text.startsWith('word'))
    expect(wrapped).toHaveLength(3)
    expect(wrapped[2].endsWith('…')).toBe(true)
    expect(words.startsWith(wrapped.join(' ').slice(0, -1))).toBe(true)
    const split = page.filter((text) => /^x+$/.test(text))
    expect(split.length).toBeGreaterThan(1)
    expect(split.join('')).toBe(unbroken)
  })

  it('renders emoji and CJK input with replacement characters instead of throwing', async () => {
    const bytes = await renderBillingDocument(
      invoice({
        brandName: 'Brand\u202fCo 🚀',
        billedTo: { name: 'Lucía 山田 😀', addressLines: ['東京都 1-2-3'], company: null, email: null, taxId: null },
        lines: [{ description: 'Cafe\u0301\u00a0con leche ☕', amount: { amount: 100, currency: 'USD' } }],
      }),
    )
    const [page] = await drawnText(bytes)
    expect(page).toEqual(expect.arrayContaining(['Brand Co ?', 'Lucía ?? ?', '??? 1-2-3', 'Café con leche ?']))
    expect((await PDFDocument.load(bytes)).getAuthor()).toBe('Brand\u202fCo 🚀')
  })

  it('omits the billed-to block when there is no billing profile', async () => {
    const [page] = await drawnText(await renderBillingDocument(invoice({ billedTo: null, paymentMethod: null })))
    expect(page).not.toContain('Billed to')
    expect(page).not.toContain('Paid with')
    expect(page).toContain('$1,234.56')
  })

  it('renders the same bytes whenever it runs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const first = await renderBillingDocument(invoice())
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'))
    const second = await renderBillingDocument(invoice())
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
  })

  it('names the bad field of an invalid document', async () => {
    await expect(renderBillingDocument(invoice({ locale: 'nl' as never }))).rejects.toThrow(
      /locale must be one of en, es, pt-BR, fr, de, it/,
    )
    await expect(renderBillingDocument(invoice({ issuedAt: 'yesterday' }))).rejects.toThrow(/issuedAt/)
    await expect(renderBillingDocument(invoice({ total: { amount: 12.5, currency: 'USD' } }))).rejects.toThrow(
      /integer minor units/,
    )
  })
})

describe('toWinAnsi', () => {
  const charset = new Set([...Array.from({ length: 95 }, (_, i) => 32 + i), 0xe9, 0x2022])

  it('folds spaces and minus signs, keeps what the font has, replaces the rest', () => {
    expect(toWinAnsi('1\u202f234\u00a0€', charset)).toBe('1 234 ?')
    expect(toWinAnsi('\u22125 • e\u0301\u200d', charset)).toBe('-5 • é')
    expect(toWinAnsi(' 😀 山 ', charset)).toBe('? ?')
  })
})
