import type { PanelMessages } from '../../components/BillingPanel/messages'

export const panel: PanelMessages = {
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
