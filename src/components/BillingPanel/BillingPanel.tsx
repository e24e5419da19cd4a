'use client'
import { useEffect, useId, useMemo, useState, type ComponentPropsWithoutRef, type ElementType } from 'react'
import { useBillingI18n } from '../../i18n/context'
import { useRootProps } from '../../provider/root'
import { Deferred, deferred } from '../../ui/Deferred'
import { Tab, TabPanel, Tabs, TabsList } from '../../ui/Tabs'
import { useControllableState } from '../../ui/useControllableState'
import { PanelNavigationContext, type PanelNavigation } from './navigation'
import { PaymentsSection } from './PaymentsSection'
import { SectionSkeleton } from './SectionSkeleton'
import { BILLING_SECTIONS, type BillingSection } from './sections'

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

// Payments, the usual first view, ships with the panel: a chunk of its own cost the first view a
// second round trip and 2 KB of chunk overhead. The two other sections share one chunk, fetched
// together when either is first shown or the browser idles (one fetch, not two).
const SubscriptionsSection = deferred(
  () => import('./laterSections').then((m) => ({ SubscriptionsSection: m.SubscriptionsSection })),
  'SubscriptionsSection',
)
const WalletSection = deferred(
  () => import('./laterSections').then((m) => ({ WalletSection: m.WalletSection })),
  'WalletSection',
)

const LATER_SECTIONS = { subscriptions: SubscriptionsSection, wallet: WalletSection }

/** Fetches the later sections' code and marks both ready with it, so neither tab shows a skeleton. */
function preloadLaterSections(): void {
  void Promise.all([SubscriptionsSection.preload(), WalletSection.preload()])
}

/** A section's content: Payments at once, the others through their chunk with a skeleton meanwhile. */
function SectionBody({ section, headingLevel }: { section: BillingSection; headingLevel: 3 | 4 }) {
  if (section === 'payments') return <PaymentsSection headingLevel={headingLevel} />
  const Later = LATER_SECTIONS[section]
  return (
    <Deferred fallback={<SectionSkeleton section={section} />}>
      <Later headingLevel={headingLevel} />
    </Deferred>
  )
}

function isSection(value: string): value is BillingSection {
  return (BILLING_SECTIONS as readonly string[]).includes(value)
}

/** Runs `task` once the browser has nothing better to do; returns how to call it off. */
function whenIdle(task: () => void): () => void {
  if (typeof window === 'undefined') return () => {}
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 4000 })
    return () => window.cancelIdleCallback(id)
  }
  const id = window.setTimeout(task, 1500)
  return () => window.clearTimeout(id)
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

  const navigation = useMemo<PanelNavigation>(
    () => ({
      goTo: setSection,
      openAddCard: () => {
        setSection('payments')
        setAddCardOpen(true)
      },
      addCard: { open: addCardOpen, onOpenChange: setAddCardOpen },
    }),
    [setSection, addCardOpen],
  )

  // Once the open section is on screen, fetch the others while the browser idles, so switching
  // tabs rarely waits. Effects never run on the server.
  useEffect(() => whenIdle(preloadLaterSections), [])

  return (
    <PanelNavigationContext.Provider value={navigation}>
      <section {...rest} {...root} aria-labelledby={titleId}>
        <header className="bp-panel-header">
          <Title id={titleId} className={hideTitle ? 'bp-visually-hidden' : 'bp-panel-title'}>
            {m.title}
          </Title>
          {!hideTitle && <p className="bp-panel-description">{m.description}</p>}
        </header>
        <Tabs
          value={section}
          onValueChange={(value) => {
            if (isSection(value)) setSection(value)
          }}
          activationMode="manual"
        >
          <TabsList aria-label={m.sectionsLabel}>
            {BILLING_SECTIONS.map((id) => {
              // A pointer on its way, or keyboard focus, usually means a click is coming.
              const preload = id === 'payments' ? undefined : preloadLaterSections
              return (
                <Tab key={id} value={id} data-slot="billing-tab" onPointerEnter={preload} onFocus={preload}>
                  {m.sections[id]}
                </Tab>
              )
            })}
          </TabsList>

          {BILLING_SECTIONS.map((id) => (
            <TabPanel key={id} value={id} data-slot="billing-section">
              <SectionTitle className="bp-visually-hidden">{m.sections[id]}</SectionTitle>
              <p className="bp-section-description">{m.sectionDescriptions[id]}</p>
              <SectionBody section={id} headingLevel={subLevel} />
            </TabPanel>
          ))}
        </Tabs>
      </section>
    </PanelNavigationContext.Provider>
  )
}
