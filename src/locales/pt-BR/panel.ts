import type { PanelMessages } from '../../components/BillingPanel/messages'

export const panel: PanelMessages = {
  title: 'Faturamento',
  description: 'Assinaturas, formas de pagamento, dados de faturamento, cobranças e sua carteira em um só lugar.',
  sectionsLabel: 'Seções de faturamento',
  sections: {
    payments: 'Pagamentos',
    subscriptions: 'Assinaturas',
    wallet: 'Carteira e transações',
  },
  sectionDescriptions: {
    payments: 'Adicione ou remova cartões, escolha seu cartão principal e mantenha seus dados de faturamento em dia.',
    subscriptions: 'Todas as assinaturas ativas desta conta: seu plano, serviços de revenda e apps do marketplace.',
    wallet: 'Seu saldo, créditos de cortesia, recarga automática e o histórico completo de cobranças e faturas.',
  },
}
