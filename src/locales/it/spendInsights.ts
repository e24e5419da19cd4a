import type { SpendInsightsMessages } from '../../components/SpendInsights/messages'

export const spendInsights: SpendInsightsMessages = {
  title: 'Come spendi il tuo denaro',
  description: 'Quanto costano i consumi di SMS, email e chiamate, per categoria.',
  loading: 'Caricamento della spesa…',
  loadError: 'Non siamo riusciti a caricare la tua spesa.',
  range: {
    label: 'Periodo visualizzato',
    days: 'Ultimi 30 giorni',
    months: 'Ultimi 12 mesi',
  },
  chart: {
    name: 'Spesa per categoria, {range}',
    instructions: 'Usa le frecce per spostarti tra le barre; Home e Fine portano alla prima e all’ultima.',
    bar: '{period}: {total}',
    noSpend: 'nessuna spesa',
    axis: 'Scala fino a {amount}',
  },
  legend: {
    label: 'Categorie: selezionane una per mostrarla o nasconderla',
    hidden: 'nascosta',
  },
  view: { table: 'Mostra come tabella', chart: 'Mostra come grafico' },
  table: {
    caption: 'Spesa per categoria, {range}',
    period: 'Periodo',
    total: 'Totale',
  },
  empty: {
    title: 'Ancora nessun consumo',
    body: 'Quando servizi come SMS, email o chiamate useranno i tuoi crediti, qui vedrai quanto costano.',
  },
  month: {
    title: 'Questo mese finora',
    last: 'Mese scorso: {amount}',
    noLast: 'Nessuna spesa il mese scorso.',
  },
  top: {
    title: 'Categorie principali del mese',
    share: '{percent} di questo mese',
    none: 'Ancora nessuna spesa questo mese.',
  },
  forecast: {
    title: 'Previsione',
    runway: {
      one: 'A questo ritmo il saldo dura circa 1 giorno',
      other: 'A questo ritmo il saldo dura circa {count} giorni',
    },
    runwayCredits: {
      one: 'A questo ritmo i crediti omaggio durano circa 1 giorno',
      other: 'A questo ritmo i crediti omaggio durano circa {count} giorni',
    },
    runwayToday: 'A questo ritmo il saldo si esaurisce oggi',
    runwayLong: 'A questo ritmo il saldo dura più di un anno',
    emptyFunds: 'Il saldo è esaurito. Aggiungi fondi per non interrompere i servizi a pagamento.',
    recharge: 'La ricarica automatica aggiungerà probabilmente {amount} intorno al {date}',
    rechargeDistant: 'A questo ritmo la ricarica automatica non servirà per almeno un anno.',
    paused: 'La ricarica automatica è in pausa e non ricaricherà il saldo finché non verrà riattivata.',
    capped:
      'La ricarica automatica supererebbe il limite mensile di {cap}, quindi questo mese potrebbe non ricaricare il saldo.',
    basis: 'In base alla tua spesa media di {rate} al giorno negli ultimi {days} giorni.',
    assumptions:
      'Si presume che continuerai a usare i servizi allo stesso ritmo. I crediti omaggio vengono usati per primi; i crediti in scadenza e i fondi che aggiungi non sono considerati.',
    noUsage: 'Nessun consumo negli ultimi 30 giorni, quindi non c’è ancora nulla da prevedere.',
    oneDay: 'Non ci sono ancora dati sufficienti per una previsione: servono spese in almeno due giorni.',
  },
}
