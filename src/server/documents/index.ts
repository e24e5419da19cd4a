export { formatDocumentDate, formatDocumentMoney } from './format'
export {
  signDocumentToken,
  verifyDocumentToken,
  type DocumentKind,
  type DocumentLink,
  type DocumentSecret,
  type DocumentTokenError,
} from './links'
export { renderBillingDocument, type BillingDocument } from './pdf'
export { DOCUMENT_TEXT, type DocumentStatus, type DocumentText } from './text'
export { toWinAnsi } from './typeset'
