import { createMemoryAdapter } from '../../src/adapter/memory'
import { sanitizeLedgerEntry } from '../../src/adapter/sanitizeActivity'
import { NOW } from '../support/render'

describe('memory adapter: the host’s own usage categories', () => {
  it('spends for a category the host named, and shows its label in the history and the spend summary', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const before = await memory.getWallet()
    const { entries } = await memory.simulateUsage({
      unit: 'whatsapp',
      label: 'WhatsApp',
      quantity: 3,
      cost: { amount: 8, currency: 'USD' },
    })
    const usage = entries[entries.length - 1]
    expect(usage).toMatchObject({
      type: 'usage',
      description: 'WhatsApp — 3',
      amount: { amount: -8, currency: 'USD' },
      usage: { unit: 'whatsapp', quantity: 3, label: 'WhatsApp' },
    })
    // What the panel receives over HTTP keeps the label too.
    expect(sanitizeLedgerEntry(JSON.parse(JSON.stringify(usage))).usage).toEqual(usage.usage)
    const after = await memory.getWallet()
    const held = (w: typeof before) => w.balance.amount + w.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
    expect(held(before) - held(after)).toBe(8)
    const summary = await memory.getSpendSummary({
      granularity: 'day',
      from: new Date(NOW.getTime() - 86_400_000).toISOString(),
      to: new Date(NOW.getTime() + 86_400_000).toISOString(),
    })
    expect(summary.categories.find((c) => c.key === 'whatsapp')?.label).toBe('WhatsApp')
  })

  it('refuses a host category without a cost, and a key that is not one', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    await expect(memory.simulateUsage({ unit: 'fax', quantity: 1 })).rejects.toMatchObject({ code: 'validation' })
    await expect(
      memory.simulateUsage({ unit: 'Not a key', cost: { amount: 1, currency: 'USD' } }),
    ).rejects.toMatchObject({ code: 'validation' })
  })
})

describe('memory adapter: the server’s insufficient-funds policy, for the demo', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' })

  it('with reject, recharges first and refuses what still does not fit, spending nothing', async () => {
    const memory = createMemoryAdapter({
      seed: 1,
      now: () => NOW,
      locale: 'en',
      usage: { insufficientFunds: 'reject' },
    })
    const w = await memory.getWallet()
    await memory.updateAutoRecharge({ ...w.autoRecharge, enabled: false })
    const held = w.balance.amount + w.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
    await expect(memory.simulateUsage({ cost: usd(held + 1) })).rejects.toMatchObject({ code: 'conflict' })
    expect((await memory.getWallet()).balance).toEqual(w.balance)
    await memory.simulateUsage({ cost: usd(held) })
    expect((await memory.getWallet()).balance).toEqual(usd(0))
    // Turned on at a zero balance it charges at once; usage that takes it under the threshold recharges again.
    await memory.updateAutoRecharge({
      enabled: true,
      mode: 'fixed',
      threshold: usd(1000),
      amount: usd(2500),
      monthlyCap: null,
    })
    expect((await memory.getWallet()).balance).toEqual(usd(2500))
    const { entries, wallet } = await memory.simulateUsage({ cost: usd(2000) })
    expect(entries.map((e) => e.type)).toEqual(['auto_recharge', 'usage'])
    expect(wallet.balance).toEqual(usd(3000))
    // More than the balance above the threshold: no recharge is due, so it is refused.
    await expect(memory.simulateUsage({ cost: usd(3001) })).rejects.toMatchObject({ code: 'conflict' })
    expect((await memory.getWallet()).balance).toEqual(usd(3000))
  })

  it('by default (allowNegative) spends into a negative balance, as before', async () => {
    const memory = createMemoryAdapter({ seed: 1, now: () => NOW, locale: 'en' })
    const w = await memory.getWallet()
    await memory.updateAutoRecharge({ ...w.autoRecharge, enabled: false })
    const held = w.balance.amount + w.credits.reduce((sum, c) => sum + c.remaining.amount, 0)
    await memory.simulateUsage({ cost: usd(held + 700) })
    expect((await memory.getWallet()).balance).toEqual(usd(-700))
  })
})
