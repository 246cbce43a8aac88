import {
  QUERY_CALLBACK_URL,
  QUERY_IDEMPOTENCY_KEY,
  acceptedSchema,
  paths,
  type Accepted,
} from '@/api/contract'
import { parseBody, type ApiClient, type RequestInput } from '@/api/client'

/**
 * The upstream's writes. Apart from the client because only the journal's runtime sends them:
 * a page that only reads never downloads this.
 */

export type WriteOptions = {
  idempotencyKey: string
  callbackUrl?: string
  signal?: AbortSignal
}

/**
 * What a write's 2xx said. Any 2xx means accepted — the mutation is queued from then on — even
 * when the body cannot be read, so these fields are what the body told us, where it could.
 */
export type WriteAck = {
  /** The key the 202 echoed; null when the body could not be read. */
  echoedKey: string | null
  /** `meta.sandboxEnabled`; null when the body could not be read. */
  sandboxEnabled: boolean | null
  /** Why the body could not be read; null when it could. */
  unreadable: string | null
}

export function apiWrites(api: ApiClient) {
  /**
   * A write. Any 2xx is an acceptance, whatever its body: the mutation is queued from then on,
   * so a body that cannot be read (or fails to arrive) must never lead to a second attempt
   * under another key. What the body did say comes back for the caller to check.
   */
  function write(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    options: WriteOptions,
  ): Promise<WriteAck> {
    const input: RequestInput = {
      method,
      path,
      body,
      signal: options.signal,
      query: {
        [QUERY_IDEMPOTENCY_KEY]: options.idempotencyKey,
        [QUERY_CALLBACK_URL]: options.callbackUrl,
      },
    }
    return api.exchange(input, async (response) => {
      try {
        const accepted: Accepted = await parseBody(response, acceptedSchema)
        return {
          echoedKey: accepted.data.idempotencyKey,
          sandboxEnabled: accepted.meta.sandboxEnabled,
          unreadable: null,
        }
      } catch (error) {
        if (options.signal?.aborted) throw error // stopped: the same key goes out again later
        return {
          echoedKey: null,
          sandboxEnabled: null,
          unreadable: error instanceof Error ? error.message : String(error),
        }
      }
    })
  }

  return {
    createCandidates: (payloads: readonly unknown[], options: WriteOptions) =>
      write('POST', paths.candidates, payloads, options),

    updateCandidate: (id: string, patch: Record<string, unknown>, options: WriteOptions) =>
      write('PATCH', paths.candidate(id), patch, options),

    createInteractions: (
      candidateId: string,
      payloads: readonly unknown[],
      options: WriteOptions,
    ) => write('POST', paths.interactions(candidateId), payloads, options),

    updateInteraction: (
      candidateId: string,
      interactionId: string,
      patch: Record<string, unknown>,
      options: WriteOptions,
    ) => write('PATCH', paths.interaction(candidateId, interactionId), patch, options),

    deleteInteraction: (candidateId: string, interactionId: string, options: WriteOptions) =>
      write('DELETE', paths.interaction(candidateId, interactionId), undefined, options),
  }
}
