/**
 * Where the mock keeps its state between page loads. The browser demo uses `localStorage` so a
 * reload keeps the data and the queued mutations; Node tests use the no-op adapter (or the
 * memory one, to simulate a reload).
 */
export type PersistenceAdapter = {
  load(): string | null
  save(serialized: string): void
  clear(): void
}

export const MOCK_STORAGE_KEY = 'candidate-timeline:mock:v1'

export const noopPersistence: PersistenceAdapter = {
  load: () => null,
  save: () => undefined,
  clear: () => undefined,
}

export function memoryPersistence(initial: string | null = null): PersistenceAdapter & {
  readonly value: string | null
} {
  let value = initial
  return {
    get value() {
      return value
    },
    load: () => value,
    save: (serialized) => {
      value = serialized
    },
    clear: () => {
      value = null
    },
  }
}

/** `localStorage` (or any Storage); quota and privacy-mode errors only cost persistence. */
export function storagePersistence(
  storage: Storage,
  key: string = MOCK_STORAGE_KEY,
): PersistenceAdapter {
  let warned = false
  const warnOnce = (error: unknown) => {
    if (warned) return
    warned = true
    console.warn('[mock] could not persist the mock state; it will not survive a reload', error)
  }
  return {
    load: () => {
      try {
        return storage.getItem(key)
      } catch (error) {
        warnOnce(error)
        return null
      }
    },
    save: (serialized) => {
      try {
        storage.setItem(key, serialized)
      } catch (error) {
        warnOnce(error)
      }
    },
    clear: () => {
      try {
        storage.removeItem(key)
      } catch (error) {
        warnOnce(error)
      }
    },
  }
}
