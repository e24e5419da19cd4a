import type { UiMessages } from '../../ui/messages'

export const ui: UiMessages = {
  close: 'Chiudi',
  cancel: 'Annulla',
  confirm: 'Conferma',
  retry: 'Riprova',
  reloadPage: 'Ricarica la pagina',
  reloadHint: 'Questa parte della pagina non si è ancora caricata. Ricaricando la pagina viene scaricata di nuovo.',
  loading: 'Caricamento…',
  working: 'Elaborazione…',
  required: 'obbligatorio',
  optional: 'facoltativo',
  errorTitle: 'Non è andata a buon fine',
  dismiss: 'Chiudi avviso',
  money: {
    empty: 'Inserisci un importo.',
    invalid: 'Usa solo numeri, ad esempio {example}.',
    negative: 'L’importo non può essere negativo.',
    too_many_decimals: 'Usa al massimo {decimals} decimali.',
    no_decimals: 'Questa valuta non usa decimali.',
    too_large: 'L’importo è troppo alto.',
    belowMin: 'Il minimo è {min}.',
    aboveMax: 'Il massimo è {max}.',
    amountIn: 'Importo in {currency}',
  },
}
