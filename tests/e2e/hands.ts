import type { Locator } from 'playwright-core'
import { expect } from 'vitest'

/**
 * How a person works the page. The same journey runs with a pointer or with the keyboard
 * alone; the keyboard hands never click and never move focus by script, so every step also
 * proves the control is reachable in tab order and answers the keys people use.
 */
export interface Hands {
  /** Activates a button, link or menu trigger. */
  press(target: Locator): Promise<void>
  /** Replaces what a text field holds. */
  fill(field: Locator, text: string): Promise<void>
  /** Flips a switch or checkbox. */
  toggle(control: Locator): Promise<void>
  /** Selects a radio option. */
  choose(option: Locator): Promise<void>
  /** Opens a section tab. */
  openTab(tab: Locator): Promise<void>
}

export const pointerHands: Hands = {
  press: (target) => target.click(),
  fill: (field, text) => field.fill(text),
  toggle: (control) => control.click(),
  choose: (option) => option.click(),
  openTab: (tab) => tab.click(),
}

const MAX_STEPS = 250

function page(locator: Locator) {
  return locator.page()
}

/** Whether focus is on (or inside) the element. */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
}

/**
 * Presses Tab, or Shift+Tab when the target comes before the focused element, until the target
 * has focus. Fails when it is never reached.
 */
async function tabTo(target: Locator): Promise<void> {
  await target.waitFor()
  // A button that waits for something (e.g. the card form loading) is skipped by Tab until enabled.
  await expect.poll(() => target.isEnabled(), { timeout: 10_000 }).toBe(true)
  const key = await target.evaluate((el) => {
    const active = document.activeElement
    if (!active || active === document.body) return 'Tab'
    return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? 'Shift+Tab' : 'Tab'
  })
  for (let step = 0; step < MAX_STEPS; step++) {
    if (await hasFocus(target)) return
    await page(target).keyboard.press(key)
  }
  throw new Error(`${target} was not reached with ${key} in ${MAX_STEPS} presses`)
}

/** Presses an arrow key until the target has focus (radio groups and tab lists move focus with arrows). */
async function arrowTo(target: Locator, key: 'ArrowDown' | 'ArrowRight'): Promise<void> {
  await target.waitFor()
  for (let step = 0; step < 20; step++) {
    if (await hasFocus(target)) return
    await page(target).keyboard.press(key)
  }
  throw new Error(`${target} was not reached with ${key}`)
}

export const keyboardHands: Hands = {
  async press(target) {
    await tabTo(target)
    await page(target).keyboard.press('Enter')
  },
  async fill(field, text) {
    await tabTo(field)
    const keyboard = page(field).keyboard
    await keyboard.press('ControlOrMeta+A')
    await keyboard.press('Delete')
    await keyboard.type(text)
  },
  async toggle(control) {
    await tabTo(control)
    await page(control).keyboard.press('Space')
  },
  async choose(option) {
    // A radio group is one tab stop; arrows move within it, and select as they go.
    const group = option.locator('xpath=ancestor::*[@role="radiogroup"][1]')
    await tabTo(group)
    await arrowTo(option, 'ArrowDown')
    await page(option).keyboard.press('Space')
  },
  async openTab(tab) {
    // The tab list is one tab stop (the selected tab); arrows move, Enter opens (manual activation).
    const list = tab.locator('xpath=ancestor::*[@role="tablist"][1]')
    await tabTo(list)
    await arrowTo(tab, 'ArrowRight')
    await page(tab).keyboard.press('Enter')
  },
}
