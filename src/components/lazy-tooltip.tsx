import type TooltipComponent from '@mui/material/Tooltip'
import {
  cloneElement,
  createElement,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
  type Ref,
} from 'react'

type Tooltip = typeof TooltipComponent

/**
 * MUI's Tooltip brings Popper.js (~10 KB gzip) with it. The app bar's icon buttons are on every
 * page, so their tooltips load when the pointer or keyboard focus first enters the area that has
 * them (`armTooltips`), not with the first page. Until then the buttons are labelled as always
 * (`aria-label`); only the visual hint waits.
 */
let loaded: Tooltip | null = null
let loading: Promise<void> | null = null
/** The Tooltip module, once it arrived; swapped in when no press is under way. */
let arrived: Tooltip | null = null
/** What had keyboard focus when the Tooltip arrived (see `LazyTooltip`). */
let focusedOnArrival: Element | null = null
const listeners = new Set<() => void>()
let isPressing = false

function swapIn(): void {
  if (arrived === null || loaded !== null || isPressing) return
  loaded = arrived
  focusedOnArrival = document.activeElement
  for (const listener of listeners) listener()
}

/**
 * Swapping the Tooltip in mounts each button afresh (see `LazyTooltip`). A press that began on
 * the old button and ended on the new one would be no click at all, so the swap waits until the
 * press is over: after the pointer or key goes up, and the click that follows in the same task.
 */
function watchPresses(): void {
  const press = () => {
    isPressing = true
  }
  const release = () => {
    isPressing = false
    setTimeout(swapIn)
  }
  document.addEventListener('pointerdown', press, true)
  document.addEventListener('pointerup', release, true)
  document.addEventListener('pointercancel', release, true)
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' || event.key === ' ') press()
    },
    true,
  )
  document.addEventListener('keyup', release, true)
}

// From the start, not from arming: the press that arms (its focus) must count as under way.
if (typeof document !== 'undefined') watchPresses()

export function armTooltips(): void {
  if (loading !== null) return
  loading = import('@mui/material/Tooltip').then(
    (module) => {
      arrived = module.default
      swapIn()
    },
    () => {
      loading = null // offline for a moment: the next pointer or focus tries again
    },
  )
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function useLoadedTooltip(): Tooltip | null {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => loaded,
  )
}

type LazyTooltipProps = {
  title: string
  /** One element that takes a ref (a button, an icon button, a link). */
  children: ReactElement<{ ref?: Ref<HTMLElement> }>
}

/** A MUI Tooltip once `armTooltips()` has loaded it; the bare child until then. */
export function LazyTooltip({ title, children }: LazyTooltipProps) {
  const Tooltip = useLoadedTooltip()
  const [element, setElement] = useState<HTMLElement | null>(null)
  const previous = useRef<HTMLElement | null>(null)

  // Wrapping the child makes React mount it afresh: if the old one had keyboard focus when the
  // Tooltip arrived, give focus to the new one so nobody loses their place.
  useLayoutEffect(() => {
    const before = previous.current
    previous.current = element
    if (before !== null && before !== element && before === focusedOnArrival) {
      focusedOnArrival = null
      element?.focus()
    }
  }, [element])

  const child = cloneElement(children, { ref: setElement })
  // `Tooltip` is one module-level component (never created here): createElement, because the
  // component lint cannot see that a value from a store is stable.
  return Tooltip === null ? child : createElement(Tooltip, { title, children: child })
}
