import type { BillingI18n } from '../../i18n/context'

/** Strings of the spend insights: chart, table, this month, top categories and the forecast. */
const en = {
  title: 'Where your money goes',
  description: 'What usage such as SMS, email and calls cost, by category.',
  loading: 'Loading spending…',
  loadError: "We couldn't load your spending.",
  range: {
    label: 'Period shown',
    days: 'Last 30 days',
    months: 'Last 12 months',
  },
  chart: {
    name: 'Spending by category, {range}',
    instructions: 'Use the arrow keys to move between bars; Home and End go to the first and last.',
    bar: '{period}: {total}',
    noSpend: 'no spending',
    axis: 'Scale up to {amount}',
  },
  legend: {
    label: 'Categories: select one to show or hide it',
    hidden: 'hidden',
  },
  view: { table: 'View as table', chart: 'View as chart' },
  table: {
    caption: 'Spending by category, {range}',
    period: 'Period',
    total: 'Total',
  },
  empty: {
    title: 'No usage yet',
    body: 'When services such as SMS, email or calls spend your credits, you will see here what they cost.',
  },
  month: {
    title: 'This month so far',
    last: 'Last month: {amount}',
    noLast: 'No spending last month.',
  },
  top: {
    title: 'Top categories this month',
    share: '{percent} of this month',
    none: 'No spending this month yet.',
  },
  forecast: {
    title: 'Forecast',
    runway: {
      one: 'At this rate your balance lasts about 1 day',
      other: 'At this rate your balance lasts about {count} days',
    },
    runwayCredits: {
      one: 'At this rate your complimentary credits last about 1 day',
      other: 'At this rate your complimentary credits last about {count} days',
    },
    runwayToday: 'At this rate your balance runs out today',
    runwayLong: 'At this rate your balance lasts more than a year',
    emptyFunds: 'Your balance is used up. Add funds to keep paid services running.',
    recharge: 'Auto-recharge will likely add {amount} around {date}',
    rechargeDistant: 'At this rate auto-recharge will not be needed within a year.',
    paused: 'Auto-recharge is paused, so it will not top up your balance until it is turned back on.',
    capped: 'Auto-recharge would pass its monthly limit of {cap}, so it may not top up your balance this month.',
    basis: 'Based on your average spend of {rate} a day over the last {days} days.',
    assumptions:
      'This assumes you keep using services at the same pace. Complimentary credits are spent first; credits that expire and funds you add are not counted.',
    noUsage: 'No usage in the last 30 days, so there is nothing to forecast yet.',
    oneDay: 'Not enough data to forecast yet: we need spending on at least two days.',
  },
}

const es: typeof en = {
  title: '¿En qué se usa tu saldo?',
  description: 'Lo que costó el uso de servicios como SMS, correos y llamadas, por categoría.',
  loading: 'Cargando gastos…',
  loadError: 'No pudimos cargar tus gastos.',
  range: {
    label: 'Período mostrado',
    days: 'Últimos 30 días',
    months: 'Últimos 12 meses',
  },
  chart: {
    name: 'Gastos por categoría, {range}',
    instructions: 'Usa las flechas para moverte entre las barras; Inicio y Fin van a la primera y a la última.',
    bar: '{period}: {total}',
    noSpend: 'sin gastos',
    axis: 'Escala hasta {amount}',
  },
  legend: {
    label: 'Categorías: selecciona una para mostrarla u ocultarla',
    hidden: 'oculta',
  },
  view: { table: 'Ver como tabla', chart: 'Ver como gráfico' },
  table: {
    caption: 'Gastos por categoría, {range}',
    period: 'Período',
    total: 'Total',
  },
  empty: {
    title: 'Todavía no hay uso',
    body: 'Cuando servicios como SMS, correos o llamadas usen tus créditos, aquí verás lo que cuestan.',
  },
  month: {
    title: 'Este mes hasta hoy',
    last: 'Mes anterior: {amount}',
    noLast: 'Sin gastos el mes anterior.',
  },
  top: {
    title: 'Categorías principales este mes',
    share: '{percent} de este mes',
    none: 'Todavía no hay gastos este mes.',
  },
  forecast: {
    title: 'Pronóstico',
    runway: {
      one: 'A este ritmo tu saldo dura aproximadamente 1 día',
      other: 'A este ritmo tu saldo dura aproximadamente {count} días',
    },
    runwayCredits: {
      one: 'A este ritmo tus créditos de cortesía duran aproximadamente 1 día',
      other: 'A este ritmo tus créditos de cortesía duran aproximadamente {count} días',
    },
    runwayToday: 'A este ritmo tu saldo se agota hoy',
    runwayLong: 'A este ritmo tu saldo dura más de un año',
    emptyFunds: 'Tu saldo se agotó. Agrega fondos para que los servicios de pago sigan funcionando.',
    recharge: 'La recarga automática probablemente agregará {amount} alrededor del {date}',
    rechargeDistant: 'A este ritmo no hará falta una recarga automática en el próximo año.',
    paused: 'La recarga automática está en pausa: no recargará tu saldo hasta que vuelvas a activarla.',
    capped:
      'La recarga automática superaría su límite mensual de {cap}, así que puede que no recargue tu saldo este mes.',
    basis: 'Según tu gasto promedio de {rate} al día en los últimos {days} días.',
    assumptions:
      'Supone que sigues usando los servicios al mismo ritmo. Los créditos de cortesía se usan primero; no se cuentan los créditos que vencen ni los fondos que agregues.',
    noUsage: 'No hubo uso en los últimos 30 días, así que todavía no hay nada que pronosticar.',
    oneDay: 'Aún no hay datos suficientes para un pronóstico: necesitamos gastos en al menos dos días.',
  },
}

export const spendInsightsMessages = { en, es }

/** This component's strings in the provider's locale, with the host's overrides. */
export function spendText(i18n: Pick<BillingI18n, 'slice'>): (typeof spendInsightsMessages)['en'] {
  return i18n.slice('spendInsights', spendInsightsMessages)
}
