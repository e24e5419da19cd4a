import type { SpendInsightsMessages } from '../../components/SpendInsights/messages'

export const spendInsights: SpendInsightsMessages = {
  title: 'Où va votre argent',
  description: 'Ce que coûte la consommation de SMS, d’e-mails et d’appels, par catégorie.',
  loading: 'Chargement des dépenses…',
  loadError: 'Impossible de charger vos dépenses.',
  range: {
    label: 'Période affichée',
    days: '30 derniers jours',
    months: '12 derniers mois',
  },
  chart: {
    name: 'Dépenses par catégorie, {range}',
    instructions:
      'Utilisez les flèches pour passer d’une barre à l’autre\u202f; Début et Fin mènent à la première et à la dernière.',
    bar: '{period}\u00a0: {total}',
    noSpend: 'aucune dépense',
    axis: 'Échelle jusqu’à {amount}',
  },
  legend: {
    label: 'Catégories\u00a0: sélectionnez-en une pour l’afficher ou la masquer',
    hidden: 'masquée',
  },
  view: { table: 'Afficher en tableau', chart: 'Afficher en graphique' },
  table: {
    caption: 'Dépenses par catégorie, {range}',
    period: 'Période',
    total: 'Total',
  },
  empty: {
    title: 'Aucune consommation pour l’instant',
    body: 'Quand des services comme les SMS, les e-mails ou les appels utiliseront vos crédits, vous verrez ici ce qu’ils coûtent.',
  },
  month: {
    title: 'Ce mois-ci jusqu’à présent',
    last: 'Mois dernier\u00a0: {amount}',
    noLast: 'Aucune dépense le mois dernier.',
  },
  top: {
    title: 'Principales catégories du mois',
    share: '{percent} de ce mois-ci',
    none: 'Aucune dépense ce mois-ci pour l’instant.',
  },
  forecast: {
    title: 'Prévision',
    runway: {
      one: 'À ce rythme, votre solde durera environ 1 jour',
      other: 'À ce rythme, votre solde durera environ {count} jours',
    },
    runwayCredits: {
      one: 'À ce rythme, vos crédits offerts dureront environ 1 jour',
      other: 'À ce rythme, vos crédits offerts dureront environ {count} jours',
    },
    runwayToday: 'À ce rythme, votre solde sera épuisé aujourd’hui',
    runwayLong: 'À ce rythme, votre solde durera plus d’un an',
    emptyFunds: 'Votre solde est épuisé. Ajoutez des fonds pour que les services payants continuent de fonctionner.',
    recharge: 'Le rechargement automatique ajoutera probablement {amount} vers le {date}',
    rechargeDistant: 'À ce rythme, le rechargement automatique ne sera pas nécessaire d’ici un an.',
    paused:
      'Le rechargement automatique est en pause\u00a0: il ne rechargera pas votre solde tant qu’il n’est pas réactivé.',
    capped:
      'Le rechargement automatique dépasserait sa limite mensuelle de {cap}\u202f; il pourrait donc ne pas recharger votre solde ce mois-ci.',
    basis: 'D’après votre dépense moyenne de {rate} par jour sur les {days} derniers jours.',
    assumptions:
      'Cette prévision suppose que vous continuez à utiliser les services au même rythme. Les crédits offerts sont utilisés en premier\u202f; les crédits qui expirent et les fonds que vous ajoutez ne sont pas pris en compte.',
    noUsage: 'Aucune consommation ces 30 derniers jours\u00a0: rien à prévoir pour l’instant.',
    oneDay: 'Pas encore assez de données pour une prévision\u00a0: il faut des dépenses sur au moins deux jours.',
  },
}
