const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export const walletMessages = { en, es }
