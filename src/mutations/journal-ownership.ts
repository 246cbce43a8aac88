/**
 * Which tab sends which entry. An entry in phase `sending` is sent only by the tab that holds its
 * Web Lock, so exactly one tab is responsible for it at any time; every other tab waits in the
 * lock's queue. When the holder closes or crashes the browser frees the lock and the next tab
 * takes the entry over — with the same key — instead of it waiting forever. The holder writes the
 * entry's new phase to storage before it lets go, and a tab that is granted the lock reads the
 * entry back from storage before sending, so a handed-over entry is never sent on stale news.
 */

/** The part of the Web Locks API the journal uses (a fake one in tests). */
export type LockManagerLike = {
  request: (
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void>,
  ) => Promise<unknown>
}

/** `navigator.locks`, or null where the browser (or test environment) has none. */
export function defaultLocks(): LockManagerLike | null {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return null
  return navigator.locks
}

export type Ownership = {
  /**
   * Asks to become the sender of `key`. True when it is this tab's now; otherwise `onGranted`
   * is called once it is (when another tab lets go), unless it was released before.
   */
  claim: (key: string) => boolean
  owns: (key: string) => boolean
  /** Claimed, and the grant is on its way. */
  isAwaited: (key: string) => boolean
  /** Every key this tab holds or waits for. */
  claimed: () => string[]
  /** Lets go of `key` (or stops waiting for it). */
  release: (key: string) => void
  releaseAll: () => void
}

type Claim = { controller: AbortController; letGo: (() => void) | null }

/**
 * Without Web Locks (old browsers, jsdom) every claim is granted at once: one tab, one sender.
 */
export function createOwnership(
  namespace: string,
  locks: LockManagerLike | null,
  onGranted: (key: string) => void,
): Ownership {
  const owned = new Set<string>()
  const claims = new Map<string, Claim>()

  function release(key: string): void {
    owned.delete(key)
    const claim = claims.get(key)
    if (!claim) return
    claims.delete(key)
    claim.controller.abort()
    claim.letGo?.()
  }

  return {
    claim: (key) => {
      if (owned.has(key)) return true
      if (!locks) {
        owned.add(key)
        return true
      }
      if (claims.has(key)) return false
      const claim: Claim = { controller: new AbortController(), letGo: null }
      claims.set(key, claim)
      locks
        .request(
          `${namespace}#${key}`,
          { signal: claim.controller.signal },
          () =>
            new Promise<void>((letGo) => {
              if (claims.get(key) !== claim) {
                letGo() // released while the grant was on its way
                return
              }
              claim.letGo = letGo
              owned.add(key)
              onGranted(key)
            }),
        )
        .catch(() => undefined) // aborted: released before it was granted
      return false
    },
    owns: (key) => owned.has(key),
    isAwaited: (key) => claims.has(key) && !owned.has(key),
    claimed: () => [...new Set([...owned, ...claims.keys()])],
    release,
    releaseAll: () => {
      for (const key of [...claims.keys()]) release(key)
      owned.clear()
    },
  }
}
