import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import type { LedgerEntry, LedgerPage, ListLedgerInput } from '../../src/adapter/types'
import { csvField, csvFileName, csvLabels, exportLedgerCsv, toCsv } from '../../src/components/TransactionHistory'
import { fetchLedgerPages } from '../../src/data/export'
import { NOW } from '../support/render'
import { es } from '../../src/locales/es'

function entry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 'txn_1',
    createdAt: '2026-11-20T10:00:00.000Z',
    type: 'usage',
    status: 'succeeded',
    description: 'SMS — 120 messages',
    amount: { amount: -120, currency: 'USD' },
    balanceAfter: { amount: 4230, currency: 'USD' },
    invoice: null,
    ...overrides,
  }
}

/** Parses what toCsv wrote (quoted fields, doubled quotes, CRLF), to read it back like a spreadsheet. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || row.length > 0) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-20))}`)
  return rows
}

describe('toCsv', () => {
  it('writes a localised header, ISO dates, plain decimal amounts and a currency column', () => {
    const rows = parseCsv(
      toCsv(
        [
          entry(),
          entry({
            id: 'txn_2',
            type: 'subscription_charge',
            description: 'Subscription — CRM Pro',
            amount: { amount: -9700, currency: 'USD' },
            balanceAfter: null,
            invoice: { id: 'in_2', number: 'INV-2026-0042' },
          }),
        ],
        csvLabels(),
      ),
    )
    expect(rows).toEqual([
      ['Date', 'Description', 'Type', 'Status', 'Amount', 'Currency', 'Balance after', 'Invoice', 'Transaction ID'],
      ['2026-11-20T10:00:00.000Z', 'SMS — 120 messages', 'Usage', 'Succeeded', '-1.20', 'USD', '42.30', '', 'txn_1'],
      [
        '2026-11-20T10:00:00.000Z',
        'Subscription — CRM Pro',
        'Subscription charge',
        'Succeeded',
        '-97.00',
        'USD',
        '',
        'INV-2026-0042',
        'txn_2',
      ],
    ])
  })

  it('writes the header, types and statuses in Spanish for es', () => {
    const [header, line] = parseCsv(
      toCsv(
        [entry({ type: 'credit_grant', status: 'pending', amount: { amount: 1000, currency: 'EUR' } })],
        csvLabels(es.messages.transactions),
      ),
    )
    expect(header).toEqual([
      'Fecha',
      'Descripción',
      'Tipo',
      'Estado',
      'Monto',
      'Moneda',
      'Saldo después',
      'Factura',
      'ID de transacción',
    ])
    expect(line.slice(2, 6)).toEqual(['Crédito de cortesía', 'Pendiente', '10.00', 'EUR'])
  })

  it('uses the currency exponent for amounts, never floats', () => {
    const [, yen, dinar] = parseCsv(
      toCsv([
        entry({ amount: { amount: -1500, currency: 'JPY' }, balanceAfter: null }),
        entry({ id: 'txn_3', amount: { amount: 1234567, currency: 'KWD' }, balanceAfter: null }),
      ]),
    )
    expect(yen[4]).toBe('-1500')
    expect(yen[5]).toBe('JPY')
    expect(dinar[4]).toBe('1234.567')
  })

  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('escapes a description that a spreadsheet would run as a formula: %j', (description, expected) => {
    const [, line] = parseCsv(toCsv([entry({ description })]))
    expect(line[1]).toBe(expected)
  })

  it('escapes formulas in every text column, not only the description', () => {
    const [, line] = parseCsv(toCsv([entry({ id: '=cmd|calc', invoice: { id: 'in_x', number: '@evil' } })]))
    expect(line[7]).toBe("'@evil")
    expect(line[8]).toBe("'=cmd|calc")
  })

  it('keeps negative amounts as numbers (the minus sign is not a formula there)', () => {
    const [, line] = parseCsv(toCsv([entry({ amount: { amount: -250, currency: 'USD' } })]))
    expect(line[4]).toBe('-2.50')
  })

  it('quotes commas, quotes and line breaks so one entry stays one row', () => {
    const text = toCsv([entry({ description: 'Calls, "premium"\nline two' })])
    expect(text).toContain('"Calls, ""premium""\nline two"')
    const rows = parseCsv(text)
    expect(rows).toHaveLength(2)
    expect(rows[1][1]).toBe('Calls, "premium"\nline two')
  })

  it('leaves the amount empty when the adapter sent none, and names unknown types and statuses safely', () => {
    const [, line] = parseCsv(
      toCsv([
        entry({
          type: 'mystery' as LedgerEntry['type'],
          status: 'weird' as LedgerEntry['status'],
          amount: null,
          balanceAfter: null,
        }),
      ]),
    )
    expect(line.slice(2, 7)).toEqual(['Other', 'Unknown', '', '', ''])
  })

  it('can leave the header out, and writes nothing at all for no entries without a header', () => {
    expect(parseCsv(toCsv([entry()], csvLabels(), { header: false }))).toHaveLength(1)
    expect(toCsv([], csvLabels(), { header: false })).toBe('')
  })

  it('csvField leaves plain text alone', () => {
    expect(csvField('Wallet top-up')).toBe('Wallet top-up')
    expect(csvField(null)).toBe('')
    expect(csvField('-12.50', 'number')).toBe('-12.50')
    expect(csvField('-12.50')).toBe("'-12.50")
    expect(csvField('-1+1', 'number')).toBe("'-1+1")
  })

  it('names the file after the day', () => {
    expect(csvFileName('transactions-{date}.csv', '2026-11-26')).toBe('transactions-2026-11-26.csv')
  })
})

describe('exportLedgerCsv over fetchLedgerPages', () => {
  it('pages through the adapter with the filter and reports progress until every entry is written', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ledgerSize: 1200 })
    const filter = { types: ['usage' as const] }
    const expected = (await memory.listLedger({ filter, limit: 1 })).totalCount ?? 0
    expect(expected).toBeGreaterThan(400)
    memory.resetCalls()
    const progress: Array<{ exported: number; total: number | null }> = []
    const { csv, count } = await exportLedgerCsv(fetchLedgerPages(memory, { filter, pageSize: 200 }), {
      labels: csvLabels(),
      onProgress: (p) => progress.push(p),
    })
    expect(count).toBe(expected)
    const rows = parseCsv(csv)
    expect(rows).toHaveLength(expected + 1)
    expect(rows.slice(1).every((row) => row[2] === 'Usage')).toBe(true)
    expect(memory.calls.listLedger).toBe(Math.ceil(expected / 200))
    expect(progress.at(-1)).toEqual({ exported: expected, total: expected })
    expect(progress[0]).toEqual({ exported: 200, total: expected })
  })

  it('stops between pages when aborted, without reading the rest', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en', ledgerSize: 2000 })
    memory.resetCalls()
    const controller = new AbortController()
    const run = exportLedgerCsv(fetchLedgerPages(memory, { pageSize: 100, signal: controller.signal }), {
      signal: controller.signal,
      onProgress: ({ exported }) => {
        if (exported >= 300) controller.abort()
      },
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(memory.calls.listLedger).toBe(3)
  })

  it('fails with a typed error when a page fails, and refuses a cursor that comes back', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    memory.setFaults({ listLedger: 'unavailable' })
    await expect(exportLedgerCsv(fetchLedgerPages(memory))).rejects.toMatchObject({ code: 'unavailable' })

    const looping = {
      listLedger: async (_input: ListLedgerInput): Promise<LedgerPage> => ({
        entries: [entry()],
        nextCursor: 'same',
        totalCount: null,
      }),
    }
    const error = await exportLedgerCsv(fetchLedgerPages(looping)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BillingError)
    expect(error).toMatchObject({ code: 'invalid_response' })
  })

  it('writes an entry repeated across pages once', async () => {
    const pages: LedgerPage[] = [
      { entries: [entry({ id: 'a' }), entry({ id: 'b' })], nextCursor: 'c1', totalCount: 3 },
      { entries: [entry({ id: 'b' }), entry({ id: 'c' })], nextCursor: null, totalCount: 3 },
    ]
    const source = { listLedger: async ({ cursor }: ListLedgerInput) => (cursor ? pages[1] : pages[0]) }
    const { csv, count } = await exportLedgerCsv(fetchLedgerPages(source))
    expect(count).toBe(3)
    expect(parseCsv(csv).map((row) => row[8])).toEqual(['Transaction ID', 'a', 'b', 'c'])
  })
})
