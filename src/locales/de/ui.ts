import type { UiMessages } from '../../ui/messages'

export const ui: UiMessages = {
  close: 'Schließen',
  cancel: 'Abbrechen',
  confirm: 'Bestätigen',
  retry: 'Erneut versuchen',
  reloadPage: 'Seite neu laden',
  reloadHint: 'Dieser Teil der Seite wurde noch immer nicht geladen. Beim Neuladen der Seite wird er erneut abgerufen.',
  loading: 'Wird geladen…',
  working: 'Wird bearbeitet…',
  required: 'Pflichtfeld',
  optional: 'optional',
  errorTitle: 'Das hat nicht geklappt',
  dismiss: 'Ausblenden',
  money: {
    empty: 'Geben Sie einen Betrag ein.',
    invalid: 'Verwenden Sie nur Ziffern, z. B. {example}.',
    negative: 'Der Betrag darf nicht negativ sein.',
    too_many_decimals: 'Verwenden Sie höchstens {decimals} Nachkommastellen.',
    no_decimals: 'Diese Währung hat keine Nachkommastellen.',
    too_large: 'Dieser Betrag ist zu hoch.',
    belowMin: 'Der Mindestbetrag ist {min}.',
    aboveMax: 'Der Höchstbetrag ist {max}.',
    amountIn: 'Betrag in {currency}',
  },
}
