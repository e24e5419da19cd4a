/** The wallet card's buttons that open its dialogs, as named on their `data-slot`. */
export type WalletAction = 'wallet-add-funds' | 'wallet-auto-recharge-edit'

/**
 * Puts focus back on the wallet card's own button when the element that opened a dialog is
 * gone (e.g. the retry shown while the dialog's code failed to load). Tries the given buttons
 * in order, so keyboard users never fall back to the top of the page.
 */
export function focusWalletAction(prefer: readonly WalletAction[]): boolean {
  if (typeof document === 'undefined') return false
  for (const slot of prefer) {
    const button = document.querySelector<HTMLElement>(`[data-slot="wallet-card"] [data-slot="${slot}"]`)
    if (button) {
      button.focus()
      return true
    }
  }
  return false
}
