/** The actions a card can offer, as named on their buttons' `data-action`. */
export type CardAction = 'cancel' | 'resume' | 'change-plan'

/**
 * Moves focus into a subscription's card after its actions changed under the person's focus
 * (Cancel turns into Resume and back). Tries the given actions in order, then the card itself,
 * so keyboard users never fall back to the top of the page.
 */
export function focusSubscriptionCard(subscriptionId: string, prefer: readonly CardAction[] = []): boolean {
  if (typeof document === 'undefined') return false
  const cards = document.querySelectorAll<HTMLElement>('[data-slot="subscription-card"]')
  const card = [...cards].find((element) => element.dataset.subscriptionId === subscriptionId)
  if (!card) return false
  for (const action of prefer) {
    const button = card.querySelector<HTMLElement>(`[data-action="${action}"]`)
    if (button) {
      button.focus()
      return true
    }
  }
  card.focus()
  return true
}
