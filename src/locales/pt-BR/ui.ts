import type { UiMessages } from '../../ui/messages'

export const ui: UiMessages = {
  close: 'Fechar',
  cancel: 'Cancelar',
  confirm: 'Confirmar',
  retry: 'Tentar novamente',
  reloadPage: 'Recarregar a página',
  reloadHint: 'Esta parte da página ainda não carregou. Ao recarregar a página, ela é baixada de novo.',
  loading: 'Carregando…',
  working: 'Processando…',
  required: 'obrigatório',
  optional: 'opcional',
  errorTitle: 'Não deu certo',
  dismiss: 'Dispensar',
  money: {
    empty: 'Informe um valor.',
    invalid: 'Use apenas números, por exemplo {example}.',
    negative: 'O valor não pode ser negativo.',
    too_many_decimals: 'Use no máximo {decimals} casas decimais.',
    no_decimals: 'Esta moeda não usa casas decimais.',
    too_large: 'Esse valor é alto demais.',
    belowMin: 'O mínimo é {min}.',
    aboveMax: 'O máximo é {max}.',
    amountIn: 'Valor em {currency}',
  },
}
