import { http, HttpResponse, type HttpHandler } from 'msw'
import {
  QUERY_CALLBACK_URL,
  QUERY_IDEMPOTENCY_KEY,
  pathTemplates,
  type ApiIssue,
  type Environment,
} from '@/api/contract'
import { begin, param, type HandlerDeps, type RequestScope } from '@/mocks/handler-context'
import { acceptedResponse, badRequest } from '@/mocks/http'
import type { Command } from '@/mocks/state'
import { parseJsonText, validateBatch, validatePatch, type Validated } from '@/mocks/validation'

type Url = (template: string) => string
type Params = Record<string, string | readonly string[] | undefined>
type BuildCommand = (scope: RequestScope, body: unknown, params: Params) => Validated<Command>

const MAX_KEY_LENGTH = 255

/**
 * The write endpoints. Order of checks: auth → query parameters → idempotency replay (the first
 * 202 again, whatever the body) → JSON → validation against the region's schema → queue → 202.
 * Existence and ownership are NOT checked here: [DOC] they are enforced when the mutation
 * executes, so an unknown candidate or interaction gets a 202 and then a `failed` outcome.
 */
export function writeHandlers(
  deps: HandlerDeps,
  prefixEnvironment: Environment,
  url: Url,
): HttpHandler[] {
  const write = (method: 'post' | 'patch' | 'delete', template: string, build: BuildCommand) =>
    http[method](url(template), async ({ request, params }) => {
      const arrivedAt = performance.now()
      await afterNextFrame()
      const answer = await answerWrite({ method, template, build, request, params })
      // The answer travels slowly (the scenario's write delay); the write is queued already.
      await answerDelay(deps, arrivedAt)
      return answer
    })

  async function answerWrite(write: {
    method: 'post' | 'patch' | 'delete'
    template: string
    build: BuildCommand
    request: Request
    params: Params
  }): Promise<Response> {
    const { method, template, build, request, params } = write
    const started = begin(deps, request, prefixEnvironment, template)
    if ('response' in started) return started.response
    const { scope } = started
    const query = writeQuery(new URL(request.url))
    if (!query.ok) return badRequest(scope.environment, query.message, query.issues)
    if (query.idempotencyKey !== null && deps.engine.isKnown(scope, query.idempotencyKey)) {
      return acceptedResponse(scope.environment, query.idempotencyKey)
    }
    let body: unknown = undefined
    if (method !== 'delete') {
      const parsed = parseJsonText(await request.text())
      if (!parsed.ok) return badRequest(scope.environment, parsed.message, parsed.issues)
      body = parsed.value
    }
    const command = build(scope, body, params)
    if (!command.ok) return badRequest(scope.environment, command.message, command.issues)
    // Again, right before queueing: a retry with the same key may have been queued while this
    // request waited for its body (or for the page's frame), and must not be queued twice.
    if (query.idempotencyKey !== null && deps.engine.isKnown(scope, query.idempotencyKey)) {
      return acceptedResponse(scope.environment, query.idempotencyKey)
    }
    const { idempotencyKey } = deps.engine.enqueue({
      region: scope.region,
      environment: scope.environment,
      idempotencyKey: query.idempotencyKey,
      callbackUrl: query.callbackUrl,
      command: command.value,
    })
    if (deps.scenario.current.dropNextWrite) {
      // Accepted and queued, but the client never hears so: it must retry with the same key.
      deps.scenario.set({ dropNextWrite: false })
      return HttpResponse.error()
    }
    return acceptedResponse(scope.environment, idempotencyKey)
  }

  return [
    write('post', pathTemplates.candidates, (scope, body) =>
      map(validateBatch(scope.regionDefinition, 'candidate', body), (payloads) => ({
        kind: 'create-candidates',
        payloads,
      })),
    ),
    write('patch', pathTemplates.candidate, (scope, body, params) =>
      map(validatePatch(scope.regionDefinition, 'candidate', body), (patch) => ({
        kind: 'update-candidate',
        candidateId: param(params, 'candidateId'),
        patch,
      })),
    ),
    write('post', pathTemplates.interactions, (scope, body, params) =>
      map(validateBatch(scope.regionDefinition, 'interaction', body), (payloads) => ({
        kind: 'create-interactions',
        candidateId: param(params, 'candidateId'),
        payloads,
      })),
    ),
    write('patch', pathTemplates.interaction, (scope, body, params) =>
      map(validatePatch(scope.regionDefinition, 'interaction', body), (patch) => ({
        kind: 'update-interaction',
        candidateId: param(params, 'candidateId'),
        interactionId: param(params, 'interactionId'),
        patch,
      })),
    ),
    write('delete', pathTemplates.interaction, (_scope, _body, params) => ({
      ok: true,
      value: {
        kind: 'delete-interaction',
        candidateId: param(params, 'candidateId'),
        interactionId: param(params, 'interactionId'),
      },
    })),
  ]
}

function map<T, U>(result: Validated<T>, transform: (value: T) => U): Validated<U> {
  return result.ok ? { ok: true, value: transform(result.value) } : result
}

type WriteQuery =
  | { ok: true; idempotencyKey: string | null; callbackUrl: string | null }
  | { ok: false; message: string; issues: ApiIssue[] }

/** [ASSUMED] `idempotencyKey` and `callbackUrl` are query parameters; other parameters are ignored. */
function writeQuery(url: URL): WriteQuery {
  const key = url.searchParams.get(QUERY_IDEMPOTENCY_KEY)
  if (key !== null && (key.trim() === '' || key.length > MAX_KEY_LENGTH)) {
    const message = `must be a non-empty string of at most ${MAX_KEY_LENGTH} characters`
    return {
      ok: false,
      message: `${QUERY_IDEMPOTENCY_KEY} ${message}.`,
      issues: [{ path: [QUERY_IDEMPOTENCY_KEY], message }],
    }
  }
  const callbackUrl = url.searchParams.get(QUERY_CALLBACK_URL)
  if (callbackUrl !== null && !isHttpUrl(callbackUrl)) {
    const message = 'must be an absolute http(s) URL'
    return {
      ok: false,
      message: `${QUERY_CALLBACK_URL} ${message}.`,
      issues: [{ path: [QUERY_CALLBACK_URL], message }],
    }
  }
  return { ok: true, idempotencyKey: key, callbackUrl }
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * In a page, the mock shares the app's main thread, which the real upstream never does: its
 * work on a write (validation, queueing, saving its whole state to localStorage, tens of ms)
 * waits until the frame the app is painting (the pending card) is out. Without a page (Node
 * tests) it goes on at once; a hidden page (no frames) waits at most 50 ms.
 */
function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined')
    return Promise.resolve()
  return new Promise((resolve) => {
    let isDone = false
    const done = () => {
      if (isDone) return
      isDone = true
      setTimeout(resolve, 0)
    }
    requestAnimationFrame(done)
    setTimeout(done, 50)
  })
}

/**
 * Until `writeAnswerDelayMs` after `arrivedAt`, re-read when the scenario changes: lowering the
 * delay (to 0) lets answers already waiting go at once, which tests and QA use as a release.
 */
function answerDelay(deps: HandlerDeps, arrivedAt: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let unsubscribe: (() => void) | null = null
    const check = () => {
      clearTimeout(timer)
      const waitMs = arrivedAt + deps.scenario.current.writeAnswerDelayMs - performance.now()
      if (waitMs > 0) {
        timer = setTimeout(check, waitMs)
        return
      }
      unsubscribe?.()
      unsubscribe = () => undefined
      resolve()
    }
    check()
    unsubscribe ??= deps.scenario.subscribe(check)
  })
}
