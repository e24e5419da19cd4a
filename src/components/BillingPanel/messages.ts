const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export const panelMessages = { en, es }
