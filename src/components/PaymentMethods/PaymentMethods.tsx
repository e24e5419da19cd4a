'use client'
import { useCallback, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import { type BillingError, toBillingError } from '../../adapter/errors'
import type { PaymentMethod } from '../../adapter/types'
import { useCapabilities, usePaymentMethods, useSetDefaultPaymentMethod } from '../../data'
import { useBillingI18n } from '../../i18n'
import { useBillingContext } from '../../provider/context'
import {
  Button,
  CardIcon,
  Deferred,
  deferred,
  EmptyState,
  LoadingStatus,
  Notice,
  PlusIcon,
  Skeleton,
  StatusBadge,
  useAnnounce,
  useControllableState,
  useErrorMessage,
  useLatch,
  VisuallyHidden,
} from '../../ui'
import { ResourceSection } from '../shared/ResourceSection'
import { cardExpiryState } from './expiry'
import { defaultFirst, methodName } from './methodName'
import { PaymentMethodRow } from './PaymentMethodRow'
import { paymentMethodsText } from './messages'

// The two dialogs are one chunk (./dialogs): the list shows without it, and their code is fetched when
// a pointer or focus reaches the button that opens them (or when opened from outside).
const AddCardDialog = deferred(() => import('./dialogs'), 'AddCardDialog')
const RemoveCardDialog = deferred(() => import('./dialogs'), 'RemoveCardDialog')
const preloadAddCard = () => void AddCardDialog.preload()
const preloadRemove = () => void RemoveCardDialog.preload()

export interface PaymentMethodsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The add-card dialog's state (controlled), e.g. opened from the wallet's "Add a card". */
  addCardOpen?: boolean
  defaultAddCardOpen?: boolean
  onAddCardOpenChange?: (open: boolean) => void
  /** After a new card was recorded, with the payment method the adapter returned. */
  onCardAdded?: (paymentMethod: PaymentMethod) => void
  /** After a card was removed, with its id. */
  onRemoved?: (id: string) => void
  /** After another card became the default, with its id. */
  onDefaultChanged?: (id: string) => void
  /** The section title's heading level, to fit the host page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4
}

interface DefaultFailure {
  method: PaymentMethod
  previous: PaymentMethod | null
  error: BillingError
}

/**
 * "Métodos de Pago": saved cards, default first, with "Agregar Nueva Tarjeta", "Eliminar" and
 * "Establecer como principal". Card data only ever goes into Stripe's iframe.
 */
export function PaymentMethods({
  addCardOpen,
  defaultAddCardOpen = false,
  onAddCardOpenChange,
  onCardAdded,
  onRemoved,
  onDefaultChanged,
  headingLevel = 2,
  ...props
}: PaymentMethodsProps) {
  const i18n = useBillingI18n()
  const m = paymentMethodsText(i18n)
  const { readOnly } = useBillingContext()
  const capabilities = useCapabilities()
  const methods = usePaymentMethods()
  const setDefault = useSetDefaultPaymentMethod()
  const announce = useAnnounce()
  const errorMessage = useErrorMessage()
  const [addOpen, setAddOpen] = useControllableState(addCardOpen, defaultAddCardOpen, onAddCardOpenChange)
  // Mounted from its first opening on, so closing animates and hands focus back like any dialog.
  const addMounted = useLatch(addOpen)
  const [removing, setRemoving] = useState<PaymentMethod | null>(null)
  const [removeOpen, setRemoveOpen] = useState(false)
  const [defaultFailure, setDefaultFailure] = useState<DefaultFailure | null>(null)
  const removeButtons = useRef(new Map<string, HTMLButtonElement>())
  const listRef = useRef<HTMLUListElement>(null)
  const addButtonRef = useRef<HTMLButtonElement>(null)

  const data = methods.data
  const now = new Date()
  const canAdd = capabilities.addPaymentMethod
  const canRemove = capabilities.removePaymentMethod
  const canSetDefault = capabilities.setDefaultPaymentMethod
  const defaultCard = data?.find((d) => d.isDefault) ?? null

  const removeRefFor = useCallback(
    (id: string) => (node: HTMLButtonElement | null) => {
      if (node) removeButtons.current.set(id, node)
      else removeButtons.current.delete(id)
    },
    [],
  )

  /** Somewhere sensible for focus when the element that had it is gone. */
  const focusFallback = useCallback(
    () =>
      listRef.current?.querySelector<HTMLElement>('[data-slot="payment-method-actions"] button') ??
      addButtonRef.current ??
      listRef.current,
    [],
  )

  const makeDefault = async (method: PaymentMethod) => {
    if (setDefault.isPending) return
    const previous = data?.find((d) => d.isDefault) ?? null
    setDefaultFailure(null)
    // "Set as default" leaves the row as soon as the card is the default: keep focus in the row.
    const active = document.activeElement
    if (active instanceof HTMLElement && active.dataset.slot === 'payment-method-set-default') {
      ;(removeButtons.current.get(method.id) ?? listRef.current)?.focus()
    }
    try {
      await setDefault.mutateAsync(method.id)
      announce(i18n.t(m.setDefault.success, { card: methodName(method, i18n) }))
      onDefaultChanged?.(method.id)
    } catch (thrown) {
      // The hook already put the old default back; say so, and why.
      setDefaultFailure({ method, previous, error: toBillingError(thrown) })
    }
  }

  const startRemove = (method: PaymentMethod) => {
    setDefaultFailure(null)
    setRemoving(method)
    setRemoveOpen(true)
  }

  const addButton = (ref?: typeof addButtonRef) => (
    <Button
      ref={ref}
      variant="primary"
      onClick={() => setAddOpen(true)}
      onPointerEnter={preloadAddCard}
      onFocus={preloadAddCard}
      data-slot="payment-methods-add"
    >
      <PlusIcon />
      {m.addCard}
    </Button>
  )

  const isEmpty = data !== undefined && data.length === 0
  let actions: ReactNode
  if (readOnly) {
    actions = (
      <StatusBadge status="read-only" tone="neutral">
        {i18n.messages.common.readOnly}
      </StatusBadge>
    )
  } else if (canAdd && !isEmpty && data) {
    actions = addButton(addButtonRef)
  }

  const list = (ordered: PaymentMethod[]) => {
    if (ordered.length === 0) {
      return (
        <EmptyState
          as={headingLevel === 4 ? 'p' : (`h${headingLevel + 1}` as 'h3')}
          icon={<CardIcon />}
          title={m.empty.title}
          description={canAdd ? m.empty.description : m.empty.readOnlyDescription}
          action={canAdd ? addButton(addButtonRef) : undefined}
        />
      )
    }
    const defaultExpired = defaultCard !== null && cardExpiryState(defaultCard, now) === 'expired'
    return (
      <div className="bp-pm-body">
        {defaultFailure && (
          <Notice
            tone="danger"
            title={i18n.t(m.setDefault.failed, { card: methodName(defaultFailure.method, i18n) })}
            data-slot="payment-methods-default-failed"
            action={
              <Button size="sm" variant="ghost" onClick={() => setDefaultFailure(null)}>
                {i18n.messages.ui.dismiss}
              </Button>
            }
          >
            {defaultFailure.previous
              ? i18n.t(m.setDefault.keptPrevious, { card: methodName(defaultFailure.previous, i18n) })
              : m.setDefault.keptNone}{' '}
            {errorMessage(defaultFailure.error)}
          </Notice>
        )}
        {defaultExpired && (
          <Notice tone="warning" title={m.defaultExpired.title} role="note" data-slot="payment-methods-default-expired">
            {m.defaultExpired.text}
          </Notice>
        )}
        {!defaultCard && (
          <Notice tone="info" role="note" data-slot="payment-methods-no-default">
            {m.noDefault}
          </Notice>
        )}
        <ul ref={listRef} tabIndex={-1} className="bp-pm-list" aria-label={m.listLabel} data-slot="payment-method-list">
          {ordered.map((method) => (
            <PaymentMethodRow
              key={method.id}
              method={method}
              now={now}
              removeRef={removeRefFor(method.id)}
              onSetDefault={canSetDefault ? (pm) => void makeDefault(pm) : undefined}
              onRemove={canRemove ? startRemove : undefined}
              onRemoveIntent={preloadRemove}
              pending={setDefault.isPending && setDefault.variables === method.id}
              actionsDisabled={setDefault.isPending}
            />
          ))}
        </ul>
      </div>
    )
  }

  return (
    <ResourceSection
      {...props}
      slot="payment-methods"
      query={methods}
      messages={m}
      headingLevel={headingLevel}
      loading={<ListSkeleton label={m.loading} />}
      actions={actions}
      state={isEmpty ? 'empty' : 'ready'}
      ready={(saved) => list(defaultFirst(saved))}
    >
      {canAdd && addMounted && (
        <Deferred fallback={<LoadingStatus />}>
          <AddCardDialog
            open={addOpen}
            onOpenChange={setAddOpen}
            onSuccess={onCardAdded}
            returnFocusFallback={focusFallback}
          />
        </Deferred>
      )}
      {removing && (
        <Deferred fallback={<LoadingStatus />}>
          <RemoveCardDialog
            open={removeOpen}
            onOpenChange={setRemoveOpen}
            paymentMethod={removing}
            now={now}
            onRemoved={onRemoved}
            onDefaultChanged={onDefaultChanged}
            onAddCard={canAdd ? () => setAddOpen(true) : undefined}
            onCloseAutoFocus={(event) => {
              event.preventDefault()
              const target = removeButtons.current.get(removing.id) ?? focusFallback()
              target?.focus()
            }}
          />
        </Deferred>
      )}
    </ResourceSection>
  )
}

/** Shaped like the loaded rows (a brand tile, two lines), so nothing jumps. */
function ListSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="bp-pm-list bp-pm-skeleton" data-slot="payment-methods-loading">
      <VisuallyHidden>{label}</VisuallyHidden>
      {['first', 'second', 'third'].map((row) => (
        <div key={row} className="bp-pm-row" aria-hidden="true">
          <Skeleton className="bp-brand-mark" />
          <div className="bp-pm-text">
            <Skeleton width="45%" height="1em" />
            <Skeleton width="30%" height="0.8em" />
          </div>
        </div>
      ))}
    </div>
  )
}
