/** Listeners of one kind: `subscribe` adds one and returns its removal, `emit` calls them all. */
export function createEmitter<Args extends unknown[] = []>() {
  const listeners = new Set<(...args: Args) => void>()
  return {
    subscribe: (listener: (...args: Args) => void): (() => void) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    emit: (...args: Args): void => {
      for (const listener of listeners) listener(...args)
    },
  }
}
