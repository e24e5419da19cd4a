'use client'
import { useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import type { BillingProfile } from '../../adapter/types'
import { useBillingProfile, useCapabilities } from '../../data'
import { useBillingI18n } from '../../i18n'
import { Button, Deferred, deferred, LoadingState, Notice, StatusBadge, useControllableState } from '../../ui'
import { ResourceSection } from '../shared/ResourceSection'
import { BillingProfileView } from './BillingProfileView'
import { billingProfileText } from './messages'

// The form (country list, postal and tax rules, validation) is its own chunk: reading the saved
// information needs none of it. Fetched when a pointer or focus reaches "Edit".
const BillingProfileForm = deferred(() => import('./BillingProfileForm'), 'BillingProfileForm')
const preloadForm = () => void BillingProfileForm.preload()

export interface BillingProfileCardProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** After the billing information was saved, with the profile as the adapter stored it. */
  onSaved?: (profile: BillingProfile) => void
  /** Whether the form is shown (controlled). Ignored when the user may not edit. */
  editing?: boolean
  defaultEditing?: boolean
  onEditingChange?: (editing: boolean) => void
  /** The card title's heading level, to fit the host page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4
}

/**
 * Billing information: the saved name, address, tax ID and receipt settings, and an "Edit"
 * that opens the country-aware form in place.
 */
export function BillingProfileCard({
  onSaved,
  editing: editingProp,
  defaultEditing = false,
  onEditingChange,
  headingLevel = 2,
  ...props
}: BillingProfileCardProps) {
  const billingI18n = useBillingI18n()
  const { messages } = billingI18n
  const m = billingProfileText(billingI18n)
  const canEdit = useCapabilities().updateBillingProfile
  const query = useBillingProfile()
  const [editingState, setEditing] = useControllableState(editingProp, defaultEditing, onEditingChange)
  const [justSaved, setJustSaved] = useState(false)
  const [focusForm, setFocusForm] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)

  const loaded = query.data !== undefined
  const profile = query.data ?? null
  const editing = editingState && canEdit && loaded
  const subLevel = (headingLevel + 1) as 3 | 4

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false
      editButton.current?.focus()
    }
  }, [editing])

  const startEditing = () => {
    setJustSaved(false)
    setFocusForm(true)
    setEditing(true)
  }

  const stopEditing = () => {
    returnFocus.current = true
    setEditing(false)
  }

  const content = () =>
    editing ? (
      <Deferred fallback={<LoadingState rows={6} />}>
        <BillingProfileForm
          profile={profile}
          autoFocus={focusForm}
          onCancel={stopEditing}
          onSaved={(saved) => {
            setJustSaved(true)
            stopEditing()
            onSaved?.(saved)
          }}
        />
      </Deferred>
    ) : (
      <>
        {justSaved && (
          // Already announced when it happened; this is the lasting, visible confirmation.
          <Notice tone="success" role="note" data-slot="billing-profile-saved">
            {m.form.saved}
          </Notice>
        )}
        <BillingProfileView
          profile={profile}
          headingLevel={subLevel}
          onAdd={canEdit ? startEditing : undefined}
          onAddIntent={preloadForm}
          addButtonRef={editButton}
        />
      </>
    )

  const actions =
    loaded && !editing ? (
      canEdit ? (
        profile && (
          <Button
            ref={editButton}
            onClick={startEditing}
            onPointerEnter={preloadForm}
            onFocus={preloadForm}
            aria-label={m.editLabel}
            data-slot="billing-profile-edit"
          >
            {m.edit}
          </Button>
        )
      ) : (
        <StatusBadge status="read-only" tone="neutral">
          {messages.common.readOnly}
        </StatusBadge>
      )
    ) : undefined

  return (
    <ResourceSection
      {...props}
      slot="billing-address-form"
      query={query}
      messages={m}
      headingLevel={headingLevel}
      actions={actions || undefined}
      state={editing ? 'editing' : profile ? 'view' : 'empty'}
      ready={content}
    />
  )
}
