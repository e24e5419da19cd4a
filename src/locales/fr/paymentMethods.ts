import type { PaymentMethodsMessages } from '../../components/PaymentMethods/dialogMessages'

export const paymentMethods: PaymentMethodsMessages = {
  title: 'Moyens de paiement',
  description:
    'Les cartes utilisées pour vos abonnements, les recharges du portefeuille et le rechargement automatique. La carte par défaut est débitée en premier.',
  loading: 'Chargement des moyens de paiement…',
  loadError: 'Impossible de charger vos moyens de paiement',
  listLabel: 'Moyens de paiement enregistrés',
  addCard: 'Ajouter une carte',
  empty: {
    title: 'Aucune carte pour l’instant',
    description: 'Ajoutez une carte pour payer vos abonnements et recharger votre portefeuille sans interruption.',
    readOnlyDescription: 'Aucun moyen de paiement n’est enregistré pour ce compte.',
  },
  row: {
    defaultBadge: 'Par défaut',
    expired: 'Expirée',
    expiringSoon: 'Expire bientôt',
    expires: 'Expire le {date}',
    expiredOn: 'Expirée le {date}',
    bankAccount: 'Prélèvement bancaire',
    setDefault: 'Définir par défaut',
    setDefaultFor: 'Définir par défaut\u00a0: {card}',
    remove: 'Supprimer',
    removeFor: 'Supprimer {card}',
    settingDefault: 'Définition comme carte par défaut…',
  },
  defaultExpired: {
    title: 'Votre carte par défaut a expiré',
    text: 'Les renouvellements et le rechargement automatique échoueront tant que vous n’aurez pas choisi une autre carte par défaut ou ajouté une nouvelle carte.',
  },
  noDefault:
    'Aucune de vos cartes n’est définie par défaut. Choisissez-en une pour que les renouvellements et le rechargement automatique puissent être débités.',
  setDefault: {
    success: '{card} est désormais votre carte par défaut.',
    failed: 'Impossible de définir {card} comme carte par défaut.',
    keptPrevious: '{card} reste votre carte par défaut.',
    keptNone: 'Aucune modification n’a été effectuée.',
  },
  add: {
    title: 'Ajouter une carte',
    description:
      'Les informations de votre carte sont envoyées directement à Stripe, notre prestataire de paiement. Nous ne voyons ni ne stockons jamais le numéro complet.',
    preparing: 'Chargement du formulaire de carte sécurisé…',
    makeDefault: 'En faire ma carte par défaut',
    makeDefaultDescription: 'Les abonnements, renouvellements et le rechargement automatique y seront débités.',
    submit: 'Enregistrer la carte',
    submitting: 'Enregistrement de la carte…',
    authenticating: 'En attente de votre banque…',
    attaching: 'Ajout de la carte à votre compte…',
    success: '{card} ajoutée.',
    successDefault: '{card} ajoutée et définie comme carte par défaut.',
    stripeFailed: {
      title: 'Le formulaire de carte sécurisé n’a pas pu se charger',
      text: 'Impossible de joindre Stripe, notre prestataire de paiement. Vérifiez votre connexion, ou si une extension ou un filtre réseau bloque js.stripe.com, puis réessayez.',
      timeout:
        'Stripe, notre prestataire de paiement, met trop de temps à répondre. Vérifiez votre connexion et réessayez.',
    },
    intentFailed: 'Impossible de commencer l’ajout de la carte.',
    declined: 'Votre carte n’a pas été enregistrée',
    authFailed: 'Votre banque n’a pas confirmé la carte',
    authFailedHint: 'Rien n’a été enregistré. Réessayez ou utilisez une autre carte.',
    connection: 'Impossible de joindre Stripe',
    stripeError: 'Votre carte n’a pas été enregistrée',
    stripeErrorFallback: 'Stripe n’a pas pu enregistrer cette carte. Réessayez ou utilisez une autre carte.',
    incomplete: 'Votre banque n’a pas terminé la confirmation de la carte. Rien n’a été enregistré\u202f; réessayez.',
    finish: {
      title: 'Votre carte a été enregistrée chez Stripe, mais nous n’avons pas pu terminer son ajout',
      checking: 'Nouvelle vérification en cours…',
      notYet:
        'Elle n’apparaît pas encore sur votre compte. Inutile de saisir à nouveau la carte\u00a0: essayez de terminer l’ajout maintenant.',
      reason: 'Ce qui s’est passé\u00a0: {reason}',
      retry: 'Terminer l’ajout de la carte',
      later: 'Terminer plus tard',
    },
  },
  remove: {
    title: 'Supprimer {card}\u202f?',
    description:
      'Elle sera retirée de votre compte et ne sera plus débitée. Pour l’utiliser plus tard, vous devrez l’ajouter à nouveau.',
    confirm: 'Supprimer la carte',
    pending: 'Suppression de la carte…',
    success: '{card} supprimée.',
    lastCard:
      'C’est votre seule carte. Les renouvellements d’abonnement et le rechargement automatique échoueront tant que vous n’aurez pas ajouté une autre carte.',
    defaultNote: 'C’est votre carte par défaut. Après sa suppression, définissez une autre carte par défaut.',
    loading: 'Vérification de ce que cette carte paie…',
    conflict:
      'Cette carte est encore utilisée par un abonnement ou par le rechargement automatique, elle n’a donc pas été supprimée. Nous avons rechargé ce qui en dépend.',
    notFound: 'Cette carte avait déjà été supprimée. La liste a été actualisée.',
    blocked: {
      title: '{card} ne peut pas encore être supprimée',
      description: 'Un élément est encore débité sur cette carte. Rien n’a été supprimé.',
      dependsDefault: 'C’est votre carte par défaut, et ces éléments y sont débités\u00a0:',
      dependsExplicit: 'Ces éléments sont débités sur cette carte\u00a0:',
      autoRecharge: 'Rechargement automatique du portefeuille',
      subscription: '{name} (abonnement)',
      fixDefault: 'Choisissez d’abord une autre carte par défaut\u202f; vous pourrez ensuite supprimer celle-ci.',
      fixExplicit: 'Changez la carte sur laquelle ces abonnements sont débités avant de supprimer celle-ci.',
      fixAddCard:
        'Ajoutez d’abord une autre carte et définissez-la par défaut\u202f; vous pourrez ensuite supprimer celle-ci.',
      newDefault: 'Nouvelle carte par défaut',
      makeDefault: 'Définir par défaut',
      makingDefault: 'Définition par défaut…',
      madeDefault: '{card} est désormais votre carte par défaut. Vous pouvez maintenant supprimer {old}.',
      addCard: 'Ajouter une carte',
      keep: 'Garder cette carte',
    },
    done: 'Terminé',
  },
}
