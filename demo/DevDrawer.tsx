import { Dialog } from 'radix-ui'
import { useState } from 'react'
import { BILLING_ERROR_CODES } from '../src/adapter/errors'
import { type Money, OPTIONAL_METHODS, REQUIRED_METHODS } from '../src/adapter/types'
import { formatMoney } from '../src/money'
import type { DemoBackend, UsageInput } from './backend'
import type { DemoCopy } from './copy'
import type { DemoSettings } from './settings'

const METHODS = [...REQUIRED_METHODS, ...OPTIONAL_METHODS]

interface DevDrawerProps {
  open: boolean
  onOpenChange(open: boolean): void
  copy: DemoCopy
  backend: DemoBackend | null
  settings: DemoSettings
  onSettingsChange(patch: Partial<DemoSettings>): void
  onChanged(): void
  onReset(): void
}

/** The demo's developer drawer: usage simulation, fault injection, latency and reset. */
export function DevDrawer(props: DevDrawerProps) {
  const { open, onOpenChange, copy, backend, settings, onSettingsChange, onChanged, onReset } = props
  const [method, setMethod] = useState<string>('addFunds')
  const [code, setCode] = useState<string>('card_declined')
  const [mode, setMode] = useState<'once' | 'always'>('once')
  const [log, setLog] = useState<string[]>([])

  async function simulate(input: UsageInput, label: string) {
    if (!backend) return
    try {
      const { entries, wallet } = await backend.simulateUsage(input)
      // Say whether the usage set off auto-recharge, so its effect can be looked for in the panel.
      const recharge = entries.find((entry) => entry.type === 'auto_recharge')
      const money = (value: Money) => formatMoney(value, settings.locale)
      const parts = [copy.simulated.replace('{text}', label)]
      if (recharge?.amount) {
        const template = recharge.status === 'failed' ? copy.autoRechargeFailed : copy.autoRecharged
        parts.push(template.replace('{amount}', money(recharge.amount)))
      }
      parts.push(copy.balanceAfter.replace('{balance}', money(wallet.balance)))
      setLog((current) => [parts.join(' '), ...current].slice(0, 6))
    } catch (error) {
      setLog((current) => [`${label}: ${(error as Error).message}`, ...current].slice(0, 6))
    }
    onChanged()
  }

  const faults = settings.faultsText ? settings.faultsText.split(',') : []

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="crm-drawer-overlay" />
        <Dialog.Content className="crm-drawer">
          <Dialog.Title className="crm-drawer-title">{copy.drawerTitle}</Dialog.Title>
          <Dialog.Description className="crm-muted">{copy.drawerDescription}</Dialog.Description>

          <section className="crm-drawer-section">
            <h2>{copy.simulate}</h2>
            <div className="crm-button-row">
              <button
                type="button"
                className="crm-button"
                onClick={() => simulate({ unit: 'sms', quantity: 500 }, copy.simulateSms)}
              >
                {copy.simulateSms}
              </button>
              <button
                type="button"
                className="crm-button"
                onClick={() => simulate({ unit: 'email', quantity: 2000 }, copy.simulateEmail)}
              >
                {copy.simulateEmail}
              </button>
              <button
                type="button"
                className="crm-button"
                onClick={() => simulate({ unit: 'call_minute', quantity: 60 }, copy.simulateCalls)}
              >
                {copy.simulateCalls}
              </button>
              <button
                type="button"
                className="crm-button"
                onClick={() =>
                  simulate({ unit: 'sms', quantity: 2000, cost: { amount: 2000, currency: 'USD' } }, copy.simulateDrain)
                }
              >
                {copy.simulateDrain}
              </button>
            </div>
            <ul className="crm-log" aria-live="polite">
              {log.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a rolling log of plain lines
                <li key={index}>{line}</li>
              ))}
            </ul>
          </section>

          {backend?.memory && (
            <section className="crm-drawer-section">
              <h2>{copy.faults}</h2>
              <div className="crm-form-row">
                <label className="crm-control">
                  {copy.faultMethod}
                  <select value={method} onChange={(e) => setMethod(e.target.value)}>
                    {METHODS.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="crm-control">
                  {copy.faultCode}
                  <select value={code} onChange={(e) => setCode(e.target.value)}>
                    {BILLING_ERROR_CODES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="crm-control">
                  {copy.faultMode}
                  <select value={mode} onChange={(e) => setMode(e.target.value === 'always' ? 'always' : 'once')}>
                    <option value="once">{copy.once}</option>
                    <option value="always">{copy.always}</option>
                  </select>
                </label>
              </div>
              <div className="crm-button-row">
                <button
                  type="button"
                  className="crm-button"
                  onClick={() => {
                    const rest = faults.filter((f) => !f.startsWith(`${method}:`))
                    onSettingsChange({ faultsText: [...rest, `${method}:${code}:${mode}`].join(',') })
                  }}
                >
                  {copy.addFault}
                </button>
                <button
                  type="button"
                  className="crm-button crm-button-quiet"
                  onClick={() => onSettingsChange({ faultsText: '' })}
                >
                  {copy.clearFaults}
                </button>
              </div>
              <p className="crm-muted">
                {copy.activeFaults}: {faults.length ? faults.join(', ') : copy.none}
              </p>
            </section>
          )}

          <section className="crm-drawer-section">
            <label className="crm-control crm-control-wide">
              {copy.latency}: {settings.latency}
              <input
                type="range"
                min={0}
                max={3000}
                step={50}
                value={settings.latency}
                onChange={(e) => onSettingsChange({ latency: Number(e.target.value) })}
              />
            </label>
          </section>

          <section className="crm-drawer-section">
            <p className="crm-muted">{copy.persisted}</p>
            <button type="button" className="crm-button crm-button-danger" onClick={onReset}>
              {copy.reset}
            </button>
          </section>

          <Dialog.Close asChild>
            <button type="button" className="crm-button crm-drawer-close">
              {copy.close}
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
