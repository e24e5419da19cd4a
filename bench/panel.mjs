// Adapter calls and Stripe requests for the whole panel, measured in Chromium.
import { fileURLToPath } from 'node:url'
import { launchChromium, startBenchServer } from './browser.mjs'

const isStripe = (url) => /stripe\.(com|network)/i.test(url)

export async function runPanelBench() {
  const { server, url } = await startBenchServer()
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const stripeRequests = []
    page.on('request', (request) => {
      if (isStripe(request.url())) stripeRequests.push(request.url())
    })
    await page.goto(`${url}/bench/panel.html`)
    const calls = () => page.evaluate(() => ({ ...window.__bench.adapter.calls }))
    const resetCalls = () => page.evaluate(() => window.__bench.adapter.resetCalls())
    // Settled: the open section's code has arrived and no query or mutation is in flight.
    const idle = () =>
      page.waitForFunction(
        () =>
          !document.querySelector('[data-slot="billing-section-loading"]') &&
          window.__bench.queryClient.isFetching() === 0 &&
          window.__bench.queryClient.isMutating() === 0,
      )

    // Mount: the Payments section is open first.
    await page.getByRole('tab', { name: 'Payments' }).waitFor()
    await page.getByRole('list', { name: 'Saved payment methods' }).waitFor()
    await page.getByRole('heading', { name: 'Billing information' }).waitFor()
    await idle()
    const mountCalls = await calls()

    // Visit every section once, then switch back and forth within the stale time.
    for (const name of ['Subscriptions', 'Wallet & Transactions', 'Payments']) {
      await page.getByRole('tab', { name }).click()
      await page.waitForTimeout(200)
      await idle()
    }
    const allSectionsCalls = await calls()
    await resetCalls()
    for (const name of [
      'Subscriptions',
      'Wallet & Transactions',
      'Payments',
      'Wallet & Transactions',
      'Subscriptions',
      'Payments',
    ]) {
      await page.getByRole('tab', { name }).click()
      await page.waitForTimeout(100)
    }
    await idle()
    const switchCalls = await calls()
    const stripeBeforeCardForm = stripeRequests.length
    const stripeScripts = await page.evaluate(() => document.querySelectorAll('script[src*="stripe"]').length)

    // A top-up through the UI: what refetches afterwards.
    await page.getByRole('tab', { name: 'Wallet & Transactions' }).click()
    await idle()
    await resetCalls()
    await page
      .getByRole('button', { name: /add funds/i })
      .first()
      .click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await dialog.getByRole('radio').first().click()
    await dialog
      .getByRole('button', { name: /^(pay|add|charge|confirm)/i })
      .last()
      .click()
    await page.waitForFunction(() => window.__bench.adapter.calls.addFunds > 0)
    await page.waitForTimeout(300)
    await idle()
    const topUpCalls = await calls()

    // Opening the add-card form is when Stripe may load.
    await page.getByRole('tab', { name: 'Payments' }).click()
    await page
      .getByRole('button', { name: /add new card/i })
      .first()
      .click()
    await page.waitForTimeout(1500)
    const stripeAfterCardForm = stripeRequests.length

    const sum = (c) => Object.values(c).reduce((a, b) => a + b, 0)
    return {
      mount: { calls: mountCalls, total: sum(mountCalls) },
      everySection: { calls: allSectionsCalls, total: sum(allSectionsCalls) },
      switchingSections: { calls: switchCalls, total: sum(switchCalls) },
      afterTopUp: {
        calls: topUpCalls,
        reads: Object.keys(topUpCalls).filter((k) => k !== 'addFunds' && topUpCalls[k] > 0),
      },
      stripe: {
        requestsBeforeCardForm: stripeBeforeCardForm,
        scriptsBeforeCardForm: stripeScripts,
        requestsAfterCardFormOpened: stripeAfterCardForm,
      },
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runPanelBench(), null, 2))
}
