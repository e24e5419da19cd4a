// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { PDFDocument } from 'pdf-lib'
import { SEED_CARDS } from '../../src/adapter/memory'
import { FULL_ACCESS, startStack, type TestStack } from '../../examples/server/test-kit'

const NOW = new Date('2026-11-26T15:00:00Z')
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function stack(now: () => Date): Promise<TestStack> {
  const s = await startStack({
    now,
    accounts: [{ accountId: 'acct_a' }, { accountId: 'acct_b', locale: 'en', seed: 2 }],
    tokens: {
      'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS },
      'token-b': { accountId: 'acct_b', permissions: FULL_ACCESS },
    },
  })
  cleanups.push(() => s.close())
  return s
}

const topUp = (s: TestStack, account: string, key: string) =>
  s.billing
    .forAccount(account)
    .addFunds({ amount: { amount: 2500, currency: 'USD' }, paymentMethodId: SEED_CARDS.visa, idempotencyKey: key })

describe('invoice and receipt documents over HTTP', () => {
  it('a top-up gets a numbered receipt whose signed link serves a real PDF to anyone holding it', async () => {
    const s = await stack(() => NOW)
    const { entry } = await topUp(s, 'acct_a', 'receipt-1')
    expect(entry.invoice?.number).toMatch(/^RCP-2026-\d{5}$/)
    const links = await s.billing.forAccount('acct_a').getInvoiceLinks(entry.invoice!.id)
    expect(links.downloadUrl?.startsWith(`${s.url}/documents/`)).toBe(true)
    expect(Date.parse(links.expiresAt!)).toBe(NOW.getTime() + 10 * 60_000)
    const response = await fetch(links.downloadUrl!)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${entry.invoice!.number}.pdf"`)
    const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()))
    expect(pdf.getTitle()).toContain(entry.invoice!.number)
    expect(pdf.getAuthor()).toBe('Acme CRM')
    expect((await fetch(links.viewUrl!)).headers.get('Content-Disposition')).toMatch(/^inline;/)
  })

  it('receipt numbers count per account; ids never repeat across accounts', async () => {
    const s = await stack(() => NOW)
    const a1 = await topUp(s, 'acct_a', 'n-1')
    const a2 = await topUp(s, 'acct_a', 'n-2')
    const b1 = await topUp(s, 'acct_b', 'n-1')
    const seq = (n: string) => Number(n.split('-').pop())
    expect(seq(a2.entry.invoice!.number)).toBe(seq(a1.entry.invoice!.number) + 1)
    expect(new Set([a1, a2, b1].map((r) => r.entry.invoice!.id)).size).toBe(3)
    // Another account's document is not found, not served.
    await expect(s.billing.forAccount('acct_b').getInvoiceLinks(a1.entry.invoice!.id)).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('a link bent to another account or document, or tampered with, is refused; an old one has expired', async () => {
    let now = NOW.getTime()
    const s = await stack(() => new Date(now))
    const { entry } = await topUp(s, 'acct_a', 'bent')
    const links = await s.billing.forAccount('acct_a').getInvoiceLinks(entry.invoice!.id)
    const token = new URL(links.downloadUrl!).pathname.split('/').pop()!
    const [payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    const forged = Buffer.from(JSON.stringify({ ...claims, a: 'acct_b' })).toString('base64url')
    expect((await fetch(`${s.url}/documents/${forged}.${signature}`)).status).toBe(403)
    expect((await fetch(`${s.url}/documents/${payload}.${signature.slice(0, -2)}xx`)).status).toBe(403)
    expect((await fetch(`${s.url}/documents/not-a-token`)).status).toBe(403)
    now += 10 * 60_000 + 1
    const expired = await fetch(links.downloadUrl!)
    expect(expired.status).toBe(410)
    expect(expired.headers.get('Content-Type')).toMatch(/^text\/plain/)
  })
})
