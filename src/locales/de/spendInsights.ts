import type { SpendInsightsMessages } from '../../components/SpendInsights/messages'

export const spendInsights: SpendInsightsMessages = {
  title: 'Wofür Ihr Geld ausgegeben wird',
  description: 'Was die Nutzung von SMS, E-Mail und Anrufen kostet, nach Kategorie.',
  loading: 'Ausgaben werden geladen…',
  loadError: 'Ihre Ausgaben konnten nicht geladen werden.',
  range: {
    label: 'Angezeigter Zeitraum',
    days: 'Letzte 30 Tage',
    months: 'Letzte 12 Monate',
  },
  chart: {
    name: 'Ausgaben nach Kategorie, {range}',
    instructions:
      'Mit den Pfeiltasten wechseln Sie zwischen den Balken; Pos1 und Ende springen zum ersten und letzten.',
    bar: '{period}: {total}',
    noSpend: 'keine Ausgaben',
    axis: 'Skala bis {amount}',
  },
  legend: {
    label: 'Kategorien: Wählen Sie eine aus, um sie ein- oder auszublenden',
    hidden: 'ausgeblendet',
  },
  view: { table: 'Als Tabelle anzeigen', chart: 'Als Diagramm anzeigen' },
  table: {
    caption: 'Ausgaben nach Kategorie, {range}',
    period: 'Zeitraum',
    total: 'Gesamt',
  },
  empty: {
    title: 'Noch keine Nutzung',
    body: 'Sobald Dienste wie SMS, E-Mail oder Anrufe Ihr Guthaben verbrauchen, sehen Sie hier, was sie kosten.',
  },
  month: {
    title: 'Dieser Monat bisher',
    last: 'Letzter Monat: {amount}',
    noLast: 'Keine Ausgaben im letzten Monat.',
  },
  top: {
    title: 'Top-Kategorien in diesem Monat',
    share: '{percent} dieses Monats',
    none: 'In diesem Monat noch keine Ausgaben.',
  },
  forecast: {
    title: 'Prognose',
    runway: {
      one: 'Bei diesem Verbrauch reicht Ihr Guthaben etwa 1 Tag',
      other: 'Bei diesem Verbrauch reicht Ihr Guthaben etwa {count} Tage',
    },
    runwayCredits: {
      one: 'Bei diesem Verbrauch reicht Ihr Bonusguthaben etwa 1 Tag',
      other: 'Bei diesem Verbrauch reicht Ihr Bonusguthaben etwa {count} Tage',
    },
    runwayToday: 'Bei diesem Verbrauch ist Ihr Guthaben heute aufgebraucht',
    runwayLong: 'Bei diesem Verbrauch reicht Ihr Guthaben länger als ein Jahr',
    emptyFunds: 'Ihr Guthaben ist aufgebraucht. Laden Sie Guthaben auf, damit kostenpflichtige Dienste weiterlaufen.',
    recharge: 'Die automatische Aufladung lädt voraussichtlich um den {date} {amount} auf',
    rechargeDistant: 'Bei diesem Verbrauch ist innerhalb eines Jahres keine automatische Aufladung nötig.',
    paused:
      'Die automatische Aufladung ist pausiert und lädt Ihr Guthaben erst wieder auf, wenn sie eingeschaltet wird.',
    capped:
      'Die automatische Aufladung würde ihr Monatslimit von {cap} überschreiten und lädt Ihr Guthaben diesen Monat daher womöglich nicht auf.',
    basis: 'Auf Basis Ihrer durchschnittlichen Ausgaben von {rate} pro Tag in den letzten {days} Tagen.',
    assumptions:
      'Dabei wird angenommen, dass Sie die Dienste im gleichen Umfang weiter nutzen. Bonusguthaben wird zuerst verbraucht; ablaufendes Guthaben und künftige Aufladungen sind nicht berücksichtigt.',
    noUsage: 'Keine Nutzung in den letzten 30 Tagen, daher gibt es noch nichts zu prognostizieren.',
    oneDay: 'Noch zu wenige Daten für eine Prognose: Es braucht Ausgaben an mindestens zwei Tagen.',
  },
}
