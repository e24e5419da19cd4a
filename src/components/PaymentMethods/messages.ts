const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export const paymentMethodsMessages = { en, es }
