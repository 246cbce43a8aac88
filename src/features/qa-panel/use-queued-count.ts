import { useEffect, useState } from 'react'
import type { MockControlPort } from '@/config/mock-control'

/** How many writes the mock's queue holds, re-read every second while mounted. */
export function useQueuedCount(control: MockControlPort): number {
  const [count, setCount] = useState(() => control.queuedCount())
  useEffect(() => {
    const timer = setInterval(() => {
      setCount(control.queuedCount())
    }, 1000)
    return () => {
      clearInterval(timer)
    }
  }, [control])
  return count
}
