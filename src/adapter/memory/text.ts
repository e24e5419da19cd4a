import type { BillingLocale } from '../../i18n/locales'
import type { BuiltInUsageUnit } from '../types'

/**
 * What a ledger entry says, written in the account's language when it is recorded, as a real
 * backend stores it: the memory adapter's seed and the server write the same words.
 */

/** A count's noun for each plural category `Intl.PluralRules` picks; a category not written uses `other`. */
type CountWords = Partial<Record<Intl.LDMLPluralRule, string>> & { one: string; other: string }

export interface UsageUnitText {
  /** The category the unit is shown under ("Calls"). */
  label: string
  count: CountWords
}

export const USAGE_UNIT_TEXT: Record<BillingLocale, Record<BuiltInUsageUnit, UsageUnitText>> = {
  en: {
    sms: { label: 'SMS', count: { one: 'message', other: 'messages' } },
    email: { label: 'Email', count: { one: 'email', other: 'emails' } },
    call_minute: { label: 'Calls', count: { one: 'minute', other: 'minutes' } },
    ai_request: { label: 'AI assistant', count: { one: 'request', other: 'requests' } },
    phone_number: { label: 'Phone number', count: { one: 'number', other: 'numbers' } },
  },
  // Spanish, Portuguese, French and Italian write "1.000.000 de mensajes": the `many` form.
  es: {
    sms: { label: 'SMS', count: { one: 'mensaje', other: 'mensajes', many: 'de mensajes' } },
    email: { label: 'Correo electrónico', count: { one: 'correo', other: 'correos', many: 'de correos' } },
    call_minute: { label: 'Llamadas', count: { one: 'minuto', other: 'minutos', many: 'de minutos' } },
    ai_request: {
      label: 'Asistente de IA',
      count: { one: 'solicitud', other: 'solicitudes', many: 'de solicitudes' },
    },
    phone_number: { label: 'Número de teléfono', count: { one: 'número', other: 'números', many: 'de números' } },
  },
  'pt-BR': {
    sms: { label: 'SMS', count: { one: 'mensagem', other: 'mensagens', many: 'de mensagens' } },
    email: { label: 'E-mail', count: { one: 'e-mail', other: 'e-mails', many: 'de e-mails' } },
    call_minute: { label: 'Ligações', count: { one: 'minuto', other: 'minutos', many: 'de minutos' } },
    ai_request: {
      label: 'Assistente de IA',
      count: { one: 'solicitação', other: 'solicitações', many: 'de solicitações' },
    },
    phone_number: { label: 'Número de telefone', count: { one: 'número', other: 'números', many: 'de números' } },
  },
  fr: {
    sms: { label: 'SMS', count: { one: 'message', other: 'messages', many: 'de messages' } },
    email: { label: 'E-mail', count: { one: 'e-mail', other: 'e-mails', many: 'd’e-mails' } },
    call_minute: { label: 'Appels', count: { one: 'minute', other: 'minutes', many: 'de minutes' } },
    ai_request: { label: 'Assistant IA', count: { one: 'requête', other: 'requêtes', many: 'de requêtes' } },
    phone_number: { label: 'Numéro de téléphone', count: { one: 'numéro', other: 'numéros', many: 'de numéros' } },
  },
  de: {
    sms: { label: 'SMS', count: { one: 'Nachricht', other: 'Nachrichten' } },
    email: { label: 'E-Mail', count: { one: 'E-Mail', other: 'E-Mails' } },
    call_minute: { label: 'Anrufe', count: { one: 'Minute', other: 'Minuten' } },
    ai_request: { label: 'KI-Assistent', count: { one: 'Anfrage', other: 'Anfragen' } },
    phone_number: { label: 'Telefonnummer', count: { one: 'Nummer', other: 'Nummern' } },
  },
  it: {
    sms: { label: 'SMS', count: { one: 'messaggio', other: 'messaggi', many: 'di messaggi' } },
    email: { label: 'E-mail', count: { one: 'e-mail', other: 'e-mail', many: 'di e-mail' } },
    call_minute: { label: 'Chiamate', count: { one: 'minuto', other: 'minuti', many: 'di minuti' } },
    ai_request: { label: 'Assistente IA', count: { one: 'richiesta', other: 'richieste', many: 'di richieste' } },
    phone_number: { label: 'Numero di telefono', count: { one: 'numero', other: 'numeri', many: 'di numeri' } },
  },
}

const numberFormats = new Map<BillingLocale, Intl.NumberFormat>()
const pluralRules = new Map<BillingLocale, Intl.PluralRules>()

/** A count as the language writes it: "1.234" in es, "1 234" in fr. */
export function formatCount(locale: BillingLocale, value: number): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

function pluralOf(locale: BillingLocale, value: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralRules.set(locale, rules)
  }
  return rules.select(value)
}

/** The category name a usage unit is shown under; an unknown unit shows as itself. */
export function usageLabel(locale: BillingLocale, unit: string): string {
  return (USAGE_UNIT_TEXT[locale] as Partial<Record<string, UsageUnitText>>)[unit]?.label ?? unit
}

/** "Calls — 12 minutes", with the noun the language's plural rules pick for the count. */
export function usageDescription(locale: BillingLocale, unit: BuiltInUsageUnit, quantity: number): string {
  const { label, count } = USAGE_UNIT_TEXT[locale][unit]
  return `${label} — ${formatCount(locale, quantity)} ${count[pluralOf(locale, quantity)] ?? count.other}`
}

export interface LedgerText {
  topUp: string
  autoRecharge: string
  /** A subscription's charge; the quantity shows only above one. */
  subscription: (name: string, quantity: number) => string
  planChange: (name: string) => string
  refund: (name: string) => string
  creditGrant: (name: string) => string
  /** What is left of an expired credit leaving the wallet; the credit may have no name. */
  creditsExpired: (name: string | null) => string
  unusedTime: (name: string) => string
  remainingTime: (name: string) => string
  /** Imported history: the balance the oldest entry started from, and a closing correction. */
  openingBalance: string
  balanceAdjustment: string
}

const times = (quantity: number) => (quantity > 1 ? ` × ${quantity}` : '')
const named = (name: string | null) => (name ? ` — ${name}` : '')

export const LEDGER_TEXT: Record<BillingLocale, LedgerText> = {
  en: {
    topUp: 'Funds added to wallet',
    autoRecharge: 'Auto-recharge',
    subscription: (name, quantity) => `Subscription — ${name}${times(quantity)}`,
    planChange: (name) => `Plan change — ${name} (prorated)`,
    refund: (name) => `Refund — ${name}`,
    creditGrant: (name) => `Complimentary credits — ${name}`,
    creditsExpired: (name) => `Complimentary credits expired${named(name)}`,
    unusedTime: (name) => `Unused time on ${name}`,
    remainingTime: (name) => `Remaining time on ${name}`,
    openingBalance: 'Opening balance',
    balanceAdjustment: 'Adjustment',
  },
  es: {
    topUp: 'Fondos agregados a la cartera',
    autoRecharge: 'Recarga automática',
    subscription: (name, quantity) => `Suscripción — ${name}${times(quantity)}`,
    planChange: (name) => `Cambio de plan — ${name} (prorrateo)`,
    refund: (name) => `Reembolso — ${name}`,
    creditGrant: (name) => `Créditos de Cortesía — ${name}`,
    creditsExpired: (name) => `Créditos de cortesía vencidos${named(name)}`,
    unusedTime: (name) => `Tiempo no utilizado de ${name}`,
    remainingTime: (name) => `Tiempo restante en ${name}`,
    openingBalance: 'Saldo inicial',
    balanceAdjustment: 'Ajuste',
  },
  'pt-BR': {
    topUp: 'Saldo adicionado à carteira',
    autoRecharge: 'Recarga automática',
    subscription: (name, quantity) => `Assinatura — ${name}${times(quantity)}`,
    planChange: (name) => `Mudança de plano — ${name} (proporcional)`,
    refund: (name) => `Reembolso — ${name}`,
    creditGrant: (name) => `Créditos de cortesia — ${name}`,
    creditsExpired: (name) => `Créditos de cortesia expirados${named(name)}`,
    unusedTime: (name) => `Tempo não utilizado em ${name}`,
    remainingTime: (name) => `Tempo restante em ${name}`,
    openingBalance: 'Saldo inicial',
    balanceAdjustment: 'Ajuste',
  },
  fr: {
    topUp: 'Fonds ajoutés au portefeuille',
    autoRecharge: 'Rechargement automatique',
    subscription: (name, quantity) => `Abonnement — ${name}${times(quantity)}`,
    planChange: (name) => `Changement de forfait — ${name} (au prorata)`,
    refund: (name) => `Remboursement — ${name}`,
    creditGrant: (name) => `Crédits offerts — ${name}`,
    creditsExpired: (name) => `Crédits offerts expirés${named(name)}`,
    unusedTime: (name) => `Temps non utilisé sur ${name}`,
    remainingTime: (name) => `Temps restant sur ${name}`,
    openingBalance: 'Solde initial',
    balanceAdjustment: 'Ajustement',
  },
  de: {
    topUp: 'Guthaben aufgeladen',
    autoRecharge: 'Automatische Aufladung',
    subscription: (name, quantity) => `Abonnement — ${name}${times(quantity)}`,
    planChange: (name) => `Tarifwechsel — ${name} (anteilig)`,
    refund: (name) => `Erstattung — ${name}`,
    creditGrant: (name) => `Bonusguthaben — ${name}`,
    creditsExpired: (name) => `Bonusguthaben abgelaufen${named(name)}`,
    unusedTime: (name) => `Nicht genutzte Zeit für ${name}`,
    remainingTime: (name) => `Restlaufzeit für ${name}`,
    openingBalance: 'Anfangsguthaben',
    balanceAdjustment: 'Korrektur',
  },
  it: {
    topUp: 'Fondi aggiunti al portafoglio',
    autoRecharge: 'Ricarica automatica',
    subscription: (name, quantity) => `Abbonamento — ${name}${times(quantity)}`,
    planChange: (name) => `Cambio piano — ${name} (importo proporzionale)`,
    refund: (name) => `Rimborso — ${name}`,
    creditGrant: (name) => `Crediti omaggio — ${name}`,
    creditsExpired: (name) => `Crediti omaggio scaduti${named(name)}`,
    unusedTime: (name) => `Tempo non utilizzato su ${name}`,
    remainingTime: (name) => `Tempo residuo su ${name}`,
    openingBalance: 'Saldo iniziale',
    balanceAdjustment: 'Rettifica',
  },
}

export function text(locale: BillingLocale): LedgerText {
  return LEDGER_TEXT[locale]
}
