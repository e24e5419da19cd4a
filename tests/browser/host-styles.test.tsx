import { screen, within } from '@testing-library/react'
import { SubscriptionsPanel } from '../../src/components/SubscriptionsPanel'
import { renderBilling } from '../support/render'

// A host page with loud global rules on elements, as CRMs have: none of it may reach the panel,
// and none of the panel's rules may reach the host page.
const HOST_CSS = `
  h1, h2, h3, h4, h5, h6 { font-family: Georgia, serif; text-transform: uppercase; letter-spacing: 4px; color: rgb(200, 0, 0); }
  a { color: rgb(255, 0, 0); }
  button { background: rgb(255, 0, 0); border-radius: 0; padding: 30px; }
`

let hostStyle: HTMLStyleElement
beforeEach(() => {
  hostStyle = document.createElement('style')
  hostStyle.textContent = HOST_CSS
  document.head.append(hostStyle)
})
afterEach(() => hostStyle.remove())

function renderInHostPage() {
  return renderBilling(
    <div>
      <h2>Host settings</h2>
      <button type="button">Host button</button>
      <SubscriptionsPanel />
    </div>,
  )
}

describe('the panel inside a host page with global element styles', () => {
  it('keeps its own headings, links and buttons', async () => {
    renderInHostPage()
    const panel = document.querySelector('.bp-subscriptions-panel') as HTMLElement
    const heading = await within(panel).findByRole('heading', { name: /Leadway/ })
    const headingStyle = getComputedStyle(heading)
    expect(headingStyle.fontFamily).not.toContain('Georgia')
    expect(headingStyle.textTransform).toBe('none')
    expect(headingStyle.letterSpacing).toBe('normal')
    expect(headingStyle.color).not.toBe('rgb(200, 0, 0)')

    const cancel = within(panel).getAllByRole('button', { name: /Cancel/ })[0] as HTMLElement
    const buttonStyle = getComputedStyle(cancel)
    expect(buttonStyle.backgroundColor).not.toBe('rgb(255, 0, 0)')
    expect(buttonStyle.paddingTop).not.toBe('30px')
    expect(buttonStyle.borderTopLeftRadius).not.toBe('0px')

    const manage = within(panel).getAllByRole('link')[0] as HTMLElement
    expect(getComputedStyle(manage).color).not.toBe('rgb(255, 0, 0)')
  })

  it('leaves the host page its own styles', async () => {
    renderInHostPage()
    await screen.findByRole('heading', { name: /Leadway/ })
    const hostHeading = screen.getByRole('heading', { name: 'Host settings' })
    expect(getComputedStyle(hostHeading).fontFamily).toContain('Georgia')
    expect(getComputedStyle(hostHeading).textTransform).toBe('uppercase')
    const hostButton = screen.getByRole('button', { name: 'Host button' })
    expect(getComputedStyle(hostButton).backgroundColor).toBe('rgb(255, 0, 0)')
    expect(getComputedStyle(hostButton).paddingTop).toBe('30px')
  })
})
