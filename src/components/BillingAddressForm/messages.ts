const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export const billingAddressMessages = { en, es }
