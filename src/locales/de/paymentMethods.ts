import type { PaymentMethodsMessages } from '../../components/PaymentMethods/dialogMessages'

export const paymentMethods: PaymentMethodsMessages = {
  title: 'Zahlungsmethoden',
  description:
    'Karten für Ihre Abonnements, Guthabenaufladungen und die automatische Aufladung. Die Standardkarte wird zuerst belastet.',
  loading: 'Zahlungsmethoden werden geladen…',
  loadError: 'Ihre Zahlungsmethoden konnten nicht geladen werden',
  listLabel: 'Gespeicherte Zahlungsmethoden',
  addCard: 'Neue Karte hinzufügen',
  empty: {
    title: 'Noch keine Karten',
    description:
      'Fügen Sie eine Karte hinzu, um Abonnements zu bezahlen und Ihr Guthaben ohne Unterbrechung aufzuladen.',
    readOnlyDescription: 'Für dieses Konto sind keine Zahlungsmethoden hinterlegt.',
  },
  row: {
    defaultBadge: 'Standard',
    expired: 'Abgelaufen',
    expiringSoon: 'Läuft bald ab',
    expires: 'Gültig bis {date}',
    expiredOn: 'Abgelaufen am {date}',
    bankAccount: 'Lastschrift',
    setDefault: 'Als Standard festlegen',
    setDefaultFor: 'Als Standard festlegen: {card}',
    remove: 'Entfernen',
    removeFor: '{card} entfernen',
    settingDefault: 'Wird als Standardkarte festgelegt…',
  },
  defaultExpired: {
    title: 'Ihre Standardkarte ist abgelaufen',
    text: 'Verlängerungen und die automatische Aufladung schlagen fehl, bis Sie eine andere Standardkarte festlegen oder eine neue Karte hinzufügen.',
  },
  noDefault:
    'Keine Ihrer Karten ist als Standard festgelegt. Legen Sie eine fest, damit Verlängerungen und die automatische Aufladung abgebucht werden können.',
  setDefault: {
    success: '{card} ist jetzt Ihre Standardkarte.',
    failed: '{card} konnte nicht als Standardkarte festgelegt werden.',
    keptPrevious: '{card} bleibt Ihre Standardkarte.',
    keptNone: 'Es wurde nichts geändert.',
  },
  add: {
    title: 'Neue Karte hinzufügen',
    description:
      'Ihre Kartendaten gehen direkt an Stripe, unseren Zahlungsdienstleister. Wir sehen oder speichern nie die vollständige Kartennummer.',
    preparing: 'Das sichere Kartenformular wird geladen…',
    makeDefault: 'Als meine Standardkarte verwenden',
    makeDefaultDescription: 'Abonnements, Verlängerungen und die automatische Aufladung werden ihr belastet.',
    submit: 'Karte speichern',
    submitting: 'Karte wird gespeichert…',
    authenticating: 'Warten auf Ihre Bank…',
    attaching: 'Karte wird Ihrem Konto hinzugefügt…',
    success: '{card} hinzugefügt.',
    successDefault: '{card} hinzugefügt und als Standardkarte festgelegt.',
    stripeFailed: {
      title: 'Das sichere Kartenformular konnte nicht geladen werden',
      text: 'Stripe, unser Zahlungsdienstleister, ist nicht erreichbar. Prüfen Sie Ihre Verbindung und ob eine Erweiterung oder ein Netzwerkfilter js.stripe.com blockiert, und versuchen Sie es dann erneut.',
      timeout:
        'Stripe, unser Zahlungsdienstleister, antwortet zu langsam. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    },
    intentFailed: 'Das Hinzufügen der Karte konnte nicht gestartet werden.',
    declined: 'Ihre Karte wurde nicht gespeichert',
    authFailed: 'Ihre Bank hat die Karte nicht bestätigt',
    authFailedHint: 'Es wurde nichts gespeichert. Versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
    connection: 'Stripe ist nicht erreichbar',
    stripeError: 'Ihre Karte wurde nicht gespeichert',
    stripeErrorFallback:
      'Stripe konnte diese Karte nicht speichern. Versuchen Sie es erneut oder verwenden Sie eine andere Karte.',
    incomplete:
      'Ihre Bank hat die Bestätigung der Karte nicht abgeschlossen. Es wurde nichts gespeichert; versuchen Sie es erneut.',
    finish: {
      title: 'Ihre Karte wurde bei Stripe gespeichert, aber das Hinzufügen konnte nicht abgeschlossen werden',
      checking: 'Wir prüfen erneut…',
      notYet:
        'Sie ist noch nicht in Ihrem Konto. Sie müssen die Karte nicht erneut eingeben: Schließen Sie das Hinzufügen jetzt ab.',
      reason: 'Was schiefging: {reason}',
      retry: 'Hinzufügen abschließen',
      later: 'Später abschließen',
    },
  },
  remove: {
    title: '{card} entfernen?',
    description:
      'Sie wird aus Ihrem Konto entfernt und nicht mehr belastet. Um sie später zu verwenden, müssen Sie sie erneut hinzufügen.',
    confirm: 'Karte entfernen',
    pending: 'Karte wird entfernt…',
    success: '{card} entfernt.',
    lastCard:
      'Das ist Ihre einzige Karte. Abonnementverlängerungen und die automatische Aufladung schlagen fehl, bis Sie eine andere Karte hinzufügen.',
    defaultNote: 'Das ist Ihre Standardkarte. Legen Sie nach dem Entfernen eine andere Karte als Standard fest.',
    loading: 'Wir prüfen, wofür diese Karte verwendet wird…',
    conflict:
      'Diese Karte wird noch von einem Abonnement oder der automatischen Aufladung verwendet und wurde daher nicht entfernt. Wir haben neu geladen, was davon abhängt.',
    notFound: 'Diese Karte war bereits entfernt. Die Liste wurde aktualisiert.',
    blocked: {
      title: '{card} kann noch nicht entfernt werden',
      description: 'Diese Karte wird noch belastet. Es wurde nichts entfernt.',
      dependsDefault: 'Das ist Ihre Standardkarte, und folgende Posten werden ihr belastet:',
      dependsExplicit: 'Folgende Posten werden dieser Karte belastet:',
      autoRecharge: 'Automatische Aufladung des Guthabens',
      subscription: '{name} (Abonnement)',
      fixDefault: 'Legen Sie zuerst eine andere Standardkarte fest; danach können Sie diese entfernen.',
      fixExplicit: 'Ändern Sie die Karte dieser Abonnements, bevor Sie diese entfernen.',
      fixAddCard:
        'Fügen Sie zuerst eine andere Karte hinzu und legen Sie sie als Standard fest; danach können Sie diese entfernen.',
      newDefault: 'Neue Standardkarte',
      makeDefault: 'Als Standard festlegen',
      makingDefault: 'Wird als Standard festgelegt…',
      madeDefault: '{card} ist jetzt Ihre Standardkarte. Sie können {old} jetzt entfernen.',
      addCard: 'Neue Karte hinzufügen',
      keep: 'Karte behalten',
    },
    done: 'Fertig',
  },
}
