// The whole panel in each shipped language, as a user sees it: every section loaded, and not one
// of the built-in English strings left on screen, in a label, a placeholder or a title.
import { screen, waitFor } from '@testing-library/react'
import { BillingPanel, type BillingSection } from '../../src/components/BillingPanel'
import { en } from '../../src/i18n'
import { CATALOGS } from '../support/locales'
import { renderBilling } from '../support/render'

function leaves(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree]
  return typeof tree === 'object' && tree !== null ? Object.values(tree).flatMap(leaves) : []
}

/** Every static English string that has letters in it (templates are checked by the catalog test). */
const ENGLISH = new Set(leaves(en).filter((text) => !text.includes('{') && /\p{L}{2}/u.test(text)))

/** What a person reads or a screen reader announces: text, accessible names, placeholders, titles. */
function shown(root: HTMLElement): string[] {
  const out: string[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node.textContent?.trim() ?? '')
  for (const element of root.querySelectorAll('[aria-label], [placeholder], [title], [aria-valuetext]')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'aria-valuetext']) {
      const value = element.getAttribute(name)
      if (value) out.push(value.trim())
    }
  }
  return out.filter(Boolean)
}

const SECTIONS: { section: BillingSection; ready: (tag: keyof typeof CATALOGS) => string }[] = [
  { section: 'payments', ready: (tag) => CATALOGS[tag].messages.paymentMethods.title },
  { section: 'subscriptions', ready: (tag) => CATALOGS[tag].messages.subscriptions.title },
  { section: 'wallet', ready: (tag) => CATALOGS[tag].messages.transactions.title },
]

describe.each(Object.keys(CATALOGS) as (keyof typeof CATALOGS)[])('the panel in %s', (tag) => {
  const own = new Set(leaves(CATALOGS[tag].messages))

  it.each(SECTIONS)('shows the $section section without English', async ({ section, ready }) => {
    // Seeded data in Spanish, so any English on screen can only come from the panel itself.
    const { container } = renderBilling(<BillingPanel defaultSection={section} />, {
      locale: tag,
      memory: { locale: 'es' },
    })
    await screen.findByRole('heading', { name: ready(tag) }, { timeout: 10_000 })
    await waitFor(() => expect(container.querySelector('[aria-busy="true"], [data-state="loading"]')).toBeNull(), {
      timeout: 10_000,
    })
    const english = shown(container).filter((text) => ENGLISH.has(text) && !own.has(text))
    expect(english).toEqual([])
  })
})

it('would notice English left on screen: a German catalog whose wallet strings were never translated', async () => {
  const { de } = CATALOGS
  const untranslated = { tag: 'de', messages: { ...de.messages, wallet: en.wallet } }
  const { container } = renderBilling(<BillingPanel defaultSection="wallet" />, {
    memory: { locale: 'es' },
    provider: { locale: untranslated },
  })
  await screen.findByRole('heading', { name: de.messages.transactions.title }, { timeout: 10_000 })
  await waitFor(() => expect(shown(container)).toContain(en.wallet.balance.label))
  expect(shown(container).filter((text) => ENGLISH.has(text))).toContain('Add funds')
})
