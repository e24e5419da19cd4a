// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpAdapter, fetchCapabilities } from '../../src/adapter/http'
import { PLATFORM_SUBSCRIPTION_ID, SEED_CARDS } from '../../src/adapter/memory'
import { isBillingError, type BillingError } from '../../src/adapter/errors'
import { OPTIONAL_METHODS, type BillingAdapter } from '../../src/adapter/types'
import { FULL_ACCESS, READ_ONLY, startStack, type TestStack } from '../../examples/server/test-kit'

const NOW = new Date('2026-11-26T15:00:00Z')
let s: TestStack

beforeAll(async () => {
  s = await startStack({
    now: () => NOW,
    accounts: [{ accountId: 'acct_a' }, { accountId: 'acct_b', seed: 2, locale: 'en' }],
    tokens: {
      'token-a': { accountId: 'acct_a', permissions: FULL_ACCESS },
      'token-b': { accountId: 'acct_b', permissions: FULL_ACCESS },
      'token-a-read': { accountId: 'acct_a', permissions: READ_ONLY },
      'token-a-no-money': { accountId: 'acct_a', permissions: { read: true, write: true, moveMoney: false } },
    },
  })
})
afterAll(async () => {
  await s.close()
})

const as = (token: string): BillingAdapter =>
  createHttpAdapter({ baseUrl: s.url, headers: { Authorization: `Bearer ${token}` }, retries: 0 })

async function caught(action: Promise<unknown>): Promise<BillingError> {
  try {
    await action
  } catch (error) {
    if (isBillingError(error)) return error
    throw error
  }
  throw new Error('expected a BillingError, but the call succeeded')
}

/** Everything a caller could have changed in an account, straight from the database. */
async function state(account: string) {
  const one = (sql: string) => s.store.sql.all(sql, [account])
  return {
    ledger: await one('SELECT id, wallet_delta FROM ledger_entries WHERE account_id = ? ORDER BY seq'),
    wallet: await one('SELECT balance, entry_count FROM wallets WHERE account_id = ?'),
    cards: await one('SELECT id, is_default, removed_at FROM payment_methods WHERE account_id = ? ORDER BY id'),
    subscriptions: await one(
      'SELECT id, cancel_at_period_end, plan_id FROM subscriptions WHERE account_id = ? ORDER BY id',
    ),
    profile: await one('SELECT * FROM billing_profiles WHERE account_id = ?'),
    autoRecharge: await one('SELECT enabled, threshold, amount FROM auto_recharge WHERE account_id = ?'),
  }
}

describe('who may reach which account', () => {
  it('answers 401 without a token or with an unknown one, for reads and writes', async () => {
    const none = createHttpAdapter({ baseUrl: s.url, retries: 0 })
    expect((await caught(none.getWallet())).code).toBe('unauthorized')
    expect((await caught(as('forged').listLedger({}))).code).toBe('unauthorized')
    const before = await state('acct_a')
    const error = await caught(
      as('forged').addFunds!({
        amount: { amount: 2500, currency: 'USD' },
        paymentMethodId: SEED_CARDS.visa,
        idempotencyKey: 'forged',
      }),
    )
    expect([error.code, error.status]).toEqual(['unauthorized', 401])
    expect(await state('acct_a')).toEqual(before)
  })

  it("each token sees only its own account's data", async () => {
    const [a, b] = await Promise.all([as('token-a').getBillingProfile(), as('token-b').getBillingProfile()])
    const serviceB = s.billing.forAccount('acct_b')
    expect(b).toEqual(await serviceB.getBillingProfile())
    expect((await as('token-a').getWallet()).currency).toBe('USD')
    // Seeded ids repeat across accounts (each account is seeded alike); the rows are still each account's own.
    const ledgerA = (await as('token-a').listLedger({ limit: 200 })).entries
    const ledgerB = (await serviceB.listLedger({ limit: 200 })).entries
    expect(a?.name).toBeTruthy()
    expect((await as('token-b').listLedger({ limit: 200 })).entries).toEqual(ledgerB)
    expect(ledgerA.map((e) => e.description)).not.toEqual(ledgerB.map((e) => e.description))
  })

  it("no path parameter reaches another account: B's own ids are not found for A, and nothing of B changes", async () => {
    const serviceB = s.billing.forAccount('acct_b')
    const cardOfB = await serviceB.attachPaymentMethod({
      setupIntentId: (await serviceB.createSetupIntent()).clientSecret.split('_secret_')[0],
      paymentMethodId: 'pm_card_mastercard',
      makeDefault: false,
    })
    await serviceB.changePlan({
      subscriptionId: PLATFORM_SUBSCRIPTION_ID,
      planId: 'plan_agency_saas_pro',
      idempotencyKey: 'b-upgrade',
    })
    const invoiceOfB = (await serviceB.listLedger({ filter: { types: ['subscription_charge'] }, limit: 1 })).entries[0]
      .invoice!.id
    expect(await serviceB.getInvoiceLinks(invoiceOfB)).toBeTruthy()
    const before = await state('acct_b')
    const a = as('token-a')
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['remove B card', () => a.removePaymentMethod!(cardOfB.id)],
      ['default B card', () => a.setDefaultPaymentMethod!(cardOfB.id)],
      [
        'top up with B card',
        () =>
          a.addFunds!({
            amount: { amount: 2500, currency: 'USD' },
            paymentMethodId: cardOfB.id,
            idempotencyKey: 'b-card',
          }),
      ],
      ['B invoice', () => a.getInvoiceLinks!(invoiceOfB)],
    ]
    for (const [label, attempt] of attempts) {
      const error = await caught(attempt())
      expect([label, error.code]).toEqual([label, 'not_found'])
    }
    // Seeded subscriptions share ids across accounts: A canceling "its" platform plan must leave B's alone.
    await a.cancelSubscription!({ subscriptionId: PLATFORM_SUBSCRIPTION_ID })
    expect(await state('acct_b')).toEqual(before)
    await a.resumeSubscription!(PLATFORM_SUBSCRIPTION_ID)
  })

  it('a read-only token reads but every write is 403 and changes nothing', async () => {
    const read = as('token-a-read')
    expect((await read.getWallet()).currency).toBe('USD')
    const before = await state('acct_a')
    const wallet = await read.getWallet()
    const profile = (await read.getBillingProfile())!
    const writes: Array<[string, () => Promise<unknown>]> = [
      [
        'addFunds',
        () =>
          read.addFunds!({
            amount: { amount: 2500, currency: 'USD' },
            paymentMethodId: SEED_CARDS.visa,
            idempotencyKey: 'ro',
          }),
      ],
      ['updateAutoRecharge', () => read.updateAutoRecharge!({ ...wallet.autoRecharge, enabled: false })],
      ['cancelSubscription', () => read.cancelSubscription!({ subscriptionId: PLATFORM_SUBSCRIPTION_ID })],
      [
        'changePlan',
        () =>
          read.changePlan!({
            subscriptionId: PLATFORM_SUBSCRIPTION_ID,
            planId: 'plan_agency_saas_pro',
            idempotencyKey: 'ro-plan',
          }),
      ],
      ['removePaymentMethod', () => read.removePaymentMethod!(SEED_CARDS.mastercardExpired)],
      ['setDefaultPaymentMethod', () => read.setDefaultPaymentMethod!(SEED_CARDS.amexExpiring)],
      ['createSetupIntent', () => read.createSetupIntent!()],
      ['updateBillingProfile', () => read.updateBillingProfile!({ ...profile, name: 'Changed' })],
    ]
    for (const [label, attempt] of writes) {
      const error = await caught(attempt())
      expect([label, error.code, error.status]).toEqual([label, 'forbidden', 403])
    }
    expect(await state('acct_a')).toEqual(before)
  })

  it('a token without moveMoney may edit but not move money', async () => {
    const editor = as('token-a-no-money')
    const before = await state('acct_a')
    const error = await caught(
      editor.addFunds!({
        amount: { amount: 2500, currency: 'USD' },
        paymentMethodId: SEED_CARDS.visa,
        idempotencyKey: 'no-money',
      }),
    )
    expect(error.code).toBe('forbidden')
    expect((await state('acct_a')).ledger).toEqual(before.ledger)
    const methods = await editor.setDefaultPaymentMethod!(SEED_CARDS.visa)
    expect(methods.find((m) => m.isDefault)?.id).toBe(SEED_CARDS.visa)
  })

  it('capabilities list only what the caller may do', async () => {
    const caps = (token: string) => fetchCapabilities({ baseUrl: s.url, headers: { Authorization: `Bearer ${token}` } })
    expect(await caps('token-a')).toEqual([...OPTIONAL_METHODS])
    expect(await caps('token-a-read')).toEqual(['getInvoiceLinks', 'listPlans', 'getSpendSummary'])
    expect(await caps('token-a-no-money')).not.toContain('addFunds')
    expect(await caps('token-a-no-money')).toContain('attachPaymentMethod')
    const readOnly = createHttpAdapter({ baseUrl: s.url, capabilities: await caps('token-a-read') })
    expect(readOnly.addFunds).toBeUndefined()
    expect(typeof readOnly.listPlans).toBe('function')
  })
})
