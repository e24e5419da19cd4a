// @vitest-environment node
/**
 * What the host and the customer hear: events through `onEvent` and signed webhooks from the
 * outbox (retried after a receiver's 500, delivered once across two workers, kept through a
 * `kill -9`), and receipts by email through a real SMTP server, in the account's language, with a
 * PDF whose text is read back. Every receiver listens on 127.0.0.1 and is closed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { SEED_CARDS } from '../../src/adapter/memory'
import type { Money } from '../../src/adapter/types'
import type { BillingLocale } from '../../src/i18n/locales'
import { formatDocumentMoney } from '../../src/server/documents/format'
import { createSmtpMailer } from '../../src/server/email'
import { type BillingServiceOptions, createBillingService } from '../../src/server/service/index'
import { type BillingEvent, verifyBillingWebhook, WebhookSignatureError } from '../../src/server/webhooks'
import { seedAccount } from '../../examples/server/seed'
import { startExampleServer } from '../support/example-server'
import { movableClock, storeKit } from '../support/stores'

type Kind = 'sqlite' | 'postgres'
const ACCOUNT = 'acct_a'
const WEBHOOK_SECRET = 'whsec-for-tests-0123456789abcdefghijkl'
const usd = (amount: number): Money => ({ amount, currency: 'USD' })

const { cleanups, sharedStore: emptyStore } = storeKit()

interface Delivery {
  body: string
  signature: string | null
}

/** A webhook receiver on 127.0.0.1 that answers each delivery with the next status in `statuses` (then 200). */
async function webhookReceiver(statuses: number[] = []) {
  const deliveries: Delivery[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      deliveries.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: req.headers['billing-signature'] as string,
      })
      res.statusCode = statuses.shift() ?? 200
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/hooks/billing`, deliveries }
}

/** An SMTP server on 127.0.0.1 that keeps every message it is sent. */
async function smtpReceiver() {
  const messages: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, messages }
}

/** The PDF's standard fonts print no-break spaces (Intl's, before € or between French thousands) as plain ones. */
const spaced = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ')

async function pdfText(content: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(content))
  const { text } = await extractText(pdf, { mergePages: true })
  return spaced(text)
}

async function service(kind: Kind, options: Partial<BillingServiceOptions>, seed: { locale?: BillingLocale } = {}) {
  const { store, open } = await emptyStore(kind)
  const clock = movableClock()
  await seedAccount(store, { accountId: ACCOUNT, now: clock.now(), locale: seed.locale ?? 'en' })
  const billing = createBillingService({
    store,
    clock: clock.now,
    documents: {
      secret: 'document-secret-for-tests-0123456789',
      baseUrl: 'http://127.0.0.1/documents',
      brandName: 'Acme CRM',
    },
    ...options,
  })
  return { billing, s: billing.forAccount(ACCOUNT), clock, store, open }
}

describe.each<Kind>(['sqlite', 'postgres'])('notifications on %s', (kind) => {
  it('signs each webhook, retries it after a 500, and calls onEvent once', async () => {
    const receiver = await webhookReceiver([500])
    const heard: BillingEvent[] = []
    const { billing, s, clock } = await service(kind, {
      webhooks: { url: receiver.url, secret: WEBHOOK_SECRET },
      onEvent: (event) => {
        heard.push(event)
      },
    })
    await s.addFunds({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'top-1' })
    expect(receiver.deliveries).toHaveLength(0)
    const first = await billing.runDueWork()
    expect(first).toMatchObject({ ran: 2, succeeded: 1, retried: 1 })
    expect(heard.map((e) => e.type)).toEqual(['wallet.top_up.succeeded'])
    // Not due again until the backoff has passed.
    expect((await billing.runDueWork()).ran).toBe(0)
    clock.advance(31_000)
    expect(await billing.runDueWork()).toMatchObject({ ran: 1, succeeded: 1 })
    expect(receiver.deliveries).toHaveLength(2)
    const [failed, delivered] = receiver.deliveries
    expect(delivered.body).toBe(failed.body)
    const event = verifyBillingWebhook({
      body: delivered.body,
      signature: delivered.signature,
      secret: WEBHOOK_SECRET,
      now: clock.now(),
    })
    expect(event).toMatchObject({
      id: heard[0].id,
      type: 'wallet.top_up.succeeded',
      accountId: ACCOUNT,
      data: { amount: usd(2500), receipt: { number: expect.stringMatching(/^RCP-/) } },
    })
    expect(() =>
      verifyBillingWebhook({
        body: delivered.body.replace('2500', '2501'),
        signature: delivered.signature,
        secret: WEBHOOK_SECRET,
        now: clock.now(),
      }),
    ).toThrow(WebhookSignatureError)
    expect(() =>
      verifyBillingWebhook({
        body: delivered.body,
        signature: delivered.signature,
        secret: WEBHOOK_SECRET,
        now: new Date(clock.now().getTime() + 600_000),
      }),
    ).toThrow(/older than 300 seconds/)
    expect(heard).toHaveLength(1)
  })

  it('tells the host about low balance, refused usage, failed and paused recharges, and expiring credits', async () => {
    const heard: BillingEvent[] = []
    const { billing, s, store, clock } = await service(kind, { onEvent: (event) => void heard.push(event) })
    await s.updateWalletNotifications({ lowBalanceEmail: usd(2000), receipts: false })
    const w = await s.getWallet()
    const held = w.credits.reduce((sum, c) => sum + c.remaining.amount, 0) + w.balance.amount
    await billing.recordUsage(ACCOUNT, [{ idempotencyKey: 'low', category: 'sms', amount: held - 1500 }])
    await billing.recordUsage(ACCOUNT, [{ idempotencyKey: 'more', category: 'sms', amount: 100 }])
    await billing.recordUsage(ACCOUNT, [{ idempotencyKey: 'refused', category: 'sms', amount: 5000 }])
    await s.setDefaultPaymentMethod(SEED_CARDS.visaDeclining)
    await s.updateAutoRecharge({
      enabled: true,
      mode: 'fixed',
      threshold: usd(1500),
      amount: usd(2500),
      monthlyCap: null,
    })
    for (let i = 0; i < 2; i++) {
      clock.advance(2 * 3_600_000)
      await billing.runDueWork()
    }
    await store.transaction((tx) =>
      tx.insertCredit(ACCOUNT, {
        id: 'promo',
        description: 'Promo',
        amount: 300,
        remaining: 300,
        grantedAt: clock.now().toISOString(),
        expiresAt: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
      }),
    )
    await billing.runDueWork()
    await billing.runDueWork()
    const types = heard.map((e) => e.type)
    // One low-balance alert for the crossing, not one per event below the threshold.
    expect(types.filter((t) => t === 'wallet.low_balance')).toHaveLength(1)
    expect(types).toEqual(
      expect.arrayContaining(['usage.rejected', 'auto_recharge.failed', 'auto_recharge.paused', 'credits.expiring']),
    )
    expect(types.filter((t) => t === 'auto_recharge.failed')).toHaveLength(3)
    expect(types.filter((t) => t === 'credits.expiring')).toHaveLength(1)
    const rejected = heard.find((e) => e.type === 'usage.rejected')
    expect(rejected?.data).toMatchObject({
      count: 1,
      events: [{ idempotencyKey: 'refused', reason: 'no_auto_recharge' }],
    })
    const paused = heard.find((e) => e.type === 'auto_recharge.paused')
    expect(paused?.data).toMatchObject({ reason: 'card_declined', consecutiveFailures: 3 })
  })

  it('two workers deliver each event once', async () => {
    const receiver = await webhookReceiver()
    const { billing, s, open, clock } = await service(kind, { webhooks: { url: receiver.url, secret: WEBHOOK_SECRET } })
    for (let i = 0; i < 12; i++) {
      await s.addFunds({ amount: usd(1000 + i), paymentMethodId: SEED_CARDS.visa, idempotencyKey: `two-${i}` })
    }
    const other = createBillingService({
      store: await open(),
      clock: clock.now,
      webhooks: { url: receiver.url, secret: WEBHOOK_SECRET },
    })
    const runs = await Promise.all([
      billing.runDueWork({ limit: 5 }),
      other.runDueWork({ limit: 5 }),
      billing.runDueWork(),
      other.runDueWork(),
    ])
    expect(runs.reduce((sum, r) => sum + r.ran, 0)).toBe(12)
    const ids = receiver.deliveries.map((d) => (JSON.parse(d.body) as BillingEvent).id)
    expect(ids).toHaveLength(12)
    expect(new Set(ids).size).toBe(12)
  })
})

describe('the outbox through a crash', () => {
  it('an event written before kill -9 is delivered by the next worker', async () => {
    const receiver = await webhookReceiver()
    const dir = mkdtempSync(path.join(tmpdir(), 'billing-outbox-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'billing.sqlite')
    const server = await startExampleServer({
      BILLING_DB: file,
      BILLING_WEBHOOK_URL: receiver.url,
      BILLING_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // This instance never gets to run its due work.
      BILLING_WORK_INTERVAL_MS: '3600000',
    })
    cleanups.push(() => server.kill('SIGKILL'))
    const response = await fetch(`${server.url}/v1/wallet/top-ups`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-en', 'Content-Type': 'application/json', 'Idempotency-Key': 'crash-1' },
      body: JSON.stringify({ amount: usd(2500), paymentMethodId: SEED_CARDS.visa }),
    })
    expect(response.status).toBe(200)
    await server.kill('SIGKILL')
    expect(receiver.deliveries).toHaveLength(0)
    const { store } = await emptyStore('sqlite', file)
    const next = createBillingService({ store, webhooks: { url: receiver.url, secret: WEBHOOK_SECRET } })
    expect((await next.runDueWork()).succeeded).toBe(1)
    const event = verifyBillingWebhook({
      body: receiver.deliveries[0].body,
      signature: receiver.deliveries[0].signature,
      secret: WEBHOOK_SECRET,
    })
    expect(event).toMatchObject({
      type: 'wallet.top_up.succeeded',
      accountId: 'acct_demo_en',
      data: { amount: usd(2500) },
    })
  })
})

/** A top-up receipt's words, written out per language so that a change of wording shows here. */
const RECEIPT_WORDS: Partial<
  Record<
    BillingLocale,
    { subject: string; added: (amount: string) => string; balance: string; title: string; after: string; line: string }
  >
> = {
  en: {
    subject: 'Wallet top-up receipt',
    added: (amount) => `We added ${amount} to your wallet with Visa •••• 4242.`,
    balance: 'Wallet balance: ',
    title: 'Receipt',
    after: 'Wallet balance after',
    line: 'Funds added to wallet',
  },
  es: {
    subject: 'Recibo de recarga de cartera',
    added: (amount) => `Agregamos ${amount} a tu cartera con Visa •••• 4242.`,
    balance: 'Saldo de la cartera: ',
    title: 'Recibo',
    after: 'Saldo de la cartera después',
    line: 'Fondos agregados a la cartera',
  },
  de: {
    subject: 'Beleg für die Guthabenaufladung',
    added: (amount) => `Wir haben Ihrem Guthabenkonto ${amount} gutgeschrieben, bezahlt mit Visa •••• 4242.`,
    balance: 'Guthaben: ',
    title: 'Beleg',
    after: 'Guthaben danach',
    line: 'Guthaben aufgeladen',
  },
  fr: {
    subject: 'Reçu de rechargement du portefeuille',
    added: (amount) => `Nous avons ajouté ${amount} à votre portefeuille avec Visa •••• 4242.`,
    balance: 'Solde du portefeuille\u00a0: ',
    title: 'Reçu',
    after: 'Solde du portefeuille après',
    line: 'Fonds ajoutés au portefeuille',
  },
}

/** English a translated receipt has no business holding. */
const ENGLISH = /\b(wallet|receipt|balance|added|funds|top-up|settings|billing|paid|amount)\b/i

describe('receipts by email', () => {
  it.each(Object.keys(RECEIPT_WORDS) as BillingLocale[])(
    'arrive once per top-up in %s, with a PDF holding the amount and card',
    async (locale) => {
      const words = RECEIPT_WORDS[locale]
      if (!words) throw new Error(`no receipt words for ${locale}`)
      const smtp = await smtpReceiver()
      const mailer = createSmtpMailer({ url: smtp.url })
      cleanups.push(() => mailer.close())
      const { billing, s } = await service(
        'sqlite',
        { email: { mailer, from: 'Acme CRM <billing@acme.test>' } },
        { locale },
      )
      const profile = await s.getBillingProfile()
      if (!profile) throw new Error('the seeded account has a billing profile')
      // Not asked for: a top-up sends nothing.
      await s.addFunds({ amount: usd(1000), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'quiet' })
      await billing.runDueWork()
      expect(smtp.messages).toHaveLength(0)
      await s.updateBillingProfile({ ...profile, walletReceipts: true })
      const paid = await s.addFunds({ amount: usd(2550), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'loud' })
      await s.addFunds({ amount: usd(2550), paymentMethodId: SEED_CARDS.visa, idempotencyKey: 'loud' })
      await billing.runDueWork()
      await billing.runDueWork()
      expect(smtp.messages).toHaveLength(1)
      const [mail] = smtp.messages
      const amount = formatDocumentMoney(usd(2550), locale)
      const balance = formatDocumentMoney(paid.wallet.balance, locale)
      expect(paid.entry.description).toBe(words.line)
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(profile.email)
      expect(mail.subject).toBe(`${words.subject} ${paid.entry.invoice?.number} — Acme CRM`)
      expect(mail.text).toContain(words.added(amount))
      expect(mail.text).toContain(`${words.balance}${balance}`)
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        [`${paid.entry.invoice?.number}.pdf`, 'application/pdf'],
      ])
      const text = await pdfText(mail.attachments[0].content)
      expect(text).toContain(spaced(amount))
      expect(text).toContain('4242')
      expect(text).toContain(words.title)
      expect(text).toContain(words.line)
      expect(text).toContain(`${words.after} ${spaced(balance)}`)
      if (locale !== 'en') {
        expect(mail.subject).not.toMatch(ENGLISH)
        expect(mail.text).not.toMatch(ENGLISH)
        expect(text).not.toMatch(ENGLISH)
      }
    },
  )

  it('an auto-recharge sends its receipt too, and balance alerts go to those who asked', async () => {
    const smtp = await smtpReceiver()
    const mailer = createSmtpMailer({ url: smtp.url })
    cleanups.push(() => mailer.close())
    const { billing, s } = await service(
      'sqlite',
      { email: { mailer, from: 'Acme CRM <billing@acme.test>' } },
      { locale: 'es' },
    )
    const profile = await s.getBillingProfile()
    if (!profile) throw new Error('the seeded account has a billing profile')
    const saved = await s.updateWalletNotifications({ lowBalanceEmail: usd(1500), receipts: true })
    expect(saved.notifications).toEqual({ lowBalanceEmail: usd(1500), receipts: true })
    expect((await s.getBillingProfile())?.walletReceipts).toBe(true)
    await s.updateAutoRecharge({
      enabled: true,
      mode: 'fixed',
      threshold: usd(1000),
      amount: usd(2500),
      monthlyCap: null,
    })
    const w = await s.getWallet()
    const held = w.credits.reduce((sum, c) => sum + c.remaining.amount, 0) + w.balance.amount
    await billing.recordUsage(ACCOUNT, [{ idempotencyKey: 'drain', category: 'sms', amount: held - 900 }])
    await billing.runDueWork()
    const subjects = smtp.messages.map((m) => m.subject).toSorted()
    expect(subjects).toEqual([
      expect.stringMatching(/^Recibo de recarga automática RCP-\d{4}-\d{5} — Acme CRM$/),
      'Saldo bajo en tu cartera — Acme CRM',
    ])
    const receipt = smtp.messages.find((m) => m.subject?.startsWith('Recibo'))
    const text = await pdfText(receipt?.attachments[0].content as Buffer)
    expect(text).toContain(spaced(formatDocumentMoney(usd(2500), 'es')))
    expect(text).toContain('Recarga automática')
  })
})
