import type { UiMessages } from '../../ui/messages'

export const ui: UiMessages = {
  close: 'Fermer',
  cancel: 'Annuler',
  confirm: 'Confirmer',
  retry: 'Réessayer',
  reloadPage: 'Recharger la page',
  reloadHint: 'Cette partie de la page ne s’est toujours pas chargée. Recharger la page la télécharge à nouveau.',
  loading: 'Chargement…',
  working: 'Traitement en cours…',
  required: 'obligatoire',
  optional: 'facultatif',
  errorTitle: 'L’opération a échoué',
  dismiss: 'Masquer',
  money: {
    empty: 'Saisissez un montant.',
    invalid: 'Utilisez uniquement des chiffres, par exemple {example}.',
    negative: 'Le montant ne peut pas être négatif.',
    too_many_decimals: 'Utilisez {decimals} décimales au maximum.',
    no_decimals: 'Cette devise n’utilise pas de décimales.',
    too_large: 'Ce montant est trop élevé.',
    belowMin: 'Le minimum est de {min}.',
    aboveMax: 'Le maximum est de {max}.',
    amountIn: 'Montant en {currency}',
  },
}
