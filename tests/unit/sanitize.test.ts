import fc from 'fast-check'
import { BillingError, isBillingError, toBillingError } from '../../src/adapter/errors'
import { guardAdapter } from '../../src/adapter/guard'
import { safeUrl, sanitizePaymentMethods } from '../../src/adapter/sanitize'
import {
  sanitizeLedgerPage,
  sanitizeSubscription,
  sanitizeSubscriptions,
  sanitizeWallet,
} from '../../src/adapter/sanitizeActivity'
import type { BillingAdapter } from '../../src/adapter/types'

describe('boundary checks', () => {
  it('turns an unknown status into a neutral unknown and keeps the raw text', () => {
    const sub = sanitizeSubscription({ id: 's1', kind: 'platform', name: 'Plan', status: 'on_hold_weird', quantity: 2 })
    expect(sub.status).toBe('unknown')
    expect(sub.rawStatus).toBe('on_hold_weird')
    expect(sub.price).toBeNull()
  })

  it('drops unsafe links and keeps http(s)', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl('data:text/html,<script>')).toBeNull()
    expect(safeUrl('JAVASCRIPT:alert(1)')).toBeNull()
    expect(safeUrl('blob:https://x/1')).toBeNull()
    expect(safeUrl('blob:https://x/1', { allowBlob: true })).toBe('blob:https://x/1')
    expect(safeUrl('https://apps.example.com/manage?id=1')).toBe('https://apps.example.com/manage?id=1')
    const sub = sanitizeSubscription({
      id: 's',
      kind: 'marketplace',
      name: 'App',
      status: 'active',
      manageUrl: 'javascript:alert(1)',
    })
    expect(sub.manageUrl).toBeNull()
  })

  it('keeps the readable items of a list and drops the broken ones', () => {
    const list = sanitizeSubscriptions([
      { id: 'ok', kind: 'resale', name: 'SEO', status: 'active' },
      { name: 'no id' },
      42,
      null,
    ])
    expect(list.map((s) => s.id)).toEqual(['ok'])
  })

  it('refuses money that is not integer minor units', () => {
    const page = sanitizeLedgerPage({
      entries: [
        {
          id: 'a',
          createdAt: '2026-01-01T00:00:00Z',
          type: 'usage',
          status: 'succeeded',
          description: 'x',
          amount: { amount: 12.5, currency: 'USD' },
        },
        {
          id: 'b',
          createdAt: '2026-01-01T00:00:00Z',
          type: 'mystery',
          status: '???',
          description: 'y',
          amount: { amount: -300, currency: 'usd' },
        },
      ],
      nextCursor: null,
    })
    expect(page.entries[0].amount).toBeNull()
    expect(page.entries[1]).toMatchObject({
      type: 'unknown',
      status: 'unknown',
      amount: { amount: -300, currency: 'USD' },
    })
  })

  it('keeps a single default payment method', () => {
    const list = sanitizePaymentMethods([
      { id: 'a', type: 'card', brand: 'visa', last4: '4242', isDefault: true },
      { id: 'b', type: 'card', brand: 'weird', last4: 'abcd', isDefault: true },
    ])
    expect(list.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['a'])
    expect(list[1]).toMatchObject({ brand: 'unknown', last4: '••••' })
  })

  it('reports a wallet without a balance as a typed invalid_response error', () => {
    expect(() => sanitizeWallet({ currency: 'USD' })).toThrow(BillingError)
    try {
      sanitizeWallet({ currency: 'USD' })
    } catch (error) {
      expect(toBillingError(error).code).toBe('invalid_response')
    }
  })

  it('never throws anything but a BillingError and never yields an unsafe link (fuzz)', () => {
    const anyValue = fc.anything({ withNullPrototype: false, maxDepth: 3 })
    const urlish = fc.oneof(
      fc.constantFrom(
        'javascript:alert(1)',
        'data:text/html,x',
        'vbscript:x',
        ' https://ok.example',
        'https://ok.example/a',
        'blob:https://x/1',
        '//evil.example',
      ),
      fc.webUrl(),
      fc.string(),
    )
    fc.assert(
      fc.property(anyValue, urlish, fc.string(), (junk, url, status) => {
        for (const fn of [sanitizeSubscriptions, sanitizeLedgerPage, sanitizeWallet, sanitizePaymentMethods]) {
          try {
            fn(junk)
          } catch (error) {
            expect(isBillingError(error)).toBe(true)
          }
        }
        const sub = sanitizeSubscription({ id: 'x', kind: 'marketplace', name: 'n', status, manageUrl: url })
        if (sub.manageUrl !== null) expect(sub.manageUrl).toMatch(/^https?:\/\//)
        expect(['active', 'trialing', 'past_due', 'paused', 'canceled', 'incomplete', 'unknown']).toContain(sub.status)
      }),
      { numRuns: 1000, seed: 42 },
    )
  })
})

describe('guardAdapter', () => {
  const base: BillingAdapter = {
    getBillingProfile: async () => null,
    listSubscriptions: async () => [],
    listPaymentMethods: async () => {
      throw new TypeError('Failed to fetch')
    },
    getWallet: async () => {
      throw 'boom'
    },
    listLedger: async () => ({ entries: [], nextCursor: null }),
  }

  it('keeps missing capabilities missing', () => {
    const guarded = guardAdapter(base)
    expect(guarded.addFunds).toBeUndefined()
    expect(typeof guarded.listLedger).toBe('function')
  })

  it('turns anything thrown into a BillingError with a code', async () => {
    const guarded = guardAdapter(base)
    await expect(guarded.listPaymentMethods()).rejects.toMatchObject({
      name: 'BillingError',
      code: 'network',
      retryable: true,
    })
    await expect(guarded.getWallet()).rejects.toMatchObject({ name: 'BillingError', code: 'unknown' })
  })

  it('keeps typed errors from the host as they are', async () => {
    const guarded = guardAdapter({
      ...base,
      addFunds: async () => {
        throw new BillingError('card_declined', { declineCode: 'insufficient_funds' })
      },
    })
    await expect(
      guarded.addFunds?.({ amount: { amount: 100, currency: 'USD' }, paymentMethodId: 'pm', idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ code: 'card_declined', declineCode: 'insufficient_funds', retryable: false })
  })
})
