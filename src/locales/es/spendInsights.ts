import type { SpendInsightsMessages } from '../../components/SpendInsights/messages'

export const spendInsights: SpendInsightsMessages = {
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
