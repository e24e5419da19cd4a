/**
 * An offline stand-in for Stripe.js, for tests, Storybook and the demo.
 *
 * It satisfies what @stripe/react-stripe-js asks of a Stripe instance, and its elements render a
 * real, labelled card form into the mount node (there is no iframe), so a person or user-event can
 * type Stripe's test cards. Outcomes follow the typed card number, like Stripe's test mode.
 */
import type { Stripe } from '@stripe/stripe-js'

export interface FakeStripeOptions {
  /** Milliseconds every Stripe call waits before answering. Default 0. */
  latency?: number
  /** How 3-D Secure challenges end (card 4000 0025 0000 3155 and `handleNextAction`). Default 'succeed'. */
  threeDSecure?: 'succeed' | 'fail'
  /** Confirmation calls answer with a connection error, as when Stripe cannot be reached. */
  failConfirm?: boolean
}

export const FAKE_STRIPE_METHODS = [
  'elements',
  'confirmSetup',
  'confirmCardSetup',
  'confirmPayment',
  'confirmCardPayment',
  'handleNextAction',
  'handleCardAction',
  'retrieveSetupIntent',
  'retrievePaymentIntent',
  'createPaymentMethod',
  'createToken',
  'registerAppInfo',
  '_registerWrapper',
] as const
export type FakeStripeMethod = (typeof FAKE_STRIPE_METHODS)[number]

export interface FakeStripeControls {
  /** The arguments of every call, per method, oldest first (like `vi.fn().mock.calls`). */
  readonly calls: { readonly [K in FakeStripeMethod]: unknown[][] }
  /** Changes the behaviour of later calls, e.g. `{ threeDSecure: 'fail' }`. */
  setOptions(options: Partial<FakeStripeOptions>): void
  /** Forgets recorded calls and the state of every intent. */
  reset(): void
}

/** Pass it wherever a `Stripe` (or a promise of one) is expected. */
export type FakeStripe = Stripe & FakeStripeControls

// ---------------------------------------------------------------------------------------------
// Test cards and messages
// ---------------------------------------------------------------------------------------------

/** Stripe Elements speaks each language the panel ships; the fake speaks them too. */
type Lang = 'en' | 'es' | 'pt-BR' | 'fr' | 'de' | 'it'
type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown'

type CardOutcome =
  | { kind: 'success'; paymentMethod: string }
  | { kind: 'decline'; code: string; declineCode?: string; message: MessageKey }
  | { kind: 'three_d_secure'; paymentMethod: string }

const TEST_CARDS: Record<string, CardOutcome> = {
  '4242424242424242': { kind: 'success', paymentMethod: 'pm_card_visa' },
  '4000056655665556': { kind: 'success', paymentMethod: 'pm_card_visa_debit' },
  '5555555555554444': { kind: 'success', paymentMethod: 'pm_card_mastercard' },
  '378282246310005': { kind: 'success', paymentMethod: 'pm_card_amex' },
  '6011111111111117': { kind: 'success', paymentMethod: 'pm_card_discover' },
  '4000000000000002': { kind: 'decline', code: 'card_declined', declineCode: 'generic_decline', message: 'declined' },
  '4000000000009995': {
    kind: 'decline',
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'insufficientFunds',
  },
  '4000000000000069': { kind: 'decline', code: 'expired_card', message: 'expiredCard' },
  '4000000000000127': { kind: 'decline', code: 'incorrect_cvc', message: 'incorrectCvc' },
  '4000002500003155': { kind: 'three_d_secure', paymentMethod: 'pm_card_threeDSecure2Required' },
  '4000002760003184': { kind: 'three_d_secure', paymentMethod: 'pm_card_threeDSecure2Required' },
}

const MESSAGES = {
  en: {
    group: 'Card details',
    number: 'Card number',
    expiry: 'Expiration date (MM / YY)',
    expiryPlaceholder: 'MM / YY',
    cvc: 'CVC',
    incompleteNumber: 'Your card number is incomplete.',
    invalidNumber: 'Your card number is invalid.',
    incompleteExpiry: "Your card's expiration date is incomplete.",
    invalidExpiry: "Your card's expiration date is invalid.",
    pastExpiry: "Your card's expiration date is in the past.",
    incompleteCvc: "Your card's security code is incomplete.",
    declined: 'Your card was declined.',
    insufficientFunds: 'Your card has insufficient funds.',
    expiredCard: 'Your card has expired.',
    incorrectCvc: "Your card's security code is incorrect.",
    authFailed:
      'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    connection: 'We could not reach Stripe. Check your connection and try again.',
    alreadySucceeded: 'This card was already saved.',
  },
  es: {
    group: 'Datos de la tarjeta',
    number: 'Número de tarjeta',
    expiry: 'Fecha de vencimiento (MM / AA)',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    incompleteNumber: 'El número de tu tarjeta está incompleto.',
    invalidNumber: 'El número de tu tarjeta no es válido.',
    incompleteExpiry: 'La fecha de vencimiento de tu tarjeta está incompleta.',
    invalidExpiry: 'La fecha de vencimiento de tu tarjeta no es válida.',
    pastExpiry: 'La fecha de vencimiento de tu tarjeta ya pasó.',
    incompleteCvc: 'El código de seguridad de tu tarjeta está incompleto.',
    declined: 'Tu tarjeta fue rechazada.',
    insufficientFunds: 'Tu tarjeta no tiene fondos suficientes.',
    expiredCard: 'Tu tarjeta ha vencido.',
    incorrectCvc: 'El código de seguridad de tu tarjeta es incorrecto.',
    authFailed: 'No hemos podido autenticar tu método de pago. Elige otro método de pago e inténtalo de nuevo.',
    connection: 'No pudimos conectar con Stripe. Revisa tu conexión e inténtalo de nuevo.',
    alreadySucceeded: 'Esta tarjeta ya se guardó.',
  },
  'pt-BR': {
    group: 'Dados do cartão',
    number: 'Número do cartão',
    expiry: 'Data de validade (MM / AA)',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    incompleteNumber: 'O número do seu cartão está incompleto.',
    invalidNumber: 'O número do seu cartão é inválido.',
    incompleteExpiry: 'A data de validade do seu cartão está incompleta.',
    invalidExpiry: 'A data de validade do seu cartão é inválida.',
    pastExpiry: 'A data de validade do seu cartão já passou.',
    incompleteCvc: 'O código de segurança do seu cartão está incompleto.',
    declined: 'Seu cartão foi recusado.',
    insufficientFunds: 'Seu cartão não tem saldo suficiente.',
    expiredCard: 'Seu cartão está vencido.',
    incorrectCvc: 'O código de segurança do seu cartão está incorreto.',
    authFailed:
      'Não foi possível autenticar sua forma de pagamento. Escolha outra forma de pagamento e tente novamente.',
    connection: 'Não conseguimos acessar a Stripe. Verifique sua conexão e tente novamente.',
    alreadySucceeded: 'Este cartão já foi salvo.',
  },
  fr: {
    group: 'Informations de la carte',
    number: 'Numéro de carte',
    expiry: 'Date d’expiration (MM / AA)',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    incompleteNumber: 'Le numéro de votre carte est incomplet.',
    invalidNumber: 'Le numéro de votre carte n’est pas valide.',
    incompleteExpiry: 'La date d’expiration de votre carte est incomplète.',
    invalidExpiry: 'La date d’expiration de votre carte n’est pas valide.',
    pastExpiry: 'La date d’expiration de votre carte est dépassée.',
    incompleteCvc: 'Le code de sécurité de votre carte est incomplet.',
    declined: 'Votre carte a été refusée.',
    insufficientFunds: 'Le solde de votre carte est insuffisant.',
    expiredCard: 'Votre carte a expiré.',
    incorrectCvc: 'Le code de sécurité de votre carte est incorrect.',
    authFailed:
      'Impossible d’authentifier votre moyen de paiement. Choisissez un autre moyen de paiement et réessayez.',
    connection: 'Impossible de joindre Stripe. Vérifiez votre connexion et réessayez.',
    alreadySucceeded: 'Cette carte a déjà été enregistrée.',
  },
  de: {
    group: 'Kartendaten',
    number: 'Kartennummer',
    expiry: 'Ablaufdatum (MM / JJ)',
    expiryPlaceholder: 'MM / JJ',
    cvc: 'Prüfnummer',
    incompleteNumber: 'Ihre Kartennummer ist unvollständig.',
    invalidNumber: 'Ihre Kartennummer ist ungültig.',
    incompleteExpiry: 'Das Ablaufdatum Ihrer Karte ist unvollständig.',
    invalidExpiry: 'Das Ablaufdatum Ihrer Karte ist ungültig.',
    pastExpiry: 'Das Ablaufdatum Ihrer Karte liegt in der Vergangenheit.',
    incompleteCvc: 'Die Prüfnummer Ihrer Karte ist unvollständig.',
    declined: 'Ihre Karte wurde abgelehnt.',
    insufficientFunds: 'Ihre Karte ist nicht ausreichend gedeckt.',
    expiredCard: 'Ihre Karte ist abgelaufen.',
    incorrectCvc: 'Die Prüfnummer Ihrer Karte ist falsch.',
    authFailed:
      'Ihre Zahlungsmethode konnte nicht authentifiziert werden. Wählen Sie eine andere Zahlungsmethode und versuchen Sie es erneut.',
    connection: 'Stripe ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    alreadySucceeded: 'Diese Karte wurde bereits gespeichert.',
  },
  it: {
    group: 'Dati della carta',
    number: 'Numero della carta',
    expiry: 'Data di scadenza (MM / AA)',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    incompleteNumber: 'Il numero della carta è incompleto.',
    invalidNumber: 'Il numero della carta non è valido.',
    incompleteExpiry: 'La data di scadenza della carta è incompleta.',
    invalidExpiry: 'La data di scadenza della carta non è valida.',
    pastExpiry: 'La data di scadenza della carta è già passata.',
    incompleteCvc: 'Il codice di sicurezza della carta è incompleto.',
    declined: 'La carta è stata rifiutata.',
    insufficientFunds: 'La carta non ha fondi sufficienti.',
    expiredCard: 'La carta è scaduta.',
    incorrectCvc: 'Il codice di sicurezza della carta non è corretto.',
    authFailed:
      'Non è stato possibile autenticare il metodo di pagamento. Scegli un altro metodo di pagamento e riprova.',
    connection: 'Non riusciamo a contattare Stripe. Controlla la connessione e riprova.',
    alreadySucceeded: 'Questa carta è già stata salvata.',
  },
} as const satisfies Record<Lang, Record<string, string>>
type MessageKey = keyof (typeof MESSAGES)['en']

function langOf(locale: unknown): Lang {
  let tag = typeof locale === 'string' ? locale : 'en'
  if (tag === 'auto' && typeof navigator !== 'undefined') tag = navigator.language
  const language = tag.toLowerCase().split(/[-_]/)[0]
  if (language === 'pt') return 'pt-BR'
  return language === 'es' || language === 'fr' || language === 'de' || language === 'it' ? language : 'en'
}

function brandOf(digits: string): Brand {
  if (/^4/.test(digits)) return 'visa'
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard'
  if (/^3[47]/.test(digits)) return 'amex'
  if (/^3(0[0-5]|[68])/.test(digits)) return 'diners'
  if (/^35/.test(digits)) return 'jcb'
  if (/^62/.test(digits)) return 'unionpay'
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover'
  return 'unknown'
}

function numberLength(brand: Brand): number {
  if (brand === 'amex') return 15
  if (brand === 'diners') return 14
  return 16
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

// ---------------------------------------------------------------------------------------------
// Card form state
// ---------------------------------------------------------------------------------------------

type Field = 'number' | 'expiry' | 'cvc'
const FIELDS: readonly Field[] = ['number', 'expiry', 'cvc']

type CardValues = Record<Field, string>

interface FieldProblem {
  field: Field
  code: string
  message: MessageKey
  /** Shown while typing only when the value can no longer become valid. */
  definite: boolean
}

interface ParsedCard {
  digits: string
  brand: Brand
  expMonth: number
  expYear: number
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '')
}

function checkField(field: Field, values: CardValues, now = new Date()): FieldProblem | null {
  if (field === 'number') {
    const raw = values.number.replace(/[\s-]/g, '')
    if (/\D/.test(raw)) return { field, code: 'invalid_number', message: 'invalidNumber', definite: true }
    const length = numberLength(brandOf(raw))
    if (raw.length < length) return { field, code: 'incomplete_number', message: 'incompleteNumber', definite: false }
    if (raw.length > length || !luhn(raw)) {
      return { field, code: 'invalid_number', message: 'invalidNumber', definite: true }
    }
    return null
  }
  if (field === 'expiry') {
    const d = digitsOf(values.expiry)
    if (d.length < 4) return { field, code: 'incomplete_expiry', message: 'incompleteExpiry', definite: false }
    const month = Number(d.slice(0, 2))
    const year = 2000 + Number(d.slice(2, 4))
    if (d.length > 4 || month < 1 || month > 12) {
      return { field, code: 'invalid_expiry_month', message: 'invalidExpiry', definite: true }
    }
    const thisMonth = now.getFullYear() * 12 + now.getMonth()
    if (year * 12 + (month - 1) < thisMonth) {
      return { field, code: 'invalid_expiry_year_past', message: 'pastExpiry', definite: true }
    }
    return null
  }
  const needed = brandOf(digitsOf(values.number)) === 'amex' ? 4 : 3
  const d = digitsOf(values.cvc)
  if (d.length < needed) return { field, code: 'incomplete_cvc', message: 'incompleteCvc', definite: false }
  if (d.length > needed) return { field, code: 'invalid_cvc', message: 'incompleteCvc', definite: true }
  return null
}

// ---------------------------------------------------------------------------------------------
// Elements
// ---------------------------------------------------------------------------------------------

type Handler = (event: unknown) => void

interface ElementsState {
  options: Record<string, unknown>
  elements: Map<string, FakeElement>
  lang(): Lang
}

const FIELDS_BY_TYPE: Record<string, readonly Field[]> = {
  payment: FIELDS,
  card: FIELDS,
  cardNumber: ['number'],
  cardExpiry: ['expiry'],
  cardCvc: ['cvc'],
}

let uid = 0

class FakeElement {
  readonly elementType: string
  readonly group: ElementsState
  private readonly fields: readonly Field[]
  private options: Record<string, unknown>
  private handlers = new Map<string, Set<Handler>>()
  private root: HTMLElement | null = null
  private host: HTMLElement | null = null
  private inputs = new Map<Field, HTMLInputElement>()
  private labels = new Map<Field, HTMLLabelElement>()
  private errorNode: HTMLElement | null = null
  private readonly id = `fake-stripe-${++uid}`
  values: CardValues = { number: '', expiry: '', cvc: '' }
  private touched = new Set<Field>()
  destroyed = false

  constructor(type: string, group: ElementsState, options: Record<string, unknown>) {
    this.elementType = type
    this.group = group
    this.fields = FIELDS_BY_TYPE[type] ?? []
    this.options = options
  }

  get collectsCard(): boolean {
    return this.fields.length > 0
  }

  mount(target: HTMLElement | string): void {
    if (this.destroyed) throw new Error('This Element has been destroyed; create a new one with elements.create().')
    const node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target
    if (!node) throw new Error(`The selector ${String(target)} matched no element to mount into.`)
    if (this.root) throw new Error('This Element is already mounted; call unmount() before mounting it again.')
    this.host = node
    this.root = this.render(node.ownerDocument)
    node.appendChild(this.root)
    this.emit('loaderstart', { elementType: this.elementType })
    // react-stripe-js subscribes to 'ready' in an effect after mount(), so ready must come later.
    setTimeout(() => {
      if (this.root) this.emit('ready', { elementType: this.elementType })
    }, 0)
  }

  unmount(): void {
    if (this.root && this.host?.contains(this.root)) this.host.removeChild(this.root)
    this.root = null
    this.host = null
    this.inputs.clear()
    this.labels.clear()
    this.errorNode = null
  }

  destroy(): void {
    this.unmount()
    this.destroyed = true
    this.handlers.clear()
    if (this.group.elements.get(this.elementType) === this) this.group.elements.delete(this.elementType)
  }

  on(event: string, handler: Handler): this {
    const set = this.handlers.get(event) ?? new Set<Handler>()
    set.add(handler)
    this.handlers.set(event, set)
    return this
  }

  once(event: string, handler: Handler): this {
    const wrapped: Handler = (e) => {
      this.off(event, wrapped)
      handler(e)
    }
    return this.on(event, wrapped)
  }

  off(event: string, handler?: Handler): this {
    if (handler) this.handlers.get(event)?.delete(handler)
    else this.handlers.delete(event)
    return this
  }

  update(options: Record<string, unknown>): void {
    this.options = { ...this.options, ...options }
    this.relabel()
  }

  focus(): void {
    this.inputs.get(this.fields[0])?.focus()
  }

  blur(): void {
    const active = this.root?.ownerDocument.activeElement
    if (active instanceof HTMLElement && this.root?.contains(active)) active.blur()
  }

  clear(): void {
    this.values = { number: '', expiry: '', cvc: '' }
    this.touched.clear()
    for (const [field, input] of this.inputs) input.value = this.values[field]
    this.refresh()
  }

  collapse(): void {}

  /** Stripe re-localises mounted elements when the group's locale changes. */
  relabel(): void {
    const t = MESSAGES[this.group.lang()]
    for (const [field, label] of this.labels) label.textContent = t[field]
    this.inputs.get('expiry')?.setAttribute('placeholder', t.expiryPlaceholder)
    this.root?.setAttribute('aria-label', t.group)
    this.refresh(false)
  }

  /** First problem of this element's fields; `all` also reports fields the user has not left yet. */
  problem(all: boolean): FieldProblem | null {
    for (const field of this.fields) {
      const p = checkField(field, this.values)
      if (p && (all || p.definite || this.touched.has(field))) return p
    }
    return null
  }

  /** On confirm Stripe shows every field's error, not only those the user visited. */
  touchAll(): void {
    for (const field of this.fields) this.touched.add(field)
    this.refresh(false)
  }

  private emit(event: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(payload)
  }

  private refresh(notify = true): void {
    const t = MESSAGES[this.group.lang()]
    const shown = this.problem(false)
    for (const [field, input] of this.inputs) {
      input.setAttribute('aria-invalid', shown?.field === field ? 'true' : 'false')
    }
    if (this.errorNode) this.errorNode.textContent = shown ? t[shown.message] : ''
    if (!notify) return
    const digits = digitsOf(this.values.number)
    this.emit('change', {
      elementType: this.elementType,
      empty: this.fields.every((f) => this.values[f] === ''),
      complete: this.problem(true) === null,
      error: shown ? { type: 'validation_error', code: shown.code, message: t[shown.message] } : undefined,
      brand: this.fields.includes('number') ? brandOf(digits) : undefined,
      value: this.elementType === 'payment' ? { type: 'card' } : undefined,
    })
  }

  private render(doc: Document): HTMLElement {
    const t = MESSAGES[this.group.lang()]
    const vars = appearanceVariables(this.group.options.appearance)
    const root = doc.createElement('div')
    root.className = 'bp-fake-stripe'
    root.dataset.fakeStripeElement = this.elementType
    root.style.cssText = [
      'display:grid',
      'grid-template-columns:1fr 1fr',
      'gap:8px 12px',
      `font-family:${vars.fontFamily ?? 'inherit'}`,
      `color:${vars.colorText ?? 'inherit'}`,
    ].join(';')
    if (this.fields.length === 0) return root
    root.setAttribute('role', 'group')
    root.setAttribute('aria-label', t.group)

    const errorId = `${this.id}-error`
    for (const field of this.fields) {
      const wrap = doc.createElement('div')
      wrap.style.cssText = `display:grid;gap:4px;${field === 'number' || this.fields.length === 1 ? 'grid-column:1 / -1' : ''}`
      const label = doc.createElement('label')
      label.htmlFor = `${this.id}-${field}`
      label.textContent = t[field]
      label.style.cssText = 'font-size:0.875em'
      const input = doc.createElement('input')
      input.id = `${this.id}-${field}`
      input.type = 'text'
      input.name = field === 'number' ? 'cardnumber' : field === 'expiry' ? 'exp-date' : 'cvc'
      input.inputMode = 'numeric'
      input.autocomplete = field === 'number' ? 'cc-number' : field === 'expiry' ? 'cc-exp' : 'cc-csc'
      input.spellcheck = false
      input.placeholder = field === 'number' ? '1234 1234 1234 1234' : field === 'expiry' ? t.expiryPlaceholder : 'CVC'
      input.setAttribute('aria-invalid', 'false')
      input.setAttribute('aria-describedby', errorId)
      input.style.cssText = [
        'box-sizing:border-box',
        'width:100%',
        'padding:8px 10px',
        'font:inherit',
        'color:inherit',
        `background:${vars.colorBackground ?? 'var(--bp-color-surface, transparent)'}`,
        'border:1px solid var(--bp-color-border, #c4c9d0)',
        `border-radius:${vars.borderRadius ?? 'var(--bp-radius, 6px)'}`,
      ].join(';')
      input.addEventListener('input', () => {
        this.values[field] = input.value
        this.refresh()
      })
      input.addEventListener('focus', () => this.emit('focus', { elementType: this.elementType }))
      input.addEventListener('blur', (event) => {
        if (input.value !== '') this.touched.add(field)
        const next = event.relatedTarget
        if (!(next instanceof Node && root.contains(next))) this.emit('blur', { elementType: this.elementType })
        this.refresh()
      })
      wrap.append(label, input)
      root.append(wrap)
      this.inputs.set(field, input)
      this.labels.set(field, label)
      input.value = this.values[field]
    }
    const error = doc.createElement('div')
    error.id = errorId
    error.setAttribute('role', 'alert')
    error.style.cssText = `grid-column:1 / -1;min-height:1.25em;font-size:0.875em;color:${vars.colorDanger ?? 'var(--bp-color-danger, #b42318)'}`
    root.append(error)
    this.errorNode = error
    return root
  }
}

function appearanceVariables(appearance: unknown): Record<string, string | undefined> {
  const vars = (appearance as { variables?: Record<string, unknown> } | undefined)?.variables ?? {}
  const out: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(vars)) if (typeof value === 'string') out[key] = value
  return out
}

interface FakeElementsGroup {
  create(type: string, options?: Record<string, unknown>): FakeElement
  getElement(type: string | { __elementType?: string }): FakeElement | null
  update(options: Record<string, unknown>): void
  fetchUpdates(): Promise<Record<string, never>>
  submit(): Promise<{ error?: ReturnType<typeof validationError>; selectedPaymentMethod?: string }>
}

const GROUP_STATE = new WeakMap<object, ElementsState>()

function validationError(problem: FieldProblem, lang: Lang) {
  return { type: 'validation_error' as const, code: problem.code, message: MESSAGES[lang][problem.message] }
}

// ---------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------

function intentIdFrom(clientSecret: string, prefix: 'seti_' | 'pi_', method: string): string {
  const at = clientSecret.indexOf('_secret_')
  if (!clientSecret.startsWith(prefix) || at < 0) {
    throw new Error(
      `${method} got the client secret "${clientSecret}", which is not a ${prefix === 'seti_' ? 'SetupIntent' : 'PaymentIntent'} client secret ("${prefix}<id>_secret_<secret>").`,
    )
  }
  return clientSecret.slice(0, at)
}

function emptyCalls(): Record<FakeStripeMethod, unknown[][]> {
  return Object.fromEntries(FAKE_STRIPE_METHODS.map((m) => [m, []])) as unknown as Record<FakeStripeMethod, unknown[][]>
}

/** Creates a Stripe.js stand-in. See {@link FakeStripeOptions}. */
export function createFakeStripe(options: FakeStripeOptions = {}): FakeStripe {
  let settings: FakeStripeOptions = { ...options }
  let calls = emptyCalls()
  let intentStatus = new Map<string, { status: string; paymentMethod: string | null }>()
  let lastLang: Lang = 'en'

  const record = (method: FakeStripeMethod, args: unknown[]) => {
    calls[method].push(args)
  }
  const wait = () =>
    new Promise<void>((resolve) => {
      if (settings.latency && settings.latency > 0) setTimeout(resolve, settings.latency)
      else queueMicrotask(resolve)
    })

  function stateOf(elements: unknown, method: string): ElementsState {
    const state = elements && typeof elements === 'object' ? GROUP_STATE.get(elements) : undefined
    if (!state) {
      throw new Error(`${method} needs the Elements instance from useElements() (or stripe.elements()).`)
    }
    return state
  }

  /** The card typed into a group's mounted card-collecting elements, or the first visible problem. */
  function readCard(elements: Iterable<FakeElement>, lang: Lang, method: string) {
    const collectors = [...elements].filter((el) => el.collectsCard && !el.destroyed)
    if (collectors.length === 0) {
      throw new Error(`${method} found no mounted card element; render <PaymentElement /> inside <Elements> first.`)
    }
    const values: CardValues = { number: '', expiry: '', cvc: '' }
    for (const el of collectors) {
      const problem = el.problem(true)
      if (problem) {
        el.touchAll()
        return { error: validationError(problem, lang) }
      }
      for (const f of FIELDS) if (el.values[f]) values[f] = el.values[f]
    }
    for (const f of FIELDS) {
      const problem = checkField(f, values)
      if (problem) return { error: validationError(problem, lang) }
    }
    const digits = digitsOf(values.number)
    const exp = digitsOf(values.expiry)
    const card: ParsedCard = {
      digits,
      brand: brandOf(digits),
      expMonth: Number(exp.slice(0, 2)),
      expYear: 2000 + Number(exp.slice(2, 4)),
    }
    return { card }
  }

  function outcomeOf(card: ParsedCard): CardOutcome {
    return (
      TEST_CARDS[card.digits] ?? {
        kind: 'success',
        paymentMethod: `pm_card_${card.brand === 'unknown' ? 'visa' : card.brand}`,
      }
    )
  }

  function connectionError(lang: Lang) {
    return { type: 'api_connection_error' as const, message: MESSAGES[lang].connection }
  }

  /** Shared by every confirm: the card's outcome, with 3-D Secure resolved as configured. */
  function settle(
    card: ParsedCard,
    lang: Lang,
    intent: 'setup_intent' | 'payment_intent',
    id: string,
  ): { paymentMethod: string } | { error: Record<string, unknown> } {
    const outcome = outcomeOf(card)
    const intentObject = { id, object: intent, status: 'requires_payment_method' }
    if (outcome.kind === 'decline') {
      return {
        error: {
          type: 'card_error',
          code: outcome.code,
          ...(outcome.declineCode ? { decline_code: outcome.declineCode } : {}),
          message: MESSAGES[lang][outcome.message],
          [intent]: intentObject,
        },
      }
    }
    if (outcome.kind === 'three_d_secure' && settings.threeDSecure === 'fail') {
      return {
        error: {
          type: 'card_error',
          code: `${intent}_authentication_failure`,
          message: MESSAGES[lang].authFailed,
          [intent]: intentObject,
        },
      }
    }
    return { paymentMethod: outcome.paymentMethod }
  }

  function confirmIntent(
    intent: 'setup_intent' | 'payment_intent',
    method: FakeStripeMethod,
    clientSecret: string,
    group: ElementsState | null,
    lang: Lang,
    savedPaymentMethod: string | null,
  ) {
    const prefix = intent === 'setup_intent' ? 'seti_' : 'pi_'
    const id = intentIdFrom(clientSecret, prefix, method)
    const key = intent === 'setup_intent' ? 'setupIntent' : 'paymentIntent'
    const known = intentStatus.get(id)
    if (known?.status === 'succeeded') {
      return {
        error: {
          type: 'invalid_request_error',
          code: `${intent}_unexpected_state`,
          message: MESSAGES[lang].alreadySucceeded,
          [intent]: { id, object: intent, status: 'succeeded' },
        },
      }
    }
    let paymentMethod: string
    if (group) {
      const read = readCard(group.elements.values(), lang, method)
      if ('error' in read) return { error: read.error }
      if (settings.failConfirm) return { error: connectionError(lang) }
      const settled = settle(read.card, lang, intent, id)
      if ('error' in settled) return settled
      paymentMethod = settled.paymentMethod
    } else {
      if (settings.failConfirm) return { error: connectionError(lang) }
      paymentMethod = savedPaymentMethod ?? 'pm_card_visa'
      if (paymentMethod === 'pm_card_threeDSecure2Required' && settings.threeDSecure === 'fail') {
        return {
          error: {
            type: 'card_error',
            code: `${intent}_authentication_failure`,
            message: MESSAGES[lang].authFailed,
            [intent]: { id, object: intent, status: 'requires_payment_method' },
          },
        }
      }
    }
    intentStatus.set(id, { status: 'succeeded', paymentMethod })
    return {
      [key]: {
        id,
        object: intent,
        status: 'succeeded',
        client_secret: clientSecret,
        payment_method: paymentMethod,
        livemode: false,
        created: Math.floor(Date.now() / 1000),
      },
    }
  }

  function cardElementGroup(card: unknown, method: string): ElementsState {
    if (!(card instanceof FakeElement)) {
      throw new Error(`${method} needs { payment_method: { card: <the CardElement from elements.getElement()> } }.`)
    }
    if (card.destroyed) throw new Error(`${method} got a card element that was destroyed.`)
    return card.group
  }

  function elements(elementsOptions: Record<string, unknown> = {}): FakeElementsGroup {
    record('elements', [elementsOptions])
    const state: ElementsState = {
      options: { ...elementsOptions },
      elements: new Map(),
      lang: () => langOf(state.options.locale),
    }
    lastLang = state.lang()
    const group: FakeElementsGroup = {
      create(type, createOptions = {}) {
        if (state.elements.has(type)) {
          throw new Error(`Can only create one Element of type ${type}; destroy the old one first.`)
        }
        const element = new FakeElement(type, state, createOptions)
        state.elements.set(type, element)
        return element
      },
      getElement(type) {
        const name = typeof type === 'string' ? type : type?.__elementType
        return (name && state.elements.get(name)) || null
      },
      update(next) {
        state.options = { ...state.options, ...next }
        for (const el of state.elements.values()) el.relabel()
      },
      async fetchUpdates() {
        await wait()
        return {}
      },
      async submit() {
        await wait()
        const read = readCard(state.elements.values(), state.lang(), 'elements.submit')
        return 'error' in read ? { error: read.error } : { selectedPaymentMethod: 'card' }
      },
    }
    GROUP_STATE.set(group, state)
    return group
  }

  const controls: FakeStripeControls = {
    get calls() {
      return calls
    },
    setOptions(next) {
      settings = { ...settings, ...next }
    },
    reset() {
      calls = emptyCalls()
      intentStatus = new Map()
    },
  }

  const methods = {
    elements,

    async confirmSetup(params: {
      elements?: unknown
      clientSecret?: string
      confirmParams?: unknown
      redirect?: string
    }) {
      record('confirmSetup', [params])
      const group = params.elements ? stateOf(params.elements, 'confirmSetup') : null
      const clientSecret = params.clientSecret ?? (group?.options.clientSecret as string | undefined)
      if (!clientSecret) {
        throw new Error(
          'confirmSetup needs a clientSecret: pass it to <Elements options={{ clientSecret }}> or to confirmSetup({ clientSecret }).',
        )
      }
      const lang = group?.lang() ?? lastLang
      await wait()
      return confirmIntent('setup_intent', 'confirmSetup', clientSecret, group, lang, null)
    },

    async confirmCardSetup(clientSecret: string, data?: { payment_method?: unknown }) {
      record('confirmCardSetup', [clientSecret, data])
      const pm = data?.payment_method
      const group =
        pm && typeof pm === 'object' ? cardElementGroup((pm as { card?: unknown }).card, 'confirmCardSetup') : null
      await wait()
      return confirmIntent(
        'setup_intent',
        'confirmCardSetup',
        clientSecret,
        group,
        group?.lang() ?? lastLang,
        typeof pm === 'string' ? pm : null,
      )
    },

    async confirmPayment(params: {
      elements?: unknown
      clientSecret?: string
      confirmParams?: { payment_method?: string }
    }) {
      record('confirmPayment', [params])
      const group = params.elements ? stateOf(params.elements, 'confirmPayment') : null
      const clientSecret = params.clientSecret ?? (group?.options.clientSecret as string | undefined)
      if (!clientSecret) {
        throw new Error(
          'confirmPayment needs a clientSecret: pass it to <Elements options={{ clientSecret }}> or to confirmPayment({ clientSecret }).',
        )
      }
      await wait()
      const saved = params.confirmParams?.payment_method ?? null
      return confirmIntent(
        'payment_intent',
        'confirmPayment',
        clientSecret,
        saved ? null : group,
        group?.lang() ?? lastLang,
        saved,
      )
    },

    async confirmCardPayment(clientSecret: string, data?: { payment_method?: unknown }) {
      record('confirmCardPayment', [clientSecret, data])
      const pm = data?.payment_method
      const group =
        pm && typeof pm === 'object' ? cardElementGroup((pm as { card?: unknown }).card, 'confirmCardPayment') : null
      await wait()
      return confirmIntent(
        'payment_intent',
        'confirmCardPayment',
        clientSecret,
        group,
        group?.lang() ?? lastLang,
        typeof pm === 'string' ? pm : null,
      )
    },

    async handleNextAction(params: { clientSecret: string }) {
      record('handleNextAction', [params])
      return nextAction(params?.clientSecret, 'handleNextAction')
    },

    async handleCardAction(clientSecret: string) {
      record('handleCardAction', [clientSecret])
      return nextAction(clientSecret, 'handleCardAction')
    },

    async retrieveSetupIntent(clientSecret: string) {
      record('retrieveSetupIntent', [clientSecret])
      const id = intentIdFrom(clientSecret, 'seti_', 'retrieveSetupIntent')
      await wait()
      const known = intentStatus.get(id)
      return {
        setupIntent: {
          id,
          object: 'setup_intent',
          client_secret: clientSecret,
          status: known?.status ?? 'requires_payment_method',
          payment_method: known?.paymentMethod ?? null,
          livemode: false,
        },
      }
    },

    async retrievePaymentIntent(clientSecret: string) {
      record('retrievePaymentIntent', [clientSecret])
      const id = intentIdFrom(clientSecret, 'pi_', 'retrievePaymentIntent')
      await wait()
      const known = intentStatus.get(id)
      return {
        paymentIntent: {
          id,
          object: 'payment_intent',
          client_secret: clientSecret,
          status: known?.status ?? 'requires_payment_method',
          payment_method: known?.paymentMethod ?? null,
          livemode: false,
        },
      }
    },

    async createPaymentMethod(params: { elements?: unknown; type?: string; card?: unknown }) {
      record('createPaymentMethod', [params])
      const group = params.elements
        ? stateOf(params.elements, 'createPaymentMethod')
        : cardElementGroup(params.card, 'createPaymentMethod')
      await wait()
      const read = readCard(group.elements.values(), group.lang(), 'createPaymentMethod')
      if ('error' in read) return { error: read.error }
      const { card } = read
      const outcome = outcomeOf(card)
      return {
        paymentMethod: {
          id: 'paymentMethod' in outcome ? outcome.paymentMethod : `pm_card_${card.brand}`,
          object: 'payment_method',
          type: 'card',
          card: { brand: card.brand, last4: card.digits.slice(-4), exp_month: card.expMonth, exp_year: card.expYear },
          livemode: false,
        },
      }
    },

    async createToken(element: unknown) {
      record('createToken', [element])
      const group = cardElementGroup(element, 'createToken')
      await wait()
      const read = readCard(group.elements.values(), group.lang(), 'createToken')
      if ('error' in read) return { error: read.error }
      const { card } = read
      return {
        token: {
          id: `tok_${card.brand === 'unknown' ? 'visa' : card.brand}`,
          object: 'token',
          type: 'card',
          card: { brand: card.brand, last4: card.digits.slice(-4), exp_month: card.expMonth, exp_year: card.expYear },
          livemode: false,
        },
      }
    },

    registerAppInfo(info: unknown) {
      record('registerAppInfo', [info])
    },

    _registerWrapper(wrapper: unknown) {
      record('_registerWrapper', [wrapper])
    },
  }

  async function nextAction(clientSecret: string | undefined, method: string) {
    if (typeof clientSecret !== 'string') throw new Error(`${method} needs { clientSecret }.`)
    const isSetup = clientSecret.startsWith('seti_')
    const id = intentIdFrom(clientSecret, isSetup ? 'seti_' : 'pi_', method)
    const intent = isSetup ? 'setup_intent' : 'payment_intent'
    await wait()
    if (settings.threeDSecure === 'fail') {
      return {
        error: {
          type: 'card_error',
          code: `${intent}_authentication_failure`,
          message: MESSAGES[lastLang].authFailed,
          [intent]: { id, object: intent, status: 'requires_payment_method' },
        },
      }
    }
    const paymentMethod = intentStatus.get(id)?.paymentMethod ?? null
    intentStatus.set(id, { status: 'succeeded', paymentMethod })
    return {
      [isSetup ? 'setupIntent' : 'paymentIntent']: {
        id,
        object: intent,
        status: 'succeeded',
        client_secret: clientSecret,
        payment_method: paymentMethod,
        livemode: false,
      },
    }
  }

  // Descriptors keep `calls` a live getter, so `reset()` is seen by holders of the fake.
  return Object.defineProperties(methods, Object.getOwnPropertyDescriptors(controls)) as unknown as FakeStripe
}

/** A `loadStripe` stand-in that always fails, for the "Stripe could not load" path. */
export function createFailingStripeLoader(): () => Promise<never> {
  return () => Promise.reject(new Error('Failed to load Stripe.js'))
}
