// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { SEED_CARDS } from '../../src/adapter/memory'
import { LEDGER_ENTRY_TYPES, type LedgerEntry } from '../../src/adapter/types'
import { allPages, memory, NOW, rejection } from './memory-helpers'

const usd = (amount: number) => ({ amount, currency: 'USD' })

function ids(entries: LedgerEntry[]) {
  return entries.map((e) => e.id)
}

describe('seeded ledger', () => {
  it('holds about 18 months of history, newest first, with every kind of entry', async () => {
    const adapter = memory()
    const { entries, totalCount } = await allPages(adapter, { limit: 200 })

    expect(totalCount).toBe(360)
    expect(entries).toHaveLength(360)
    const times = entries.map((e) => Date.parse(e.createdAt))
    expect(times.every((t, i) => i === 0 || t <= times[i - 1])).toBe(true)
    expect(times[0]).toBeLessThan(NOW.getTime())
    const months = (NOW.getTime() - times[times.length - 1]) / (30.4 * 86_400_000)
    expect(months).toBeGreaterThan(17)
    expect(months).toBeLessThan(19)

    const types = new Set(entries.map((e) => e.type))
    for (const type of ['usage', 'top_up', 'auto_recharge', 'subscription_charge', 'refund', 'credit_grant']) {
      expect(types).toContain(type)
    }
    expect(entries.filter((e) => e.type === 'refund')).toHaveLength(1)
    expect(entries.filter((e) => e.type === 'credit_grant')).toHaveLength(1)
    const failedRecharges = entries.filter((e) => e.type === 'auto_recharge' && e.status === 'failed')
    expect(failedRecharges).toHaveLength(1)
    expect(failedRecharges[0].failureReason).toBe('insufficient_funds')
    expect(new Set(entries.filter((e) => e.usage).map((e) => e.usage?.unit))).toEqual(
      new Set(['sms', 'email', 'call_minute']),
    )
  })

  it('describes usage in the seed language and numbers invoices per year', async () => {
    const es = (await allPages(memory(), { limit: 200 })).entries
    const en = (await allPages(memory({ locale: 'en' }), { limit: 200 })).entries
    const sms = es.find((e) => e.usage?.unit === 'sms')
    const smsEn = en.find((e) => e.id === sms?.id)
    expect(sms?.description).toBe(`SMS — ${sms?.usage?.quantity} mensajes`)
    expect(smsEn?.description).toBe(`SMS — ${smsEn?.usage?.quantity} messages`)

    const charges = es.filter((e) => e.type === 'subscription_charge')
    expect(charges.every((e) => /^INV-\d{4}-\d{4}$/.test(e.invoice?.number ?? ''))).toBe(true)
    const thisYear = charges.filter((e) => e.createdAt.startsWith('2026')).reverse()
    expect(thisYear.map((e) => e.invoice?.number)).toEqual(
      thisYear.map((_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`),
    )
    const refund = es.find((e) => e.type === 'refund')
    expect(charges.map((e) => e.invoice?.id)).toContain(refund?.invoice?.id)
    expect(refund?.amount?.amount).toBeGreaterThan(0)
  })

  it('keeps every balanceAfter consistent with the amounts, ending at the wallet balance', async () => {
    const adapter = memory({ seed: 7 })
    const { entries } = await allPages(adapter, { limit: 200 })
    const moves = entries.filter((e) => e.balanceAfter).reverse()
    let previous: number | null = null
    for (const entry of moves) {
      const after = entry.balanceAfter?.amount ?? 0
      const movesMoney = entry.status === 'succeeded' && entry.type !== 'credit_grant'
      if (previous !== null) expect(after).toBe(movesMoney ? previous + (entry.amount?.amount ?? 0) : previous)
      expect(after).toBeGreaterThanOrEqual(0)
      previous = after
    }
    expect(previous).toBe((await adapter.getWallet()).balance.amount)
  })

  it('makes exactly ledgerSize entries', async () => {
    expect((await memory({ ledgerSize: 0 }).listLedger({})).totalCount).toBe(0)
    expect((await allPages(memory({ ledgerSize: 5 }))).entries).toHaveLength(5)
    expect((await memory({ ledgerSize: 1234 }).listLedger({})).totalCount).toBe(1234)
  })

  it('creates 100 000 entries and serves pages fast', async () => {
    const t0 = performance.now()
    const adapter = memory({ ledgerSize: 100_000 })
    const t1 = performance.now()
    const first = await adapter.listLedger({ limit: 50 })
    const t2 = performance.now()
    const filtered = await adapter.listLedger({
      filter: { types: ['top_up'], from: '2026-06-01T00:00:00Z' },
      limit: 200,
    })
    const t3 = performance.now()
    let cursor = first.nextCursor
    for (let i = 0; i < 50 && cursor; i++) cursor = (await adapter.listLedger({ cursor, limit: 200 })).nextCursor
    const t4 = performance.now()
    console.log(
      `ledgerSize 100000: create ${(t1 - t0).toFixed(1)} ms, first page ${(t2 - t1).toFixed(2)} ms, ` +
        `filtered page + count ${(t3 - t2).toFixed(2)} ms, 50 further pages of 200 ${(t4 - t3).toFixed(1)} ms`,
    )
    expect(first.totalCount).toBe(100_000)
    expect(first.entries).toHaveLength(50)
    expect(filtered.entries.every((e) => e.type === 'top_up' && e.createdAt >= '2026-06-01')).toBe(true)
  })
})

describe('listLedger', () => {
  it('pages with cursors without duplicates or gaps', async () => {
    const adapter = memory()
    const whole = await adapter.listLedger({ limit: 200 })
    const rest = await adapter.listLedger({ limit: 200, cursor: whole.nextCursor })
    const everything = [...whole.entries, ...rest.entries]
    expect(rest.nextCursor).toBeNull()

    const { pages, entries, totalCount } = await allPages(adapter, { limit: 7 })
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true)
    expect(ids(entries)).toEqual(ids(everything))
    expect(new Set(ids(entries)).size).toBe(360)
    expect(totalCount).toBe(360)
  })

  it('filters by type and date range, counting every match', async () => {
    const adapter = memory()
    const everything = (await allPages(adapter, { limit: 200 })).entries
    const filter = {
      types: ['top_up', 'auto_recharge'] as const,
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-09-01T00:00:00.000Z',
    }
    const expected = everything.filter(
      (e) =>
        (e.type === 'top_up' || e.type === 'auto_recharge') && e.createdAt >= filter.from && e.createdAt < filter.to,
    )
    const { entries, totalCount } = await allPages(adapter, {
      filter: { ...filter, types: [...filter.types] },
      limit: 4,
    })

    expect(expected.length).toBeGreaterThan(4)
    expect(ids(entries)).toEqual(ids(expected))
    expect(totalCount).toBe(expected.length)
  })

  it('treats `from` as inclusive and `to` as exclusive', async () => {
    const adapter = memory()
    const [target] = (
      await adapter.listLedger({ limit: 1, cursor: (await adapter.listLedger({ limit: 10 })).nextCursor })
    ).entries
    const from = await adapter.listLedger({ filter: { from: target.createdAt, to: target.createdAt } })
    const at = await adapter.listLedger({ filter: { from: target.createdAt } })
    expect(from.entries).toEqual([])
    expect(at.entries.at(-1)?.id).toBe(target.id)
  })

  it('returns every type for an empty type list and nothing for an unknown one', async () => {
    const adapter = memory()
    expect((await adapter.listLedger({ filter: { types: [] } })).totalCount).toBe(360)
    expect((await adapter.listLedger({ filter: { types: ['unknown'] } })).entries).toEqual([])
    expect(LEDGER_ENTRY_TYPES).toContain('adjustment')
  })

  it('pages 50 by default and never more than 200', async () => {
    const adapter = memory()
    expect((await adapter.listLedger({})).entries).toHaveLength(50)
    expect((await adapter.listLedger({ limit: 1000 })).entries).toHaveLength(200)
    expect((await adapter.listLedger({ limit: 0 })).entries).toHaveLength(1)
  })

  it('refuses a cursor it did not make', async () => {
    const adapter = memory()
    const { nextCursor } = await adapter.listLedger({ limit: 10 })
    for (const cursor of ['garbage', `${nextCursor}x`, nextCursor?.replace(/_(\w+)_/, '_zz_') ?? '', 'lc_zzzzzz_0']) {
      const error = await rejection(adapter.listLedger({ cursor }))
      expect(error.code).toBe('validation')
      expect(error.fieldErrors).toEqual({ cursor: 'invalid' })
    }
  })

  it('refuses an unreadable date', async () => {
    const error = await rejection(memory().listLedger({ filter: { from: 'yesterday' } }))
    expect(error).toMatchObject({ code: 'validation', fieldErrors: { 'filter.from': 'invalid' } })
  })

  it('puts new entries on top without shifting a listing in progress', async () => {
    const adapter = memory()
    const before = (await allPages(adapter, { limit: 200 })).entries
    const first = await adapter.listLedger({ limit: 20 })
    const { entry } = await adapter.addFunds({
      amount: usd(2500),
      paymentMethodId: SEED_CARDS.visa,
      idempotencyKey: 'mid-listing',
    })
    const second = await adapter.listLedger({ limit: 20, cursor: first.nextCursor })

    expect(ids([...first.entries, ...second.entries])).toEqual(ids(before.slice(0, 40)))
    expect(second.totalCount).toBe(361)
    expect((await adapter.listLedger({ limit: 1 })).entries[0].id).toBe(entry.id)
  })
})

describe('getInvoiceLinks', () => {
  it('gives a view page and a signed PDF link that expires in five minutes', async () => {
    const adapter = memory()
    const charge = (await adapter.listLedger({ filter: { types: ['subscription_charge'] }, limit: 1 })).entries[0]
    const invoiceId = charge.invoice?.id ?? ''
    const links = await adapter.getInvoiceLinks(invoiceId)

    expect(links.viewUrl).toBe(`https://billing.example.com/invoices/${invoiceId}`)
    expect(links.downloadUrl).toMatch(
      new RegExp(`^https://billing\\.example\\.com/invoices/${invoiceId}\\.pdf\\?sig=[0-9a-f]+&exp=\\d+$`),
    )
    expect(links.expiresAt).toBe(new Date(NOW.getTime() + 5 * 60_000).toISOString())
  })

  it('reports an unknown invoice as not found', async () => {
    const adapter = memory()
    const usage = (await adapter.listLedger({ filter: { types: ['usage'] }, limit: 1 })).entries[0]
    for (const id of ['in_missing', 'in_zzzzzz', usage.id.replace('txn_', 'in_')]) {
      expect((await rejection(adapter.getInvoiceLinks(id))).code).toBe('not_found')
    }
  })
})
