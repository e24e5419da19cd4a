import type { UiMessages } from '../../ui/messages'

export const ui: UiMessages = {
  close: 'Cerrar',
  cancel: 'Cancelar',
  confirm: 'Confirmar',
  retry: 'Reintentar',
  reloadPage: 'Recargar la página',
  reloadHint: 'Esta parte de la página sigue sin cargar. Al recargar la página se vuelve a descargar.',
  loading: 'Cargando…',
  working: 'Procesando…',
  required: 'obligatorio',
  optional: 'opcional',
  errorTitle: 'No se pudo completar',
  dismiss: 'Descartar',
  money: {
    empty: 'Ingresa un monto.',
    invalid: 'Usa solo números, por ejemplo {example}.',
    negative: 'El monto no puede ser negativo.',
    too_many_decimals: 'Usa como máximo {decimals} decimales.',
    no_decimals: 'Esta moneda no usa decimales.',
    too_large: 'El monto es demasiado alto.',
    belowMin: 'El mínimo es {min}.',
    aboveMax: 'El máximo es {max}.',
    amountIn: 'Monto en {currency}',
  },
}
