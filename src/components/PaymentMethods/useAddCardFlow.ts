'use client'
import type { Stripe } from '@stripe/stripe-js'
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react'
import { BillingError, toBillingError } from '../../adapter/errors'
import type { AttachPaymentMethodInput, PaymentMethod } from '../../adapter/types'
import { useAttachPaymentMethod, useCreateSetupIntent, usePaymentMethods } from '../../data'
import { useBillingContext } from '../../provider/context'
import {
  type ConfirmSetupOutcome,
  loadStripeCardForm,
  type StripeCardFormHandle,
  type StripeCardFormProps,
  StripeLoadTimeoutError,
  withTimeout,
} from '../../stripe/cardForm'
import { useAddCardSession } from './addCardSession'

/** How long Stripe.js, the form's code and the Payment Element together may take to appear. */
export const STRIPE_LOAD_TIMEOUT_MS = 15_000

export type StripeLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; stripe: Stripe; Form: ComponentType<StripeCardFormProps> }
  | { status: 'failed'; reason: 'unavailable' | 'timeout' }

export type AddCardFailure =
  | { kind: 'stripe'; outcome: Extract<ConfirmSetupOutcome, { status: 'failed' }> }
  | { kind: 'attach'; error: BillingError }

/** confirming: Stripe (and the bank's 3-D Secure) at work; attaching: the adapter records the card. */
export type AddCardPhase = 'idle' | 'confirming' | 'attaching'

export interface AddCardFlowOptions {
  open: boolean
  setOpen: (open: boolean) => void
  onAdded: (method: PaymentMethod, madeDefault: boolean) => void
  timeoutMs?: number
}

/**
 * The add-card flow: Stripe and the card form load when the dialog opens, the adapter starts a
 * SetupIntent, Stripe confirms it, the adapter attaches the card. A card Stripe confirmed but
 * the adapter failed to attach is remembered, so the only way forward is finishing that same
 * SetupIntent, never typing the card again.
 */
export function useAddCardFlow({ open, setOpen, onAdded, timeoutMs = STRIPE_LOAD_TIMEOUT_MS }: AddCardFlowOptions) {
  const { loadStripe } = useBillingContext()
  const methods = usePaymentMethods()
  const createIntent = useCreateSetupIntent()
  const attachMutation = useAttachPaymentMethod()
  const [session, updateSession] = useAddCardSession()
  const [load, setLoad] = useState<StripeLoad>({ status: 'idle' })
  const [elementReady, setElementReady] = useState(false)
  const [intentError, setIntentError] = useState<BillingError | null>(null)
  const [failure, setFailure] = useState<AddCardFailure | null>(null)
  const [phase, setPhase] = useState<AddCardPhase>('idle')
  const [makeDefaultChoice, setMakeDefault] = useState<boolean | null>(null)
  const handle = useRef<StripeCardFormHandle | null>(null)
  // Refs as well as state: a second click can land before React re-renders the button.
  const inFlight = useRef(false)
  const intentInFlight = useRef(false)
  const loadAttempt = useRef(0)
  const wasOpen = useRef(false)

  const cards = methods.data
  const hasDefault = cards?.some((m) => m.isDefault) ?? false
  const makeDefault = makeDefaultChoice ?? (cards !== undefined && !hasDefault)

  const prepare = useCallback(() => {
    if (!loadStripe) {
      // A host that configured no Stripe gets the message, not an endless skeleton.
      setLoad({ status: 'failed', reason: 'unavailable' })
      return
    }
    const attempt = ++loadAttempt.current
    setElementReady(false)
    setLoad({ status: 'loading' })
    withTimeout(Promise.all([loadStripe(), loadStripeCardForm()]), timeoutMs).then(
      ([stripe, Form]) => {
        if (attempt === loadAttempt.current) setLoad({ status: 'ready', stripe, Form })
      },
      (error: unknown) => {
        if (attempt !== loadAttempt.current) return
        setLoad({ status: 'failed', reason: error instanceof StripeLoadTimeoutError ? 'timeout' : 'unavailable' })
      },
    )
  }, [loadStripe, timeoutMs])

  const requestIntent = useCallback(async () => {
    if (intentInFlight.current) return
    intentInFlight.current = true
    setIntentError(null)
    try {
      const result = await createIntent.mutateAsync()
      const secret = result?.clientSecret
      if (typeof secret !== 'string' || secret === '') throw new BillingError('invalid_response')
      updateSession({ clientSecret: secret })
    } catch (error) {
      setIntentError(toBillingError(error))
    } finally {
      intentInFlight.current = false
    }
  }, [createIntent.mutateAsync, updateSession])

  // Only the moment of opening starts work; a failure while open waits for the person's retry.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on open/close only
  useEffect(() => {
    const opening = open && !wasOpen.current
    wasOpen.current = open
    if (!open) {
      setElementReady(false)
      return
    }
    if (!opening) return
    setFailure((current) => (current?.kind === 'stripe' ? null : current))
    if (session.pending) return
    if (load.status === 'idle' || load.status === 'failed') prepare()
    if (!session.clientSecret) void requestIntent()
  }, [open])

  // Stripe.js can load while its iframe never shows (blocked frame, CSP): no endless spinner.
  useEffect(() => {
    if (!open || load.status !== 'ready' || !session.clientSecret || elementReady || session.pending) return
    const timer = setTimeout(() => setLoad({ status: 'failed', reason: 'timeout' }), timeoutMs)
    return () => clearTimeout(timer)
  }, [open, load.status, session.clientSecret, session.pending, elementReady, timeoutMs])

  const finish = useCallback(
    (method: PaymentMethod, madeDefault: boolean) => {
      updateSession({ clientSecret: null, pending: null })
      setFailure(null)
      setMakeDefault(null)
      setElementReady(false)
      setOpen(false)
      onAdded(method, madeDefault)
    },
    [onAdded, setOpen, updateSession],
  )

  const attach = async (input: AttachPaymentMethodInput) => {
    setPhase('attaching')
    try {
      const method = await attachMutation.mutateAsync(input)
      finish(method, input.makeDefault || method.isDefault)
    } catch (error) {
      setFailure({ kind: 'attach', error: toBillingError(error) })
    }
  }

  const submit = async () => {
    const secret = session.clientSecret
    if (inFlight.current || !handle.current || !secret || session.pending) return
    inFlight.current = true
    setFailure(null)
    setPhase('confirming')
    try {
      const outcome = await handle.current.confirm()
      if (outcome.status === 'failed') {
        // Stripe shows field problems inside its own form; take the person there.
        if (outcome.type === 'validation_error') handle.current?.focus()
        else setFailure({ kind: 'stripe', outcome })
        return
      }
      const input: AttachPaymentMethodInput = {
        setupIntentId: outcome.setupIntentId,
        paymentMethodId: outcome.paymentMethodId,
        makeDefault,
      }
      // Remembered before the adapter is asked, so a failure or a closed tab cannot lose it.
      updateSession({ pending: input })
      await attach(input)
    } finally {
      inFlight.current = false
      setPhase('idle')
    }
  }

  const retryAttach = async () => {
    const input = session.pending
    if (inFlight.current || !input) return
    inFlight.current = true
    setFailure(null)
    try {
      await attach(input)
    } finally {
      inFlight.current = false
      setPhase('idle')
    }
  }

  // The attach may have gone through with only the answer lost: the refreshed list tells.
  const pendingPm = session.pending?.paymentMethodId ?? null
  useEffect(() => {
    if (!pendingPm || phase !== 'idle' || !cards) return
    const found = cards.find((m) => m.id === pendingPm)
    if (found) finish(found, found.isDefault)
  }, [phase, pendingPm, cards, finish])

  const retryLoad = () => {
    setFailure(null)
    prepare()
    if (!session.clientSecret) void requestIntent()
  }

  return {
    load,
    clientSecret: session.clientSecret,
    pending: session.pending,
    intentError,
    intentPending: createIntent.isPending,
    failure,
    phase,
    busy: phase !== 'idle',
    elementReady,
    makeDefault,
    checking: session.pending !== null && methods.isFetching,
    handle,
    setMakeDefault,
    setElementReady,
    onElementLoadError: () => setLoad({ status: 'failed', reason: 'unavailable' }),
    retryLoad,
    retryIntent: () => void requestIntent(),
    retryAttach,
    submit,
    /** A changed choice or card is a new attempt; the last Stripe error no longer applies. */
    clearStripeFailure: () => setFailure((current) => (current?.kind === 'stripe' ? null : current)),
  }
}

export type AddCardFlow = ReturnType<typeof useAddCardFlow>
