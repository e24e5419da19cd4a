import {
  createContext,
  useContext,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import { composeEventHandlers, cx } from './cx'
import { useControllableState } from './useControllableState'

/*
 * Tabs as the WAI-ARIA pattern describes them, in a few hundred bytes: the billing panel's shell
 * ships before any section, so it cannot carry a roving-focus library. Arrow keys, Home and End
 * move between tabs; with `activationMode="manual"` Enter or Space opens the focused one.
 */

interface TabsContextValue {
  baseId: string
  value: string
  select: (value: string) => void
  manual: boolean
  /** The tab that takes focus on Tab into the list: the focused one, else the selected one. */
  tabStop: string
  setFocused: (value: string | null) => void
}

const TabsContext = createContext<TabsContextValue | null>(null)

function useTabs(part: string) {
  const context = useContext(TabsContext)
  if (!context) throw new Error(`react-billing-panel: <${part}> must be inside <Tabs>.`)
  return context
}

const idPart = (value: string) => value.replace(/[^\w-]/g, '_')
const tabId = (base: string, value: string) => `${base}-tab-${idPart(value)}`
const panelId = (base: string, value: string) => `${base}-panel-${idPart(value)}`

export interface TabsProps extends Omit<ComponentProps<'div'>, 'defaultValue' | 'dir'> {
  value?: string
  defaultValue?: string
  onValueChange?: (value: string) => void
  /** automatic: a tab opens when it gets focus; manual: on Enter, Space or click. Default automatic. */
  activationMode?: 'automatic' | 'manual'
}

/** Controlled (`value`/`onValueChange`) or not (`defaultValue`), so a host router can drive it. */
export function Tabs({
  value: valueProp,
  defaultValue = '',
  onValueChange,
  activationMode = 'automatic',
  className,
  ...props
}: TabsProps) {
  const [value, select] = useControllableState(valueProp, defaultValue, onValueChange)
  const [focused, setFocused] = useState<string | null>(null)
  const baseId = `bp-tabs${useId().replace(/:/g, '')}`
  const context: TabsContextValue = {
    baseId,
    value,
    select,
    manual: activationMode === 'manual',
    tabStop: focused ?? value,
    setFocused,
  }
  return (
    <TabsContext.Provider value={context}>
      <div data-slot="tabs" className={cx('bp-tabs', className)} {...props} />
    </TabsContext.Provider>
  )
}

function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const list = event.currentTarget
  const tabs = Array.from(list.querySelectorAll<HTMLButtonElement>('[role="tab"]:not(:disabled)'))
  const current = tabs.indexOf(document.activeElement as HTMLButtonElement)
  if (current === -1) return
  const rtl = getComputedStyle(list).direction === 'rtl'
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key]
  let next: number
  if (step !== undefined) next = (current + step + tabs.length) % tabs.length
  else if (event.key === 'Home') next = 0
  else if (event.key === 'End') next = tabs.length - 1
  else return
  event.preventDefault()
  tabs[next]?.focus()
}

export function TabsList({ className, onKeyDown, onBlur, ...props }: ComponentProps<'div'>) {
  const { setFocused } = useTabs('TabsList')
  // Leaving the list makes the selected tab the way back in, as the pattern asks.
  const forget = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null)
  }
  return (
    <div
      role="tablist"
      aria-orientation="horizontal"
      data-slot="tab-list"
      className={cx('bp-tab-list', className)}
      onKeyDown={composeEventHandlers(onKeyDown, moveFocus)}
      onBlur={composeEventHandlers(onBlur, forget)}
      {...props}
    />
  )
}

export interface TabProps extends Omit<ComponentProps<'button'>, 'value'> {
  value: string
}

export function Tab({ value, className, onClick, onFocus, onBlur, onPointerDown, disabled, ...props }: TabProps) {
  const tabs = useTabs('Tab')
  const selected = tabs.value === value
  // A click focuses the tab first: let the click alone choose it, so a host hears it once.
  const pointing = useRef(false)
  return (
    <button
      type="button"
      role="tab"
      id={tabId(tabs.baseId, value)}
      aria-selected={selected}
      aria-controls={panelId(tabs.baseId, value)}
      tabIndex={tabs.tabStop === value ? 0 : -1}
      disabled={disabled}
      data-state={selected ? 'active' : 'inactive'}
      data-slot="tab"
      className={cx('bp-tab', className)}
      onPointerDown={composeEventHandlers(onPointerDown, () => {
        pointing.current = true
      })}
      onClick={composeEventHandlers(onClick, () => {
        pointing.current = false
        tabs.select(value)
      })}
      onFocus={composeEventHandlers(onFocus, () => {
        tabs.setFocused(value)
        if (!tabs.manual && !pointing.current) tabs.select(value)
      })}
      onBlur={composeEventHandlers(onBlur, () => {
        pointing.current = false
      })}
      {...props}
    />
  )
}

export interface TabPanelProps extends ComponentProps<'div'> {
  value: string
}

/** Only the open panel renders its content; the others stay as empty, hidden placeholders. */
export function TabPanel({ value, className, children, ...props }: TabPanelProps) {
  const tabs = useTabs('TabPanel')
  const selected = tabs.value === value
  return (
    <div
      role="tabpanel"
      id={panelId(tabs.baseId, value)}
      aria-labelledby={tabId(tabs.baseId, value)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the tabs pattern makes the panel the next stop after the tab list
      tabIndex={0}
      hidden={!selected}
      data-state={selected ? 'active' : 'inactive'}
      data-slot="tab-panel"
      className={cx('bp-tab-panel', className)}
      {...props}
    >
      {selected ? children : null}
    </div>
  )
}
