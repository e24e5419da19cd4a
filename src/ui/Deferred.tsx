import {
  Component,
  createContext,
  Suspense,
  useContext,
  useState,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react'
import { ErrorState } from './ErrorState'
import { LoadingState } from './Skeleton'

/**
 * A component whose code is fetched on first use, so hosts only ship what the user opens.
 * Unlike `React.lazy`, a failed fetch (offline, a deploy replaced the chunk) is not cached:
 * the next render, or `preload()`, tries again — `<Deferred>` offers that retry.
 */
export type DeferredComponent<P> = ComponentType<P> & {
  /** Starts fetching the code (on hover, focus or idle) so opening feels instant. */
  preload: () => Promise<unknown>
}

// Deferred components below a <Deferred> register here, so its retry can forget their failure.
const RetryRegistry = createContext<Set<() => void> | null>(null)

// biome-ignore lint/suspicious/noExplicitAny: the loaded module's export is typed by the caller
export function deferred<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): DeferredComponent<React.ComponentProps<M[K]>> {
  type P = React.ComponentProps<M[K]>
  let loaded: ComponentType<P> | undefined
  let pending: Promise<unknown> | undefined
  let failure: { error: unknown } | undefined

  const preload = () => {
    if (loaded) return Promise.resolve()
    if (!pending) {
      failure = undefined
      pending = load().then(
        (module) => {
          loaded = module[name] as ComponentType<P>
        },
        (error: unknown) => {
          failure = { error }
          pending = undefined
        },
      )
    }
    return pending
  }

  const forgetFailure = () => {
    failure = undefined
  }

  // biome-ignore lint/correctness/noComponentHookFactories: created once per deferred module, at module load
  function DeferredLoader(props: P) {
    useContext(RetryRegistry)?.add(forgetFailure)
    if (loaded) {
      const Loaded = loaded
      return <Loaded {...props} />
    }
    // Stays failed until the user asks to retry, so a broken network is not hammered.
    if (failure) throw failure.error
    // Suspends until the code arrives (works on React 18 and 19).
    throw preload()
  }
  DeferredLoader.displayName = `Deferred(${String(name)})`
  return Object.assign(DeferredLoader, { preload })
}

interface BoundaryProps {
  children: ReactNode
  onRetry: () => void
  /** The user already retried: offer a reload too, for browsers that never fetch a failed chunk again. */
  retried: boolean
}

const reloadPage = () => window.location.reload()

class LoadBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state = { error: undefined as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('load failed') }
  }
  override componentDidCatch(_error: unknown, _info: ErrorInfo) {}
  override render() {
    if (this.state.error !== undefined) {
      return (
        <ErrorState
          error={this.state.error}
          onRetry={this.props.onRetry}
          onReload={this.props.retried ? reloadPage : undefined}
        />
      )
    }
    return this.props.children
  }
}

export interface DeferredProps {
  children: ReactNode
  /** Shown while the code loads; a quiet skeleton by default. */
  fallback?: ReactNode
}

/** Where deferred components render: a skeleton while loading, a retry if the fetch fails. */
export function Deferred({ children, fallback }: DeferredProps) {
  const [attempt, setAttempt] = useState(0)
  const [registry] = useState(() => new Set<() => void>())
  const retry = () => {
    for (const forget of registry) forget()
    setAttempt((n) => n + 1)
  }
  return (
    <RetryRegistry.Provider value={registry}>
      <LoadBoundary key={attempt} onRetry={retry} retried={attempt > 0}>
        <Suspense fallback={fallback ?? <LoadingState rows={2} />}>{children}</Suspense>
      </LoadBoundary>
    </RetryRegistry.Provider>
  )
}
