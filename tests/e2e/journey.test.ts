import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeViolations, launch, openDemo } from './browser'

// A sub-account user's journeys through the demo host page (memory adapter, fake Stripe).
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

async function expectAxeClean(page: Page) {
  await page.waitForTimeout(150)
  expect(await axeViolations(page)).toEqual([])
}

describe('journey in Spanish', () => {
  it('tops up the wallet, cancels and resumes a subscription, edits the billing address — axe clean on every section', async () => {
    const { page, context, errors } = await openDemo(browser, inject('demoUrl'), { locale: 'es', section: 'wallet' })
    try {
      const panel = page.locator('.bp-billing-panel')
      await page.getByRole('tab', { name: 'Cartera y Transacciones', selected: true }).waitFor()
      await panel.getByText('42,50 US$').first().waitFor()
      await expectAxeClean(page)

      // Top up $25 with the default card.
      await page.getByRole('button', { name: 'Agregar Fondos' }).first().click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('radio', { name: /25,00/ }).first().click()
      await expect
        .poll(() =>
          dialog
            .getByText(/Visa •••• 4242/)
            .first()
            .isVisible(),
        )
        .toBe(true)
      await dialog.getByRole('button', { name: /^Pagar/ }).click()
      await dialog.waitFor({ state: 'detached' })
      await panel.getByText('67,50 US$').first().waitFor()
      await panel.getByRole('row').filter({ hasText: 'Recarga de cartera' }).first().waitFor()

      // Cancel a subscription at period end, then resume it.
      await page.getByRole('tab', { name: 'Suscripciones' }).click()
      await expectAxeClean(page)
      const resumeButtons = page.getByRole('button', { name: /Reanudar suscripción/ })
      const resumableBefore = await resumeButtons.count()
      await page
        .getByRole('button', { name: /Cancelar suscripción/ })
        .first()
        .click()
      const confirm = page.getByRole('dialog')
      await confirm.getByRole('button', { name: 'Cancelar suscripción' }).click()
      await confirm.waitFor({ state: 'detached' })
      await expect.poll(() => resumeButtons.count()).toBe(resumableBefore + 1)
      await resumeButtons.first().click()
      await expect.poll(() => resumeButtons.count()).toBe(resumableBefore)

      // Edit the billing address.
      await page.getByRole('tab', { name: 'Pagos' }).click()
      await expectAxeClean(page)
      await page
        .getByRole('button', { name: /Editar información de facturación|^Editar$/ })
        .first()
        .click()
      const city = page.getByRole('textbox', { name: /Ciudad/ })
      await city.fill('Guadalajara')
      await page.getByRole('button', { name: 'Guardar' }).click()
      await panel
        .getByText(/Guadalajara/)
        .first()
        .waitFor()
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('journey in English, keyboard only for the top-up', () => {
  it('adds a card and makes it default, tops up with the keyboard, downloads an invoice', async () => {
    const { page, context, errors } = await openDemo(browser, inject('demoUrl'), { locale: 'en', section: 'payments' })
    try {
      const panel = page.locator('.bp-billing-panel')
      await page.getByRole('tab', { name: 'Payments', selected: true }).waitFor()

      // Add a Mastercard through the (fake) Stripe form and make it the default.
      await page.getByRole('button', { name: 'Add new card' }).first().click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Card number').fill('5555555555554444')
      await dialog.getByLabel('Expiration date (MM / YY)').fill('12 / 30')
      await dialog.getByLabel('CVC').fill('123')
      const makeDefault = dialog
        .getByRole('checkbox', { name: /Make this my default card/ })
        .or(dialog.getByRole('switch', { name: /Make this my default card/ }))
      if (
        (await makeDefault.getAttribute('aria-checked')) !== 'true' &&
        !(await makeDefault.isChecked().catch(() => false))
      ) {
        await makeDefault.click()
      }
      await dialog.getByRole('button', { name: 'Save card' }).click()
      await dialog.waitFor({ state: 'detached', timeout: 20_000 })
      const newRow = panel
        .locator('[data-slot="payment-method-row"]')
        .filter({ hasText: /Mastercard •••• 4444/ })
        .filter({ hasText: /Default/ })
      await newRow.first().waitFor()
      await expectAxeClean(page)

      // Keyboard only: to the wallet tab, open Add funds, pick a preset, pay.
      await page.getByRole('tab', { name: 'Wallet & Transactions' }).focus()
      await page.keyboard.press('Enter')
      await page.getByRole('tab', { name: 'Wallet & Transactions', selected: true }).waitFor()
      await panel.getByText('$42.50').first().waitFor()
      const addFunds = page.getByRole('button', { name: 'Add funds' }).first()
      await addFunds.focus()
      await page.keyboard.press('Enter')
      const topUp = page.getByRole('dialog')
      await topUp.waitFor()
      await topUp
        .getByRole('radio', { name: /\$50\.00/ })
        .first()
        .focus()
      await page.keyboard.press('Space')
      await expect
        .poll(() =>
          topUp
            .getByText(/Mastercard •••• 4444/)
            .first()
            .isVisible(),
        )
        .toBe(true)
      await topUp.getByRole('button', { name: /^Pay/ }).focus()
      await page.keyboard.press('Enter')
      await topUp.waitFor({ state: 'detached' })
      await panel.getByText('$92.50').first().waitFor()
      await expectAxeClean(page)

      // Invoices are asked for at click time and open in a new tab.
      const invoice = panel.getByRole('button', { name: /INV-|invoice/i }).first()
      await invoice.scrollIntoViewIfNeeded()
      const requested: string[] = []
      page.context().on('request', (request) => requested.push(request.url()))
      const popup = page.context().waitForEvent('page', { timeout: 10_000 })
      await invoice.click()
      const opened = await popup
      // The signed link (asked of the adapter on click) opens in a new tab; outside hosts are blocked here.
      await expect.poll(() => requested.some((url) => /^https:\/\/.*invoices\//.test(url))).toBe(true)
      await opened.close()
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
