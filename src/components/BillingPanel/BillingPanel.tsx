'use client'
import { Tabs } from 'radix-ui'
import { useCallback, useId, useState, type ComponentPropsWithoutRef, type ElementType } from 'react'
import { useBillingI18n } from '../../i18n/context'
import { useRootProps } from '../../provider/root'
import { useControllableState } from '../../ui/useControllableState'
import { BillingAddressForm } from '../BillingAddressForm'
import { PaymentMethods } from '../PaymentMethods'
import { SubscriptionsPanel } from '../SubscriptionsPanel'
import { TransactionHistory } from '../TransactionHistory'
import { WalletCard } from '../WalletCard'

export const BILLING_SECTIONS = ['payments', 'subscriptions', 'wallet'] as const
export type BillingSection = (typeof BILLING_SECTIONS)[number]

type HeadingLevel = 1 | 2 | 3 | 4 | 5

export interface BillingPanelProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The open section (controlled), so a host router can deep-link. */
  section?: BillingSection
  defaultSection?: BillingSection
  onSectionChange?: (section: BillingSection) => void
  /** Level of the panel's title, so it fits the host page's outline. Sections use the next level. */
  headingLevel?: HeadingLevel
  /** Hide the panel title when the host page already shows one (it stays for screen readers). */
  hideTitle?: boolean
}

function isSection(value: string): value is BillingSection {
  return (BILLING_SECTIONS as readonly string[]).includes(value)
}

/** The whole Settings › Billing page: Payments, Subscriptions, Wallet & Transactions. */
export function BillingPanel(props: BillingPanelProps) {
  const {
    section: sectionProp,
    defaultSection = 'payments',
    onSectionChange,
    headingLevel = 2,
    hideTitle = false,
    className,
    style,
    ...rest
  } = props
  const { messages } = useBillingI18n()
  const m = messages.panel
  const root = useRootProps('billing-panel', className, style)
  const [section, setSection] = useControllableState<BillingSection>(sectionProp, defaultSection, onSectionChange)
  const [addCardOpen, setAddCardOpen] = useState(false)
  const titleId = useId()

  const Title = `h${headingLevel}` as ElementType
  const sectionLevel = Math.min(headingLevel + 1, 6) as 2 | 3 | 4 | 5 | 6
  const SectionTitle = `h${sectionLevel}` as ElementType
  const subLevel = Math.min(sectionLevel + 1, 4) as 3 | 4

  const openPayments = useCallback(() => setSection('payments'), [setSection])
  const openAddCard = useCallback(() => {
    setSection('payments')
    setAddCardOpen(true)
  }, [setSection])

  return (
    <section {...rest} {...root} aria-labelledby={titleId}>
      <header className="bp-panel-header">
        <Title id={titleId} className={hideTitle ? 'bp-visually-hidden' : 'bp-panel-title'}>
          {m.title}
        </Title>
        {!hideTitle && <p className="bp-panel-description">{m.description}</p>}
      </header>
      <Tabs.Root
        className="bp-tabs"
        value={section}
        onValueChange={(value) => {
          if (isSection(value)) setSection(value)
        }}
        activationMode="manual"
      >
        <Tabs.List className="bp-tabs-list" aria-label={m.sectionsLabel}>
          {BILLING_SECTIONS.map((id) => (
            <Tabs.Trigger key={id} value={id} className="bp-tab" data-slot="billing-tab">
              {m.sections[id]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>

        <Tabs.Content value="payments" className="bp-tab-panel" data-slot="billing-section">
          <SectionTitle className="bp-visually-hidden">{m.sections.payments}</SectionTitle>
          <p className="bp-section-description">{m.sectionDescriptions.payments}</p>
          <div className="bp-section-stack">
            <PaymentMethods addCardOpen={addCardOpen} onAddCardOpenChange={setAddCardOpen} headingLevel={subLevel} />
            <BillingAddressForm headingLevel={subLevel} />
          </div>
        </Tabs.Content>

        <Tabs.Content value="subscriptions" className="bp-tab-panel" data-slot="billing-section">
          <SectionTitle className="bp-visually-hidden">{m.sections.subscriptions}</SectionTitle>
          <p className="bp-section-description">{m.sectionDescriptions.subscriptions}</p>
          <SubscriptionsPanel onUpdatePaymentMethod={openPayments} headingLevel={subLevel} />
        </Tabs.Content>

        <Tabs.Content value="wallet" className="bp-tab-panel" data-slot="billing-section">
          <SectionTitle className="bp-visually-hidden">{m.sections.wallet}</SectionTitle>
          <p className="bp-section-description">{m.sectionDescriptions.wallet}</p>
          <div className="bp-section-stack">
            <WalletCard onAddPaymentMethod={openAddCard} headingLevel={subLevel} />
            <TransactionHistory headingLevel={subLevel} />
          </div>
        </Tabs.Content>
      </Tabs.Root>
    </section>
  )
}
