import { http, HttpResponse, sse, type HttpHandler } from 'msw'
import {
  EVENT_MUTATION,
  pathTemplates,
  type Environment,
  type MutationOutcome,
} from '@/api/contract'
import { begin, type HandlerDeps } from '@/mocks/handler-context'
import { authenticate, environmentOf, errorResponse } from '@/mocks/http'
import type { Scope } from '@/mocks/state'

type Send = (outcome: MutationOutcome) => void

/**
 * [OURS] `GET /events`: Server-Sent Events carrying each mutation outcome of the key's region and
 * environment (`event: mutation`, `data: <outcome JSON>`). Authenticated by the `x-api-key`
 * header, since the client reads it with fetch (EventSource cannot send headers).
 *
 * Three handlers, in order: a guard that answers 401 / 503 (switched off) and otherwise falls
 * through; msw's `sse()` where the runtime has EventSource (browsers; it only matches
 * `accept: text/event-stream` exactly); and a hand-made stream with the same frames for
 * everything else (Node 20 has no EventSource, and msw refuses to build `sse()` without it).
 */
export function eventsHandlers(
  deps: HandlerDeps,
  prefixEnvironment: Environment,
  path: string,
): HttpHandler[] {
  const closers = new Set<() => void>()
  deps.scenario.subscribe((next) => {
    // Switching events off ends open streams: their clients reconnect, get 503, and poll.
    if (!next.eventsEnabled) for (const close of [...closers]) close()
  })

  const connect = (scope: Scope, send: Send, end: () => void, signal: AbortSignal) => {
    const unsubscribe = deps.engine.subscribe((outcome, from) => {
      if (from.region === scope.region && from.environment === scope.environment) send(outcome)
    })
    const close = () => {
      unsubscribe()
      closers.delete(close)
      end()
    }
    closers.add(close)
    signal.addEventListener('abort', close, { once: true })
    return close
  }

  const scopeOf = (request: Request): Scope | null => {
    const environment = environmentOf(request, prefixEnvironment)
    const auth = authenticate(request, environment)
    return 'region' in auth ? { region: auth.region.id, environment } : null
  }

  const guard = http.get(path, ({ request }) => {
    const started = begin(deps, request, prefixEnvironment, pathTemplates.events)
    if ('response' in started) return started.response
    if (!deps.scenario.current.eventsEnabled) {
      return errorResponse(
        started.scope.environment,
        503,
        'unavailable',
        'The events stream is switched off; confirm mutations by re-reading the data.',
      )
    }
    return undefined
  })

  const viaMsw =
    typeof EventSource === 'undefined'
      ? []
      : [
          sse<{ [EVENT_MUTATION]: MutationOutcome }>(path, ({ request, client }) => {
            const scope = scopeOf(request)
            if (!scope) {
              client.close()
              return
            }
            connect(
              scope,
              (outcome) => {
                client.send({ event: EVENT_MUTATION, data: outcome })
              },
              () => {
                client.close()
              },
              request.signal,
            )
          }),
        ]

  const handMade = http.get(path, ({ request }) => {
    const scope = scopeOf(request)
    if (!scope) return undefined
    const encoder = new TextEncoder()
    let close: (() => void) | null = null
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        close = connect(
          scope,
          (outcome) => {
            controller.enqueue(
              encoder.encode(`event:${EVENT_MUTATION}\ndata:${JSON.stringify(outcome)}\n\n`),
            )
          },
          () => {
            try {
              controller.close()
            } catch {
              // already closed or cancelled by the reader
            }
          },
          request.signal,
        )
      },
      cancel() {
        close?.()
      },
    })
    return new HttpResponse(stream, {
      headers: {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      },
    })
  })

  return [guard, ...viaMsw, handMade]
}
