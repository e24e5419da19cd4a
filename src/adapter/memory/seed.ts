import type { BillingProfile, Money, PaymentMethod, Plan, Subscription, WalletCredit } from '../types'
import { addDays, addMonths, iso } from './clock'
import type { Pricing } from '../../rules/pricing'
import type { BillingLocale } from '../../i18n/locales'

/** Ids of the seeded cards, fixed so tests and stories can name them. */
export const SEED_CARDS = {
  visa: 'pm_visa_4242',
  mastercardExpired: 'pm_mc_4444',
  amexExpiring: 'pm_amex_0005',
  visaDeclining: 'pm_visa_0002',
} as const

export const PLATFORM_SUBSCRIPTION_ID = 'sub_platform'

const HOLDER = 'María José Hernández'

export function seedProfile(): BillingProfile {
  return {
    name: 'María José Hernández Núñez',
    company: 'Agencia Creativa Peñasco S.A. de C.V.',
    email: 'facturacion@agenciapenasco.mx',
    address: {
      line1: 'Av. Paseo de la Reforma 222, Piso 14',
      line2: 'Col. Juárez',
      city: 'Ciudad de México',
      region: 'CDMX',
      postalCode: '06600',
      country: 'MX',
    },
    taxId: { type: 'mx_rfc', value: 'ACP850101AB1' },
    walletReceipts: false,
  }
}

export function seedPaymentMethods(now: Date): PaymentMethod[] {
  const year = now.getUTCFullYear()
  const nextMonth = addMonths(new Date(Date.UTC(year, now.getUTCMonth(), 1)), 1)
  const card = (
    id: string,
    brand: PaymentMethod['brand'],
    last4: string,
    expMonth: number,
    expYear: number,
  ): PaymentMethod => ({
    id,
    type: 'card',
    brand,
    last4,
    expMonth,
    expYear,
    wallet: null,
    bankName: null,
    holderName: HOLDER,
    isDefault: false,
  })
  return [
    { ...card(SEED_CARDS.visa, 'visa', '4242', 12, year + 3), isDefault: true },
    card(SEED_CARDS.mastercardExpired, 'mastercard', '4444', 3, year - 1),
    card(SEED_CARDS.amexExpiring, 'amex', '0005', nextMonth.getUTCMonth() + 1, nextMonth.getUTCFullYear()),
    card(SEED_CARDS.visaDeclining, 'visa', '0002', 8, year + 2),
  ]
}

/** When the expired Mastercard stopped working, so older history may have used it. */
export function expiredCardUntil(now: Date): number {
  return Date.UTC(now.getUTCFullYear() - 1, 3, 1)
}

type NameAndDescription = readonly [name: string, description: string]

/** Seeded names are data, as a backend stores them: written once, in the account's language. */
export const PLAN_TEXT: Record<BillingLocale, Record<'starter' | 'pro' | 'unlimited', NameAndDescription>> = {
  es: {
    starter: ['Plan Agencia Básico', 'Hasta 3 subcuentas y funciones esenciales'],
    pro: ['Plan Agencia Pro', 'Subcuentas ilimitadas y marca blanca'],
    unlimited: ['Plan Agencia SaaS Pro', 'Todo lo de Pro más reventa SaaS y API avanzada'],
  },
  en: {
    starter: ['Agency Starter Plan', 'Up to 3 sub-accounts and the essentials'],
    pro: ['Agency Pro Plan', 'Unlimited sub-accounts and white label'],
    unlimited: ['Agency SaaS Pro Plan', 'Everything in Pro plus SaaS resale and advanced API'],
  },
  'pt-BR': {
    starter: ['Plano Agência Básico', 'Até 3 subcontas e os recursos essenciais'],
    pro: ['Plano Agência Pro', 'Subcontas ilimitadas e marca branca'],
    unlimited: ['Plano Agência SaaS Pro', 'Tudo do Pro, mais revenda SaaS e API avançada'],
  },
  fr: {
    starter: ['Forfait Agence Essentiel', 'Jusqu’à 3 sous-comptes et les fonctionnalités essentielles'],
    pro: ['Forfait Agence Pro', 'Sous-comptes illimités et marque blanche'],
    unlimited: ['Forfait Agence SaaS Pro', 'Tout le forfait Pro, plus la revente SaaS et l’API avancée'],
  },
  de: {
    starter: ['Agentur-Tarif Basis', 'Bis zu 3 Unterkonten und alle wichtigen Funktionen'],
    pro: ['Agentur-Tarif Pro', 'Unbegrenzt viele Unterkonten und White-Label'],
    unlimited: ['Agentur-Tarif SaaS Pro', 'Alles aus Pro, dazu SaaS-Weiterverkauf und erweiterte API'],
  },
  it: {
    starter: ['Piano Agenzia Base', 'Fino a 3 sottoaccount e le funzioni essenziali'],
    pro: ['Piano Agenzia Pro', 'Sottoaccount illimitati e white label'],
    unlimited: ['Piano Agenzia SaaS Pro', 'Tutto quello che include Pro, più rivendita SaaS e API avanzate'],
  },
}

/** The platform plans, cheapest first. */
export function seedPlans(locale: BillingLocale, pricing: Pricing): Plan[] {
  const text = PLAN_TEXT[locale]
  const plan = (id: string, [name, description]: NameAndDescription, usd: number): Plan => ({
    id,
    name,
    description,
    price: pricing.money(usd * 100, true),
    interval: 'month',
    intervalCount: 1,
  })
  return [
    plan('plan_agency_starter', text.starter, 97),
    plan('plan_agency_pro', text.pro, 297),
    plan('plan_agency_saas_pro', text.unlimited, 497),
  ]
}

export const SUBSCRIPTION_TEXT: Record<
  BillingLocale,
  Record<'seo' | 'social' | 'ads' | 'appointments' | 'reviews', NameAndDescription>
> = {
  es: {
    seo: ['Servicio de SEO local', 'Optimización de fichas de Google Business para 2 sucursales'],
    social: ['Gestión de redes sociales', 'Publicaciones y respuestas en Facebook e Instagram'],
    ads: ['Campañas de Google Ads', 'Gestión mensual de campañas (no incluye inversión publicitaria)'],
    appointments: ['Agenda de Citas Pro', 'Calendarios y recordatorios por usuario'],
    reviews: ['Reseñas Automáticas', 'Solicitudes de reseñas por SMS y correo'],
  },
  en: {
    seo: ['Local SEO service', 'Google Business profile optimisation for 2 locations'],
    social: ['Social media management', 'Posts and replies on Facebook and Instagram'],
    ads: ['Google Ads campaigns', 'Monthly campaign management (ad spend not included)'],
    appointments: ['Appointments Pro', 'Calendars and reminders per user'],
    reviews: ['Automatic Reviews', 'Review requests by SMS and email'],
  },
  'pt-BR': {
    seo: ['Serviço de SEO local', 'Otimização do Perfil da Empresa no Google para 2 unidades'],
    social: ['Gestão de redes sociais', 'Publicações e respostas no Facebook e no Instagram'],
    ads: ['Campanhas no Google Ads', 'Gestão mensal de campanhas (investimento em mídia não incluído)'],
    appointments: ['Agendamentos Pro', 'Agendas e lembretes por usuário'],
    reviews: ['Avaliações Automáticas', 'Pedidos de avaliação por SMS e e-mail'],
  },
  fr: {
    seo: ['Service de SEO local', 'Optimisation des fiches d’établissement Google pour 2 adresses'],
    social: ['Gestion des réseaux sociaux', 'Publications et réponses sur Facebook et Instagram'],
    ads: ['Campagnes Google Ads', 'Gestion mensuelle des campagnes (budget publicitaire non compris)'],
    appointments: ['Rendez-vous Pro', 'Agendas et rappels par utilisateur'],
    reviews: ['Avis automatiques', 'Demandes d’avis par SMS et e-mail'],
  },
  de: {
    seo: ['Lokales SEO', 'Optimierung der Google-Unternehmensprofile für 2 Standorte'],
    social: ['Social-Media-Betreuung', 'Beiträge und Antworten auf Facebook und Instagram'],
    ads: ['Google-Ads-Kampagnen', 'Monatliche Kampagnenbetreuung (ohne Werbebudget)'],
    appointments: ['Terminplaner Pro', 'Kalender und Erinnerungen pro Nutzer'],
    reviews: ['Automatische Bewertungen', 'Bewertungsanfragen per SMS und E-Mail'],
  },
  it: {
    seo: ['Servizio di SEO locale', 'Ottimizzazione delle schede Google Business per 2 sedi'],
    social: ['Gestione dei social media', 'Post e risposte su Facebook e Instagram'],
    ads: ['Campagne Google Ads', 'Gestione mensile delle campagne (budget pubblicitario escluso)'],
    appointments: ['Agenda Appuntamenti Pro', 'Calendari e promemoria per utente'],
    reviews: ['Recensioni Automatiche', 'Richieste di recensione via SMS ed e-mail'],
  },
}

export function seedSubscriptions(now: Date, locale: BillingLocale, pricing: Pricing, plans: Plan[]): Subscription[] {
  const text = SUBSCRIPTION_TEXT[locale]
  const platformPlan = plans[1]
  const monthly = (
    id: string,
    kind: Subscription['kind'],
    [name, description]: NameAndDescription,
    usd: number,
    startedMonthsAgo: number,
    renewsInDays: number,
  ): Subscription => ({
    id,
    kind,
    name,
    description,
    status: 'active',
    rawStatus: null,
    price: pricing.money(usd * 100, true),
    quantity: 1,
    interval: 'month',
    intervalCount: 1,
    startDate: iso(addMonths(addDays(now, renewsInDays), -startedMonthsAgo)),
    currentPeriodEnd: iso(addDays(now, renewsInDays)),
    cancelAtPeriodEnd: false,
    canceledAt: null,
    trialEnd: null,
    paymentMethodId: null,
    planId: null,
    manageUrl: null,
  })
  const trialEnd = iso(addDays(now, 9))
  return [
    {
      ...monthly(
        PLATFORM_SUBSCRIPTION_ID,
        'platform',
        [platformPlan.name, platformPlan.description ?? ''],
        297,
        17,
        12,
      ),
      price: { ...platformPlan.price },
      planId: platformPlan.id,
    },
    { ...monthly('sub_local_seo', 'resale', text.seo, 149, 11, 5), quantity: 2 },
    {
      ...monthly('sub_social_media', 'resale', text.social, 199, 0, 9),
      status: 'trialing',
      startDate: iso(addDays(now, -5)),
      trialEnd,
      currentPeriodEnd: trialEnd,
    },
    { ...monthly('sub_google_ads', 'resale', text.ads, 250, 8, 27), status: 'past_due' },
    {
      ...monthly('sub_appointments_app', 'marketplace', text.appointments, 29, 14, 19),
      quantity: 3,
      paymentMethodId: SEED_CARDS.amexExpiring,
      manageUrl: 'https://marketplace.example.com/apps/agenda-de-citas-pro',
    },
    {
      ...monthly('sub_reviews_app', 'marketplace', text.reviews, 19, 6, 16),
      cancelAtPeriodEnd: true,
      canceledAt: iso(addDays(now, -4)),
      manageUrl: 'https://marketplace.example.com/apps/resenas-automaticas',
    },
  ]
}

export const CREDIT_TEXT: Record<BillingLocale, Record<'promo' | 'welcome', string>> = {
  es: { promo: 'Promoción de aniversario', welcome: 'Créditos de bienvenida' },
  en: { promo: 'Anniversary promotion', welcome: 'Welcome credits' },
  'pt-BR': { promo: 'Promoção de aniversário', welcome: 'Créditos de boas-vindas' },
  fr: { promo: 'Promotion anniversaire', welcome: 'Crédits de bienvenue' },
  de: { promo: 'Jubiläumsaktion', welcome: 'Willkommensguthaben' },
  it: { promo: 'Promozione anniversario', welcome: 'Crediti di benvenuto' },
}

/** Days before creation that the promotional credits were granted (the ledger shows that grant). */
export const PROMO_CREDIT_DAYS_AGO = 10

export function seedCredits(
  now: Date,
  locale: BillingLocale,
  pricing: Pricing,
): { credits: WalletCredit[]; promoGrant: Money } {
  const text = CREDIT_TEXT[locale]
  const promoGrant = pricing.money(1000, true)
  return {
    promoGrant,
    credits: [
      {
        id: 'credit_promo',
        description: text.promo,
        remaining: { ...promoGrant, amount: Math.round(promoGrant.amount * 0.73) },
        grantedAt: iso(addDays(now, -PROMO_CREDIT_DAYS_AGO)),
        expiresAt: iso(addDays(now, 20)),
      },
      {
        id: 'credit_welcome',
        description: text.welcome,
        remaining: pricing.money(500, true),
        grantedAt: iso(addMonths(now, -17)),
        expiresAt: null,
      },
    ],
  }
}

export function creditGrantName(locale: BillingLocale): string {
  return CREDIT_TEXT[locale].promo
}
