import { useSyncExternalStore } from 'react'

let isBeforePrint = false

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia('print')
  const before = () => {
    isBeforePrint = true
    onChange()
  }
  const after = () => {
    isBeforePrint = false
    onChange()
  }
  media.addEventListener('change', onChange)
  window.addEventListener('beforeprint', before)
  window.addEventListener('afterprint', after)
  return () => {
    media.removeEventListener('change', onChange)
    window.removeEventListener('beforeprint', before)
    window.removeEventListener('afterprint', after)
  }
}

const getSnapshot = () => isBeforePrint || window.matchMedia('print').matches

/**
 * True while the page is being printed (or shown as print media), so content that is only
 * drawn on demand on screen (entry details) is there on paper.
 */
export function usePrintMode(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, () => false)
}
