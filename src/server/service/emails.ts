/**
 * Emails to the account holder, in the account's language: a receipt with its PDF for each
 * top-up and auto-recharge (when the billing profile asks for wallet receipts), and low-balance
 * and paused-auto-recharge alerts (when the account turned balance emails on). Sent from the
 * outbox through a `Mailer`; `react-billing-panel/server/email` has one over SMTP.
 */
import type { SeedLocale } from '../../adapter/memory/text'
import type { Money } from '../../adapter/types'
import { formatDocumentMoney } from '../documents/format'
import { type ServiceDeps, localeOf } from './context'
import { loadDocument } from './invoices'
import type { EmailJob } from './outbox'

export type { MailMessage, Mailer } from './mailer'

interface ReceiptFacts {
  brand: string
  name: string
  amount: string
  card: string | null
  balance: string
  number: string
  auto: boolean
}

const COPY = {
  es: {
    receiptSubject: (f: ReceiptFacts) =>
      `${f.auto ? 'Recibo de recarga automática' : 'Recibo de recarga de cartera'} ${f.number} — ${f.brand}`,
    receiptBody: (f: ReceiptFacts) =>
      [
        `Hola, ${f.name}:`,
        '',
        f.auto
          ? `Se realizó una recarga automática de ${f.amount} a tu cartera${f.card ? ` con ${f.card}` : ''}.`
          : `Agregamos ${f.amount} a tu cartera${f.card ? ` con ${f.card}` : ''}.`,
        `Saldo de la cartera: ${f.balance}`,
        `Recibo: ${f.number}`,
        '',
        'Adjuntamos el recibo en PDF. Puedes ver todas tus transacciones en Configuración > Facturación.',
        '',
        f.brand,
      ].join('\n'),
    lowSubject: (brand: string) => `Saldo bajo en tu cartera — ${brand}`,
    lowBody: (name: string, balance: string, threshold: string, brand: string) =>
      [
        `Hola, ${name}:`,
        '',
        `El saldo de tu cartera es ${balance}, igual o inferior a ${threshold}.`,
        'Agrega fondos para evitar interrupciones en los servicios pagados.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand: string) => `La recarga automática está en pausa — ${brand}`,
    pausedBody: (name: string, reason: string, brand: string) =>
      [
        `Hola, ${name}:`,
        '',
        reason === 'no_payment_method'
          ? 'Pausamos la recarga automática de tu cartera porque no hay una tarjeta principal.'
          : 'Pausamos la recarga automática de tu cartera porque tu tarjeta fue rechazada varias veces seguidas.',
        'Actualiza tu método de pago en Configuración > Facturación para reanudarla.',
        '',
        brand,
      ].join('\n'),
  },
  en: {
    receiptSubject: (f: ReceiptFacts) =>
      `${f.auto ? 'Auto-recharge receipt' : 'Wallet top-up receipt'} ${f.number} — ${f.brand}`,
    receiptBody: (f: ReceiptFacts) =>
      [
        `Hello ${f.name},`,
        '',
        f.auto
          ? `Auto-recharge added ${f.amount} to your wallet${f.card ? ` with ${f.card}` : ''}.`
          : `We added ${f.amount} to your wallet${f.card ? ` with ${f.card}` : ''}.`,
        `Wallet balance: ${f.balance}`,
        `Receipt: ${f.number}`,
        '',
        'The receipt is attached as a PDF. You can see every transaction under Settings > Billing.',
        '',
        f.brand,
      ].join('\n'),
    lowSubject: (brand: string) => `Your wallet balance is low — ${brand}`,
    lowBody: (name: string, balance: string, threshold: string, brand: string) =>
      [
        `Hello ${name},`,
        '',
        `Your wallet balance is ${balance}, at or below ${threshold}.`,
        'Add funds to avoid interruptions to paid services.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand: string) => `Auto-recharge is paused — ${brand}`,
    pausedBody: (name: string, reason: string, brand: string) =>
      [
        `Hello ${name},`,
        '',
        reason === 'no_payment_method'
          ? 'We paused your wallet’s auto-recharge because there is no default card.'
          : 'We paused your wallet’s auto-recharge because your card was declined several times in a row.',
        'Update your payment method under Settings > Billing to resume it.',
        '',
        brand,
      ].join('\n'),
  },
} satisfies Record<SeedLocale, unknown>

function brandOf(deps: ServiceDeps): string {
  return deps.documents?.brandName ?? deps.notify.brandName
}

/** Sends the email a job asks for, if the account wants it; answers what happened. */
export async function sendAccountEmail(
  deps: ServiceDeps,
  accountId: string,
  job: EmailJob,
): Promise<'sent' | 'not_wanted'> {
  const event = job.event
  const { mailer, emailFrom } = deps.notify
  if (!mailer || !emailFrom) return 'not_wanted'
  const reads = deps.store.read
  const [account, profile] = [await reads.account(accountId), await reads.profile(accountId)]
  if (!account || !profile?.email) return 'not_wanted'
  const locale = localeOf(account)
  const copy = COPY[locale]
  const brand = brandOf(deps)
  const money = (m: Money) => formatDocumentMoney(m, locale)
  const base = { from: emailFrom, to: profile.email, messageId: `<${job.eventId}.${job.kind}@billing>` }

  if (job.kind === 'receipt') {
    if (!profile.walletReceipts || !job.entryId) return 'not_wanted'
    const entry = await reads.entry(accountId, job.entryId)
    if (!entry?.invoiceId) return 'not_wanted'
    // Receipts are built like the signed-link PDFs, with the same brand.
    const document = await loadDocument(
      deps.documents ? deps : { ...deps, documents: { secret: '', baseUrl: '', brandName: brand, linkTtlMs: 0 } },
      accountId,
      entry.invoiceId,
    )
    const { renderBillingDocument } = await import('../documents/pdf')
    const pdf = await renderBillingDocument(document)
    const facts: ReceiptFacts = {
      brand,
      name: profile.name,
      amount: money({ amount: entry.amount ?? 0, currency: entry.currency }),
      card: document.paymentMethod ?? null,
      balance: money({ amount: entry.balanceAfter ?? 0, currency: entry.currency }),
      number: document.number,
      auto: entry.type === 'auto_recharge',
    }
    await mailer.send({
      ...base,
      subject: copy.receiptSubject(facts),
      text: copy.receiptBody(facts),
      attachments: [{ filename: `${document.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
    })
    return 'sent'
  }

  const alerts = await reads.walletAlerts(accountId)
  if (!alerts?.lowBalanceEmail) return 'not_wanted'
  if (job.kind === 'low_balance' && event?.type === 'wallet.low_balance') {
    await mailer.send({
      ...base,
      subject: copy.lowSubject(brand),
      text: copy.lowBody(profile.name, money(event.data.balance), money(event.data.threshold), brand),
    })
    return 'sent'
  }
  if (job.kind === 'auto_recharge_paused' && event?.type === 'auto_recharge.paused') {
    await mailer.send({
      ...base,
      subject: copy.pausedSubject(brand),
      text: copy.pausedBody(profile.name, event.data.reason, brand),
    })
    return 'sent'
  }
  return 'not_wanted'
}
