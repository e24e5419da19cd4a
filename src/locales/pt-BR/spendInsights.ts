import type { SpendInsightsMessages } from '../../components/SpendInsights/messages'

export const spendInsights: SpendInsightsMessages = {
  title: 'Para onde vai seu dinheiro',
  description: 'Quanto custa o uso de SMS, e-mail e ligações, por categoria.',
  loading: 'Carregando gastos…',
  loadError: 'Não conseguimos carregar seus gastos.',
  range: {
    label: 'Período exibido',
    days: 'Últimos 30 dias',
    months: 'Últimos 12 meses',
  },
  chart: {
    name: 'Gastos por categoria, {range}',
    instructions: 'Use as setas para passar de uma barra a outra; Home e End vão para a primeira e a última.',
    bar: '{period}: {total}',
    noSpend: 'sem gastos',
    axis: 'Escala até {amount}',
  },
  legend: {
    label: 'Categorias: selecione uma para mostrá-la ou ocultá-la',
    hidden: 'oculta',
  },
  view: { table: 'Ver como tabela', chart: 'Ver como gráfico' },
  table: {
    caption: 'Gastos por categoria, {range}',
    period: 'Período',
    total: 'Total',
  },
  empty: {
    title: 'Nenhum uso ainda',
    body: 'Quando serviços como SMS, e-mail ou ligações usarem seus créditos, você verá aqui quanto eles custam.',
  },
  month: {
    title: 'Este mês até agora',
    last: 'Mês passado: {amount}',
    noLast: 'Sem gastos no mês passado.',
  },
  top: {
    title: 'Principais categorias do mês',
    share: '{percent} deste mês',
    none: 'Ainda não há gastos este mês.',
  },
  forecast: {
    title: 'Previsão',
    runway: {
      one: 'Neste ritmo, seu saldo dura cerca de 1 dia',
      other: 'Neste ritmo, seu saldo dura cerca de {count} dias',
    },
    runwayCredits: {
      one: 'Neste ritmo, seus créditos de cortesia duram cerca de 1 dia',
      other: 'Neste ritmo, seus créditos de cortesia duram cerca de {count} dias',
    },
    runwayToday: 'Neste ritmo, seu saldo acaba hoje',
    runwayLong: 'Neste ritmo, seu saldo dura mais de um ano',
    emptyFunds: 'Seu saldo acabou. Adicione saldo para manter os serviços pagos funcionando.',
    recharge: 'A recarga automática deve adicionar {amount} por volta de {date}',
    rechargeDistant: 'Neste ritmo, a recarga automática não será necessária em menos de um ano.',
    paused: 'A recarga automática está pausada e não vai repor seu saldo até ser reativada.',
    capped: 'A recarga automática ultrapassaria o limite mensal de {cap}, então talvez não reponha seu saldo este mês.',
    basis: 'Com base no seu gasto médio de {rate} por dia nos últimos {days} dias.',
    assumptions:
      'Isso supõe que você continue usando os serviços no mesmo ritmo. Os créditos de cortesia são usados primeiro; créditos que vencem e o saldo que você adicionar não entram na conta.',
    noUsage: 'Nenhum uso nos últimos 30 dias, então ainda não há o que prever.',
    oneDay: 'Ainda não há dados suficientes para prever: precisamos de gastos em pelo menos dois dias.',
  },
}
