import type { PanelMessages } from '../../components/BillingPanel/messages'

export const panel: PanelMessages = {
  title: 'Fatturazione',
  description:
    'Abbonamenti, metodi di pagamento, dati di fatturazione, addebiti e portafoglio, tutto in un unico posto.',
  sectionsLabel: 'Sezioni della fatturazione',
  sections: {
    payments: 'Pagamenti',
    subscriptions: 'Abbonamenti',
    wallet: 'Portafoglio e transazioni',
  },
  sectionDescriptions: {
    payments: 'Aggiungi o rimuovi carte, scegli la carta predefinita e tieni aggiornati i dati di fatturazione.',
    subscriptions:
      'Tutti gli abbonamenti attivi di questo account: il tuo piano, i servizi in rivendita e le app del marketplace.',
    wallet: 'Il tuo saldo, i crediti omaggio, la ricarica automatica e lo storico completo di addebiti e fatture.',
  },
}
