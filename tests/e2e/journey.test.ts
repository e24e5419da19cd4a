import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeViolations, launch, openDemo } from './browser'
import { keyboardHands, pointerHands, type Hands } from './hands'

// A sub-account user's journeys through the demo host page (memory adapter, seed 1, fake Stripe):
// the whole list in Spanish with a pointer, and again in English with the keyboard only.

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** What the user reads and types, per language. Amounts follow from the seed: $42.50 paid, $12.30 in credits. */
const COPY = {
  es: {
    tabs: { payments: 'Pagos', subscriptions: 'Suscripciones', wallet: 'Cartera y Transacciones' },
    savedCards: 'Métodos de pago guardados',
    addCard: 'Agregar Nueva Tarjeta',
    cardNumber: 'Número de tarjeta',
    expiry: 'Fecha de vencimiento (MM / AA)',
    cvc: 'CVC',
    makeDefault: 'Usar como mi tarjeta principal',
    saveCard: 'Guardar tarjeta',
    newCard: { number: '4000056655665556', name: 'Visa •••• 5556' },
    oldCard: 'Visa •••• 4242',
    defaultBadge: 'Principal',
    removeCard: (card: string) => `Eliminar ${card}`,
    removeTitle: (card: string) => `¿Eliminar ${card}?`,
    removeConfirm: 'Eliminar tarjeta',
    wallet: 'Cartera',
    addFunds: 'Agregar Fondos',
    preset: '25,00 US$',
    pay: 'Pagar 25,00 US$',
    startBalance: '42,50 US$',
    afterTopUp: '67,50 US$',
    topUpType: 'Recarga de cartera',
    editAutoRecharge: 'Editar recarga automática',
    autoRecharge: 'Recarga automática',
    threshold: 'Cuando el saldo baje de',
    rechargeAmount: 'Monto a agregar',
    capEnabled: 'Limitar la recarga automática por mes',
    save: 'Guardar',
    summary: 'Cuando el saldo baje de 30,00 US$, se agregarán 50,00 US$ con Visa •••• 4242.',
    recharged: '+50,00 US$',
    afterRecharge: '64,80 US$',
    lastRecharge: 'Última recarga: 50,00 US$',
    developer: 'Herramientas de desarrollo',
    spend: 'Gastar 20 US$',
    fired: 'Se activó la recarga automática: +50,00 US$.',
    firedLog: 'Consumo registrado: Gastar 20 US$. Se activó la recarga automática: +50,00 US$. Saldo: 64,80 US$.',
    close: 'Cerrar',
    downloadInvoice: /^Descargar factura INV-/,
    subscription: 'Servicio de SEO local',
    cancel: 'Cancelar suscripción',
    cancelTitle: '¿Cancelar Servicio de SEO local?',
    resume: 'Reanudar suscripción',
    renews: 'Se renueva el ',
    cancels: 'Se cancela el ',
    editBilling: 'Editar información de facturación',
    billing: 'Información de Facturación',
    city: /^Ciudad/,
    oldCity: 'Ciudad de México',
    newCity: 'Guadalajara',
  },
  en: {
    tabs: { payments: 'Payments', subscriptions: 'Subscriptions', wallet: 'Wallet & Transactions' },
    savedCards: 'Saved payment methods',
    addCard: 'Add new card',
    cardNumber: 'Card number',
    expiry: 'Expiration date (MM / YY)',
    cvc: 'CVC',
    makeDefault: 'Make this my default card',
    saveCard: 'Save card',
    newCard: { number: '4000056655665556', name: 'Visa •••• 5556' },
    oldCard: 'Visa •••• 4242',
    defaultBadge: 'Default',
    removeCard: (card: string) => `Remove ${card}`,
    removeTitle: (card: string) => `Remove ${card}?`,
    removeConfirm: 'Remove card',
    wallet: 'Wallet',
    addFunds: 'Add funds',
    preset: '$50.00',
    pay: 'Pay $50.00',
    startBalance: '$42.50',
    afterTopUp: '$92.50',
    topUpType: 'Wallet top-up',
    editAutoRecharge: 'Edit auto-recharge',
    autoRecharge: 'Auto-recharge',
    threshold: 'When the balance falls below',
    rechargeAmount: 'Amount to add',
    capEnabled: 'Limit auto-recharge per month',
    save: 'Save',
    summary: 'When the balance falls below $30.00, add $50.00 to Visa •••• 4242.',
    recharged: '+$50.00',
    afterRecharge: '$64.80',
    lastRecharge: 'Last recharge: $50.00',
    developer: 'Developer tools',
    spend: 'Spend $20',
    fired: 'Auto-recharge fired: +$50.00.',
    firedLog: 'Usage recorded: Spend $20. Auto-recharge fired: +$50.00. Balance: $64.80.',
    close: 'Close',
    downloadInvoice: /^Download invoice INV-/,
    subscription: 'Local SEO service',
    cancel: 'Cancel subscription',
    cancelTitle: 'Cancel Local SEO service?',
    resume: 'Resume subscription',
    renews: 'Renews on ',
    cancels: 'Cancels on ',
    editBilling: 'Edit billing information',
    billing: 'Billing information',
    city: /^City/,
    oldCity: 'Ciudad de México',
    newCity: 'Monterrey',
  },
}
type Copy = (typeof COPY)['es']

const JOURNEYS = [
  { locale: 'es', mode: 'with a pointer', hands: pointerHands },
  { locale: 'en', mode: 'with the keyboard only', hands: keyboardHands },
] as const

/** Text as read, with the non-breaking spaces of formatted money made plain. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

async function expectText(locator: Locator, expected: string) {
  await expect.poll(() => textOf(locator), { timeout: 30_000 }).toBe(expected)
}

/** Waits for finite animations (dialogs fading in) so colours are measured as shown, then runs axe. */
async function expectAxeClean(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
  expect(await axeViolations(page)).toEqual([])
}

/** After a dialog closes, focus comes back into the panel rather than falling to the page body. */
async function expectFocusInPanel(panel: Locator) {
  await expect.poll(() => panel.evaluate((el) => el.contains(document.activeElement)), { timeout: 10_000 }).toBe(true)
}

/** A fresh demo (reset=1, no latency) in the given language and section, closed afterwards. */
async function withDemo(
  locale: string,
  section: string,
  journey: (page: Page, panel: Locator) => Promise<void>,
): Promise<void> {
  const { page, context, errors } = await openDemo(browser, inject('demoUrl'), { locale, section })
  try {
    const panel = page.getByRole('region', { name: locale === 'es' ? 'Facturación' : 'Billing', exact: true })
    await journey(page, panel)
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
}

function walletParts(panel: Locator, t: Copy) {
  const wallet = panel.getByRole('region', { name: t.wallet, exact: true })
  return {
    wallet,
    // The first figure of the wallet card is the paid balance ("Current balance").
    balance: wallet.getByRole('definition').first(),
    rows: panel.getByRole('row'),
  }
}

async function openSection(page: Page, hands: Hands, name: string) {
  const tab = page.getByRole('tab', { name })
  await hands.openTab(tab)
  await page.getByRole('tab', { name, selected: true }).waitFor()
  await page.getByRole('tabpanel', { name }).waitFor()
}

for (const { locale, mode, hands } of JOURNEYS) {
  const t: Copy = COPY[locale]

  describe(`sub-account journeys in ${locale}, ${mode}`, () => {
    it('adds a card as the default, removes the old default, and tops up the wallet with the new card', async () => {
      await withDemo(locale, 'payments', async (page, panel) => {
        await page.getByRole('tab', { name: t.tabs.payments, selected: true }).waitFor()
        const cards = panel.getByRole('list', { name: t.savedCards })
        const card = (name: string) => cards.getByRole('listitem', { name, exact: true })
        await card(t.oldCard).getByText(t.defaultBadge, { exact: true }).waitFor()
        await expectAxeClean(page)

        // Add a card through the (fake) Stripe form, asking for it to become the default.
        await hands.press(panel.getByRole('button', { name: t.addCard }))
        const addCard = page.getByRole('dialog', { name: t.addCard })
        await hands.fill(addCard.getByLabel(t.cardNumber), t.newCard.number)
        await hands.fill(addCard.getByLabel(t.expiry), '12 / 30')
        await hands.fill(addCard.getByLabel(t.cvc), '123')
        const makeDefault = addCard.getByRole('switch', { name: t.makeDefault })
        // With a default card on file, a new card does not take over unless asked to.
        expect(await makeDefault.isChecked()).toBe(false)
        await hands.toggle(makeDefault)
        expect(await makeDefault.isChecked()).toBe(true)
        await expectAxeClean(page)
        await hands.press(addCard.getByRole('button', { name: t.saveCard }))
        await addCard.waitFor({ state: 'detached', timeout: 20_000 })
        await expectFocusInPanel(panel)

        await card(t.newCard.name).getByText(t.defaultBadge, { exact: true }).waitFor()
        expect(await card(t.oldCard).getByText(t.defaultBadge, { exact: true }).count()).toBe(0)

        // Remove the old card; nothing depends on it any more.
        await hands.press(card(t.oldCard).getByRole('button', { name: t.removeCard(t.oldCard) }))
        const remove = page.getByRole('alertdialog', { name: t.removeTitle(t.oldCard) })
        await remove.getByRole('button', { name: t.removeConfirm }).waitFor()
        await expectAxeClean(page)
        await hands.press(remove.getByRole('button', { name: t.removeConfirm }))
        await remove.waitFor({ state: 'detached' })
        await card(t.oldCard).waitFor({ state: 'detached' })
        await expectFocusInPanel(panel)
        await card(t.newCard.name).getByText(t.defaultBadge, { exact: true }).waitFor()
        await expectAxeClean(page)

        // Top up: the new default card is the one charged.
        await openSection(page, hands, t.tabs.wallet)
        const { wallet, balance, rows } = walletParts(panel, t)
        await expectText(balance, t.startBalance)
        await expectAxeClean(page)
        await hands.press(wallet.getByRole('button', { name: t.addFunds }))
        const topUp = page.getByRole('dialog', { name: t.addFunds })
        const preset = topUp.getByRole('radio', { name: t.preset })
        await hands.choose(preset)
        expect(await preset.isChecked()).toBe(true)
        const payWith = topUp.getByRole('radio', { name: new RegExp(t.newCard.name) })
        expect(await payWith.isChecked()).toBe(true)
        expect(await topUp.getByRole('radio', { name: new RegExp(t.oldCard) }).count()).toBe(0)
        await expectAxeClean(page)
        await hands.press(topUp.getByRole('button', { name: t.pay }))
        await topUp.waitFor({ state: 'detached' })
        await expectFocusInPanel(panel)
        await expectText(balance, t.afterTopUp)
        const topUpRow = rows.filter({ hasText: t.topUpType }).filter({ hasText: t.afterTopUp })
        await topUpRow.waitFor()
        expect(await textOf(topUpRow)).toContain(`+${t.preset}`)
        await expectAxeClean(page)
      })
    })

    it('sets auto-recharge, spends until it fires, finds it in the history, and downloads an invoice', async () => {
      await withDemo(locale, 'wallet', async (page, panel) => {
        const { wallet, balance, rows } = walletParts(panel, t)
        await expectText(balance, t.startBalance)
        await expectAxeClean(page)

        // Below $30, add $50, with no monthly limit.
        await hands.press(wallet.getByRole('button', { name: t.editAutoRecharge }))
        const settings = page.getByRole('dialog', { name: t.autoRecharge })
        await hands.fill(settings.getByRole('textbox', { name: new RegExp(`^${t.threshold}`) }), '30')
        await hands.fill(settings.getByRole('textbox', { name: new RegExp(`^${t.rechargeAmount}`) }), '50')
        const cap = settings.getByRole('switch', { name: t.capEnabled })
        expect(await cap.isChecked()).toBe(true)
        await hands.toggle(cap)
        expect(await cap.isChecked()).toBe(false)
        await expectAxeClean(page)
        await hands.press(settings.getByRole('button', { name: t.save, exact: true }))
        await settings.waitFor({ state: 'detached' })
        await expectFocusInPanel(panel)
        await expectText(wallet.getByText(t.summary), t.summary)
        // $42.50 is above the new limit: saving charged nothing.
        await expectText(balance, t.startBalance)
        const recharges = rows.filter({ hasText: t.autoRecharge }).filter({ hasText: t.recharged })
        expect(await recharges.count()).toBe(0)

        // Spend $20 at a time from the developer drawer until auto-recharge fires.
        await hands.press(page.getByRole('button', { name: t.developer }))
        const drawer = page.getByRole('dialog', { name: t.developer })
        const log = drawer.getByRole('listitem')
        let fired = false
        for (let spent = 1; spent <= 5 && !fired; spent++) {
          await hands.press(drawer.getByRole('button', { name: t.spend }))
          await expect.poll(() => log.count(), { timeout: 10_000 }).toBe(spent)
          fired = (await textOf(log.first())).includes(t.fired)
        }
        // Credits go first ($12.30), then $7.70 and $20 of the balance: $14.80 is under $30, so +$50.
        expect(await textOf(log.first())).toBe(t.firedLog)
        expect(await log.count()).toBe(2)
        await hands.press(drawer.getByRole('button', { name: t.close }))
        await drawer.waitFor({ state: 'detached' })

        await expectText(balance, t.afterRecharge)
        await wallet.getByText(t.lastRecharge).waitFor()
        await recharges.waitFor()
        expect(await recharges.count()).toBe(1)
        expect(await textOf(recharges)).toContain(t.afterRecharge)
        await expectAxeClean(page)

        // Invoice links are asked for at click time; the signed PDF link opens in a new tab
        // (outside hosts are blocked here, so the request is what is checked).
        const invoice = panel.getByRole('button', { name: t.downloadInvoice }).first()
        const signedPdf = page.context().waitForEvent('request', {
          predicate: (request) => /^https:\/\/[^/]+\/invoices\/[^/?]+\.pdf\?sig=[^&]+&exp=/.test(request.url()),
          timeout: 10_000,
        })
        const tab = page.context().waitForEvent('page', { timeout: 10_000 })
        await hands.press(invoice)
        await signedPdf
        await (await tab).close()
      })
    })

    it('cancels a subscription and resumes it, then edits the billing address', async () => {
      await withDemo(locale, 'subscriptions', async (page, panel) => {
        const subscription = panel.getByRole('article', { name: t.subscription })
        const renewal = subscription.getByText(t.renews)
        await renewal.waitFor()
        const date = (await textOf(renewal)).slice(t.renews.length)
        expect(date).not.toBe('')
        await expectAxeClean(page)

        // Cancel at period end: the card says when it ends, and offers to resume.
        await hands.press(subscription.getByRole('button', { name: t.cancel }))
        const confirm = page.getByRole('dialog', { name: t.cancelTitle })
        await confirm.getByRole('button', { name: t.cancel }).waitFor()
        await expectAxeClean(page)
        await hands.press(confirm.getByRole('button', { name: t.cancel }))
        await confirm.waitFor({ state: 'detached' })
        await expectFocusInPanel(panel)
        await subscription.getByText(`${t.cancels}${date}`).waitFor()
        expect(await renewal.count()).toBe(0)
        expect(await subscription.getByRole('button', { name: t.cancel }).count()).toBe(0)
        await expectAxeClean(page)

        // Resume: the end date is gone and it renews on the same date again.
        await hands.press(subscription.getByRole('button', { name: t.resume }))
        await renewal.waitFor()
        expect(await textOf(renewal)).toBe(`${t.renews}${date}`)
        expect(await subscription.getByText(t.cancels).count()).toBe(0)
        await subscription.getByRole('button', { name: t.cancel }).waitFor()

        // Edit the billing address.
        await openSection(page, hands, t.tabs.payments)
        const billing = panel.getByRole('region', { name: t.billing })
        const address = billing.getByRole('definition').filter({ hasText: t.oldCity })
        await address.waitFor()
        await expectAxeClean(page)
        await hands.press(billing.getByRole('button', { name: t.editBilling }))
        await hands.fill(billing.getByRole('textbox', { name: t.city }), t.newCity)
        await expectAxeClean(page)
        await hands.press(billing.getByRole('button', { name: t.save, exact: true }))
        await billing.getByRole('definition').filter({ hasText: t.newCity }).waitFor()
        expect(await billing.getByRole('definition').filter({ hasText: t.oldCity }).count()).toBe(0)
        expect(await billing.getByRole('textbox').count()).toBe(0)
        await expectAxeClean(page)
      })
    })
  })
}
