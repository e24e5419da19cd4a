const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export const subscriptionsMessages = { en, es }
