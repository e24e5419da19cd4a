'use client'
import type { ComponentPropsWithoutRef, Ref } from 'react'
import type { BillingAddress, BillingProfile } from '../../adapter/types'
import { useBillingI18n } from '../../i18n'
import { Button, cx, DescriptionItem, DescriptionList, EmptyState, PlusIcon } from '../../ui'
import { isTaxIdType, POSTAL_CODE_AFTER_CITY } from './addressFormat'
import { billingProfileText } from './messages'

export interface BillingProfileViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** `null`: nothing saved yet, shown as an empty state. */
  profile: BillingProfile | null
  /** "Add billing information" in the empty state; left out when the user may not edit. */
  onAdd?: () => void
  /** A pointer or focus reached "Add billing information": a click is likely to follow. */
  onAddIntent?: () => void
  /** The add button, so focus can come back to it. */
  addButtonRef?: Ref<HTMLButtonElement>
  /** Heading level of the empty state's title. Default 3. */
  headingLevel?: 3 | 4
}

/** The address as it is written in its country: "06600 Ciudad de México, CDMX" or "Austin, TX 78701". */
export function addressLines(address: BillingAddress, countryName: (code: string) => string) {
  const { line1, line2, city, region, postalCode, country } = address
  const locality = POSTAL_CODE_AFTER_CITY.has(country)
    ? [[city, region].filter(Boolean).join(', '), postalCode].filter(Boolean).join(' ')
    : [[postalCode, city].filter(Boolean).join(' '), region].filter(Boolean).join(', ')
  const lines = { line1, line2, locality, country: country ? countryName(country) : '' }
  return Object.entries(lines).filter((entry): entry is [string, string] => Boolean(entry[1]))
}

/** The saved billing information, read-only. */
export function BillingProfileView({
  profile,
  onAdd,
  onAddIntent,
  addButtonRef,
  headingLevel = 3,
  className,
  ...props
}: BillingProfileViewProps) {
  const billingI18n = useBillingI18n()
  const { t, countryName } = billingI18n
  const m = billingProfileText(billingI18n)

  if (!profile) {
    const Heading = `h${headingLevel}` as 'h3'
    return (
      <EmptyState
        {...props}
        as={Heading}
        className={cx('bp-billing-empty', className)}
        title={m.empty.title}
        description={onAdd ? m.empty.description : m.empty.readOnly}
        action={
          onAdd && (
            <Button
              ref={addButtonRef}
              variant="primary"
              onClick={onAdd}
              onPointerEnter={onAddIntent}
              onFocus={onAddIntent}
              data-slot="billing-profile-add"
            >
              <PlusIcon />
              {m.empty.add}
            </Button>
          )
        }
        data-state="empty"
      />
    )
  }

  const taxType = profile.taxId?.type ?? ''
  const taxLabel = isTaxIdType(taxType) ? m.form.taxTypes[taxType] : taxType.toUpperCase().replace(/_/g, ' ')

  return (
    <div {...props} data-slot="billing-profile-view" className={cx('bp-billing-view', className)}>
      <DescriptionList className="bp-billing-view-list">
        <DescriptionItem term={m.view.name}>{profile.name}</DescriptionItem>
        {profile.company && <DescriptionItem term={m.view.company}>{profile.company}</DescriptionItem>}
        <DescriptionItem term={m.view.email}>{profile.email}</DescriptionItem>
        <DescriptionItem term={m.view.address} className="bp-billing-view-address">
          {addressLines(profile.address, countryName).map(([part, line]) => (
            <span key={part} className="bp-billing-view-line">
              {line}
            </span>
          ))}
        </DescriptionItem>
        <DescriptionItem term={m.view.taxId}>
          {profile.taxId ? (
            <>
              <span className="bp-billing-view-line bp-billing-view-tax-type">{taxLabel}</span>
              <span className="bp-billing-view-line">{profile.taxId.value}</span>
            </>
          ) : (
            <span className="bp-muted">{m.view.noTaxId}</span>
          )}
        </DescriptionItem>
        <DescriptionItem
          term={m.view.walletReceipts}
          data-status={profile.walletReceipts ? 'on' : 'off'}
          data-state={profile.walletReceipts ? 'on' : 'off'}
        >
          {profile.walletReceipts ? (
            t(m.view.receiptsOn, { email: profile.email })
          ) : (
            <span className="bp-muted">{m.view.receiptsOff}</span>
          )}
        </DescriptionItem>
      </DescriptionList>
    </div>
  )
}
