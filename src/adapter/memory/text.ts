import type { BuiltInUsageUnit } from '../types'

/** Seeded data is written in the account's language, as a real backend would store it. */
export type SeedLocale = 'es' | 'en'

type UnitWords = Record<BuiltInUsageUnit, { label: string; one: string; other: string }>

const UNITS: Record<SeedLocale, UnitWords> = {
  es: {
    sms: { label: 'SMS', one: 'mensaje', other: 'mensajes' },
    email: { label: 'Correo electrónico', one: 'correo', other: 'correos' },
    call_minute: { label: 'Llamadas', one: 'minuto', other: 'minutos' },
    ai_request: { label: 'Asistente de IA', one: 'solicitud', other: 'solicitudes' },
    phone_number: { label: 'Número de teléfono', one: 'número', other: 'números' },
  },
  en: {
    sms: { label: 'SMS', one: 'message', other: 'messages' },
    email: { label: 'Email', one: 'email', other: 'emails' },
    call_minute: { label: 'Calls', one: 'minute', other: 'minutes' },
    ai_request: { label: 'AI assistant', one: 'request', other: 'requests' },
    phone_number: { label: 'Phone number', one: 'number', other: 'numbers' },
  },
}

const numberFormats = new Map<SeedLocale, Intl.NumberFormat>()

function formatCount(locale: SeedLocale, value: number): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

/** The category name a usage unit is shown under; an unknown unit shows as itself. */
export function usageLabel(locale: SeedLocale, unit: string): string {
  return (UNITS[locale] as Partial<Record<string, { label: string }>>)[unit]?.label ?? unit
}

export function usageDescription(locale: SeedLocale, unit: BuiltInUsageUnit, quantity: number): string {
  const words = UNITS[locale][unit]
  return `${words.label} — ${formatCount(locale, quantity)} ${quantity === 1 ? words.one : words.other}`
}

const TEXT = {
  es: {
    topUp: 'Fondos agregados a la cartera',
    autoRecharge: 'Recarga automática',
    subscription: (name: string, quantity: number) => `Suscripción — ${name}${quantity > 1 ? ` × ${quantity}` : ''}`,
    planChange: (name: string) => `Cambio de plan — ${name} (prorrateo)`,
    refund: (name: string) => `Reembolso — ${name}`,
    creditGrant: (name: string) => `Créditos de Cortesía — ${name}`,
    unusedTime: (name: string) => `Tiempo no utilizado de ${name}`,
    remainingTime: (name: string) => `Tiempo restante en ${name}`,
  },
  en: {
    topUp: 'Funds added to wallet',
    autoRecharge: 'Auto-recharge',
    subscription: (name: string, quantity: number) => `Subscription — ${name}${quantity > 1 ? ` × ${quantity}` : ''}`,
    planChange: (name: string) => `Plan change — ${name} (prorated)`,
    refund: (name: string) => `Refund — ${name}`,
    creditGrant: (name: string) => `Complimentary credits — ${name}`,
    unusedTime: (name: string) => `Unused time on ${name}`,
    remainingTime: (name: string) => `Remaining time on ${name}`,
  },
} as const

export function text(locale: SeedLocale) {
  return TEXT[locale]
}
