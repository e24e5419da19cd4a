import type { PanelMessages } from '../../components/BillingPanel/messages'

export const panel: PanelMessages = {
  title: 'Abrechnung',
  description: 'Abonnements, Zahlungsmethoden, Rechnungsdaten, Abbuchungen und Ihr Guthaben an einem Ort.',
  sectionsLabel: 'Bereiche der Abrechnung',
  sections: {
    payments: 'Zahlungen',
    subscriptions: 'Abonnements',
    wallet: 'Guthaben & Transaktionen',
  },
  sectionDescriptions: {
    payments: 'Karten hinzufügen oder entfernen, die Standardkarte wählen und die Rechnungsdaten aktuell halten.',
    subscriptions: 'Alle aktiven Abonnements dieses Kontos: Ihr Tarif, Reseller-Dienste und Marketplace-Apps.',
    wallet: 'Ihr Guthaben, Bonusguthaben, die automatische Aufladung und alle Abbuchungen und Rechnungen.',
  },
}
