// WalletCard's dialogs, behind one dynamic import: the first one opened brings the other, so
// a host's bundler makes one chunk of them (and what they share) rather than one per dialog.
export { AddFundsDialog } from './AddFundsDialog'
export { AutoRechargeDialog } from './AutoRechargeDialog'
