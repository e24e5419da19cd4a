'use client'
import { createContext, useContext } from 'react'
import type { BillingSection } from './sections'

/** What any section of the panel may ask of it: commands, not state passed back and forth. */
export interface PanelNavigation {
  /** Shows a section, as its tab would. */
  goTo: (section: BillingSection) => void
  /** Shows Payments with the add-card dialog open (e.g. from the wallet, when no card can pay). */
  openAddCard: () => void
  /** The add-card dialog of the Payments section, opened by `openAddCard` or by its own button. */
  addCard: { open: boolean; onOpenChange: (open: boolean) => void }
}

export const PanelNavigationContext = createContext<PanelNavigation | null>(null)

export function usePanelNavigation(): PanelNavigation {
  const navigation = useContext(PanelNavigationContext)
  if (!navigation) {
    throw new Error(
      'react-billing-panel: a BillingPanel section was rendered outside <BillingPanel>. Render <BillingPanel /> itself, or the section components (PaymentMethods, WalletCard…) on their own.',
    )
  }
  return navigation
}
