import { startTransition, useEffect, useState } from 'react'

/**
 * How many items to draw: `first` on the first pass, then all of them in a transition right
 * after that paints. A hundred entries at once would keep the first one off the screen for as
 * long as all of them take; this way the first screenful shows and the rest follows unnoticed.
 */
export function useProgressiveLimit(total: number, first: number): number {
  const [isComplete, setIsComplete] = useState(false)
  const isPartial = !isComplete && total > first
  useEffect(() => {
    if (!isPartial) return
    const timer = setTimeout(() => {
      startTransition(() => {
        setIsComplete(true)
      })
    }, 0)
    return () => {
      clearTimeout(timer)
    }
  }, [isPartial])
  return isPartial ? first : Infinity
}
