const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export const transactionsMessages = { en, es }
