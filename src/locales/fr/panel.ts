import type { PanelMessages } from '../../components/BillingPanel/messages'

export const panel: PanelMessages = {
  title: 'Facturation',
  description:
    'Abonnements, moyens de paiement, informations de facturation, paiements et portefeuille, au même endroit.',
  sectionsLabel: 'Sections de la facturation',
  sections: {
    payments: 'Paiements',
    subscriptions: 'Abonnements',
    wallet: 'Portefeuille et transactions',
  },
  sectionDescriptions: {
    payments:
      'Ajoutez ou supprimez des cartes, choisissez votre carte par défaut et tenez vos informations de facturation à jour.',
    subscriptions:
      'Tous les abonnements actifs de ce compte\u00a0: votre forfait, les services en revente et les applications de la marketplace.',
    wallet:
      'Votre solde, vos crédits offerts, le rechargement automatique et l’historique complet des paiements et factures.',
  },
}
