const en = {
  title: 'Billing',
  description: 'Subscriptions, payment methods, billing information, charges and your wallet, in one place.',
  sectionsLabel: 'Billing sections',
  sections: {
    payments: 'Payments',
    subscriptions: 'Subscriptions',
    wallet: 'Wallet & Transactions',
  },
  sectionDescriptions: {
    payments: 'Add or remove cards, choose your default card and keep your billing information up to date.',
    subscriptions: 'Every active subscription of this account: your plan, resale services and marketplace apps.',
    wallet: 'Your balance, complimentary credits, auto-recharge and the full history of charges and invoices.',
  },
}
const es: typeof en = {
  title: 'Facturación',
  description:
    'Suscripciones, métodos de pago, información de facturación, cargos y saldos de cartera en un solo lugar.',
  sectionsLabel: 'Secciones de facturación',
  sections: {
    payments: 'Pagos',
    subscriptions: 'Suscripciones',
    wallet: 'Cartera y Transacciones',
  },
  sectionDescriptions: {
    payments:
      'Agrega o elimina tarjetas, establece tu tarjeta principal y mantén tu información de facturación al día.',
    subscriptions:
      'Todas las suscripciones activas de la subcuenta: tu plan, servicios de reventa y aplicaciones del marketplace.',
    wallet: 'Tu saldo, créditos de cortesía, recarga automática y el historial completo de cargos y facturas.',
  },
}
export const panelMessages = { en, es }
