/**
 * Emails to the account holder, in the account's language: a receipt with its PDF for each
 * top-up and auto-recharge (when the billing profile asks for wallet receipts), and low-balance
 * and paused-auto-recharge alerts (when the account turned balance emails on). Sent from the
 * outbox through a `Mailer`; `react-billing-panel/server/email` has one over SMTP.
 */
import type { Money } from '../../adapter/types'
import type { BillingLocale } from '../../i18n/locales'
import { formatDocumentMoney } from '../documents/format'
import { type ServiceDeps, localeOf } from './context'
import { loadDocument } from './invoices'
import type { EmailJob } from './outbox'

export type { MailMessage, Mailer } from './mailer'

export interface ReceiptFacts {
  brand: string
  name: string
  amount: string
  card: string | null
  balance: string
  number: string
  auto: boolean
}

export interface EmailCopy {
  receiptSubject: (f: ReceiptFacts) => string
  receiptBody: (f: ReceiptFacts) => string
  lowSubject: (brand: string) => string
  lowBody: (name: string, balance: string, threshold: string, brand: string) => string
  pausedSubject: (brand: string) => string
  /** `reason` is the pause's: `no_payment_method`, or repeated declines. */
  pausedBody: (name: string, reason: string, brand: string) => string
}

/** Every email's words per language; money and numbers come in already formatted for it. */
export const EMAIL_COPY: Record<BillingLocale, EmailCopy> = {
  en: {
    receiptSubject: (f) => `${f.auto ? 'Auto-recharge receipt' : 'Wallet top-up receipt'} ${f.number} — ${f.brand}`,
    receiptBody: (f) =>
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
    lowSubject: (brand) => `Your wallet balance is low — ${brand}`,
    lowBody: (name, balance, threshold, brand) =>
      [
        `Hello ${name},`,
        '',
        `Your wallet balance is ${balance}, at or below ${threshold}.`,
        'Add funds to avoid interruptions to paid services.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand) => `Auto-recharge is paused — ${brand}`,
    pausedBody: (name, reason, brand) =>
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
  es: {
    receiptSubject: (f) =>
      `${f.auto ? 'Recibo de recarga automática' : 'Recibo de recarga de cartera'} ${f.number} — ${f.brand}`,
    receiptBody: (f) =>
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
    lowSubject: (brand) => `Saldo bajo en tu cartera — ${brand}`,
    lowBody: (name, balance, threshold, brand) =>
      [
        `Hola, ${name}:`,
        '',
        `El saldo de tu cartera es ${balance}, igual o inferior a ${threshold}.`,
        'Agrega fondos para evitar interrupciones en los servicios pagados.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand) => `La recarga automática está en pausa — ${brand}`,
    pausedBody: (name, reason, brand) =>
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
  'pt-BR': {
    receiptSubject: (f) =>
      `${f.auto ? 'Recibo de recarga automática' : 'Recibo de recarga da carteira'} ${f.number} — ${f.brand}`,
    receiptBody: (f) =>
      [
        `Olá, ${f.name},`,
        '',
        f.auto
          ? `A recarga automática adicionou ${f.amount} à sua carteira${f.card ? ` com o ${f.card}` : ''}.`
          : `Adicionamos ${f.amount} à sua carteira${f.card ? ` com o ${f.card}` : ''}.`,
        `Saldo da carteira: ${f.balance}`,
        `Recibo: ${f.number}`,
        '',
        'O recibo em PDF está anexado. Você pode ver todas as suas transações em Configurações > Faturamento.',
        '',
        f.brand,
      ].join('\n'),
    lowSubject: (brand) => `Saldo baixo na sua carteira — ${brand}`,
    lowBody: (name, balance, threshold, brand) =>
      [
        `Olá, ${name},`,
        '',
        `O saldo da sua carteira é de ${balance}, igual ou inferior a ${threshold}.`,
        'Adicione saldo para evitar interrupções nos serviços pagos.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand) => `A recarga automática está pausada — ${brand}`,
    pausedBody: (name, reason, brand) =>
      [
        `Olá, ${name},`,
        '',
        reason === 'no_payment_method'
          ? 'Pausamos a recarga automática da sua carteira porque não há um cartão principal.'
          : 'Pausamos a recarga automática da sua carteira porque seu cartão foi recusado várias vezes seguidas.',
        'Atualize sua forma de pagamento em Configurações > Faturamento para retomá-la.',
        '',
        brand,
      ].join('\n'),
  },
  fr: {
    receiptSubject: (f) =>
      `${f.auto ? 'Reçu de rechargement automatique' : 'Reçu de rechargement du portefeuille'} ${f.number} — ${f.brand}`,
    receiptBody: (f) =>
      [
        `Bonjour ${f.name},`,
        '',
        f.auto
          ? `Le rechargement automatique a ajouté ${f.amount} à votre portefeuille${f.card ? ` avec ${f.card}` : ''}.`
          : `Nous avons ajouté ${f.amount} à votre portefeuille${f.card ? ` avec ${f.card}` : ''}.`,
        `Solde du portefeuille\u00a0: ${f.balance}`,
        `Reçu\u00a0: ${f.number}`,
        '',
        'Le reçu est joint au format PDF. Toutes vos transactions se trouvent dans Paramètres > Facturation.',
        '',
        f.brand,
      ].join('\n'),
    lowSubject: (brand) => `Le solde de votre portefeuille est bas — ${brand}`,
    lowBody: (name, balance, threshold, brand) =>
      [
        `Bonjour ${name},`,
        '',
        `Le solde de votre portefeuille est de ${balance}, soit ${threshold} ou moins.`,
        'Ajoutez des fonds pour éviter toute interruption des services payants.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand) => `Le rechargement automatique est en pause — ${brand}`,
    pausedBody: (name, reason, brand) =>
      [
        `Bonjour ${name},`,
        '',
        reason === 'no_payment_method'
          ? 'Nous avons mis en pause le rechargement automatique de votre portefeuille, car aucune carte par défaut n’est enregistrée.'
          : 'Nous avons mis en pause le rechargement automatique de votre portefeuille, car votre carte a été refusée plusieurs fois de suite.',
        'Mettez à jour votre moyen de paiement dans Paramètres > Facturation pour le réactiver.',
        '',
        brand,
      ].join('\n'),
  },
  de: {
    receiptSubject: (f) =>
      `${f.auto ? 'Beleg für die automatische Aufladung' : 'Beleg für die Guthabenaufladung'} ${f.number} — ${f.brand}`,
    receiptBody: (f) =>
      [
        `Hallo ${f.name},`,
        '',
        f.auto
          ? `Die automatische Aufladung hat Ihrem Guthabenkonto ${f.amount} gutgeschrieben${f.card ? `, bezahlt mit ${f.card}` : ''}.`
          : `Wir haben Ihrem Guthabenkonto ${f.amount} gutgeschrieben${f.card ? `, bezahlt mit ${f.card}` : ''}.`,
        `Guthaben: ${f.balance}`,
        `Beleg: ${f.number}`,
        '',
        'Den Beleg finden Sie als PDF im Anhang. Alle Transaktionen sehen Sie unter Einstellungen > Abrechnung.',
        '',
        f.brand,
      ].join('\n'),
    lowSubject: (brand) => `Ihr Guthaben ist niedrig — ${brand}`,
    lowBody: (name, balance, threshold, brand) =>
      [
        `Hallo ${name},`,
        '',
        `Ihr Guthaben beträgt ${balance} und liegt damit bei ${threshold} oder darunter.`,
        'Laden Sie Guthaben auf, damit kostenpflichtige Dienste nicht unterbrochen werden.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand) => `Die automatische Aufladung ist pausiert — ${brand}`,
    pausedBody: (name, reason, brand) =>
      [
        `Hallo ${name},`,
        '',
        reason === 'no_payment_method'
          ? 'Wir haben die automatische Aufladung Ihres Guthabenkontos pausiert, weil keine Standardkarte hinterlegt ist.'
          : 'Wir haben die automatische Aufladung Ihres Guthabenkontos pausiert, weil Ihre Karte mehrmals hintereinander abgelehnt wurde.',
        'Aktualisieren Sie Ihre Zahlungsmethode unter Einstellungen > Abrechnung, um sie wieder einzuschalten.',
        '',
        brand,
      ].join('\n'),
  },
  it: {
    receiptSubject: (f) =>
      `${f.auto ? 'Ricevuta della ricarica automatica' : 'Ricevuta della ricarica del portafoglio'} ${f.number} — ${f.brand}`,
    receiptBody: (f) =>
      [
        `Ciao ${f.name},`,
        '',
        f.auto
          ? `La ricarica automatica ha aggiunto ${f.amount} al tuo portafoglio${f.card ? ` con ${f.card}` : ''}.`
          : `Abbiamo aggiunto ${f.amount} al tuo portafoglio${f.card ? ` con ${f.card}` : ''}.`,
        `Saldo del portafoglio: ${f.balance}`,
        `Ricevuta: ${f.number}`,
        '',
        'In allegato trovi la ricevuta in PDF. Puoi vedere tutte le transazioni in Impostazioni > Fatturazione.',
        '',
        f.brand,
      ].join('\n'),
    lowSubject: (brand) => `Saldo del portafoglio basso — ${brand}`,
    lowBody: (name, balance, threshold, brand) =>
      [
        `Ciao ${name},`,
        '',
        `Il saldo del tuo portafoglio è di ${balance}, pari o inferiore a ${threshold}.`,
        'Aggiungi fondi per evitare interruzioni dei servizi a pagamento.',
        '',
        brand,
      ].join('\n'),
    pausedSubject: (brand) => `La ricarica automatica è in pausa — ${brand}`,
    pausedBody: (name, reason, brand) =>
      [
        `Ciao ${name},`,
        '',
        reason === 'no_payment_method'
          ? 'Abbiamo messo in pausa la ricarica automatica del tuo portafoglio perché non c’è una carta predefinita.'
          : 'Abbiamo messo in pausa la ricarica automatica del tuo portafoglio perché la tua carta è stata rifiutata più volte di seguito.',
        'Aggiorna il metodo di pagamento in Impostazioni > Fatturazione per riattivarla.',
        '',
        brand,
      ].join('\n'),
  },
}

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
  const copy = EMAIL_COPY[locale]
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
