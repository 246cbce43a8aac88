import { http, type HttpHandler } from 'msw'
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  SCHEMA_OPERATIONS,
  pathTemplates,
  type Environment,
  type SchemaOperation,
} from '@/api/contract'
import {
  candidatePage,
  decodeCursor,
  findCandidate,
  getCandidate,
  listedInteractions,
  phoneDigits,
} from '@/mocks/db'
import { begin, param, type HandlerDeps, type RequestScope } from '@/mocks/handler-context'
import { badRequest, errorResponse, okResponse, rateLimited } from '@/mocks/http'
import { regionJsonSchema } from '@/mocks/regions'
import { scopeKey } from '@/mocks/state'

type Url = (template: string) => string
type ReadResolver = (input: {
  scope: RequestScope
  url: URL
  params: Record<string, string | readonly string[] | undefined>
}) => Response | Promise<Response>

/** The GET endpoints: auth, then the rate-limit scenario, then the query itself. */
export function readHandlers(
  deps: HandlerDeps,
  prefixEnvironment: Environment,
  url: Url,
): HttpHandler[] {
  const read = (template: string, resolve: ReadResolver) =>
    http.get(url(template), async ({ request, params }) => {
      const started = begin(deps, request, prefixEnvironment, template)
      if ('response' in started) return started.response
      const rejection = deps.limiter.check(started.scope.region)
      if (rejection)
        return rateLimited(started.scope.environment, rejection.status, rejection.retryAfterSeconds)
      return resolve({ scope: started.scope, url: new URL(request.url), params })
    })

  return [
    read(pathTemplates.schema, async ({ scope, url }) => {
      const operation = url.searchParams.get('operation') ?? 'create'
      if (!isSchemaOperation(operation)) {
        return badRequest(
          scope.environment,
          `Unknown operation '${operation}'; use 'create' or 'update'.`,
          [{ path: ['operation'], message: "must be 'create' or 'update'" }],
        )
      }
      const warmKey = scopeKey(scope)
      const delayMs = deps.scenario.current.schemaDelayMs
      if (!deps.warmSchemas.has(warmKey) && delayMs > 0) await sleep(delayMs)
      deps.warmSchemas.add(warmKey)
      const { id, name } = scope.regionDefinition
      return okResponse(
        scope.environment,
        'Schema retrieved.',
        regionJsonSchema(scope.regionDefinition, operation),
        { region: { id, name } }, // [ASSUMED] metaRegionSchema in @/api/contract
      )
    }),

    read(pathTemplates.candidates, ({ scope, url }) => {
      const rawSize = url.searchParams.get('pageSize') ?? ''
      const pageSize = rawSize === '' ? DEFAULT_PAGE_SIZE : Number(rawSize)
      if (!/^\d*$/.test(rawSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        return badRequest(
          scope.environment,
          `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
          [{ path: ['pageSize'], message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` }],
        )
      }
      const rawCursor = url.searchParams.get('cursor')
      const after = rawCursor ? decodeCursor(rawCursor) : null
      if (rawCursor && !after) {
        return badRequest(scope.environment, 'The cursor is not one this API returned.', [
          {
            path: ['cursor'],
            message: 'is not a cursor this API returned; start again without one',
          },
        ])
      }
      const page = candidatePage(deps.store.dataset(scope), pageSize, after)
      return okResponse(scope.environment, 'Candidates retrieved.', page.data, {
        cursor: page.nextCursor,
      })
    }),

    // Before `/candidates/:candidateId`, which would otherwise take "find" for an id.
    read(pathTemplates.findCandidate, ({ scope, url }) => {
      const email = url.searchParams.get('email')?.trim() || null
      const phone = url.searchParams.get('phone')?.trim() || null
      if (email === null && phone === null) {
        return badRequest(
          scope.environment,
          'Provide at least one of the query parameters email and phone.',
          [{ path: ['email'], message: 'email or phone is required' }],
        )
      }
      if (email === null && phone !== null && phoneDigits(phone) === '') {
        return badRequest(scope.environment, 'phone must contain digits.', [
          { path: ['phone'], message: 'must contain digits' },
        ])
      }
      const found = findCandidate(deps.store.dataset(scope), { email, phone })
      if (!found) {
        const by = email !== null ? `e-mail ${email}` : `phone ${phone ?? ''}`
        return errorResponse(
          scope.environment,
          404,
          'not_found',
          `No candidate with ${by} in this region.`,
        )
      }
      return okResponse(scope.environment, 'Candidate found.', found)
    }),

    read(pathTemplates.candidate, ({ scope, params }) => {
      const id = param(params, 'candidateId')
      const candidate = getCandidate(deps.store.dataset(scope), id)
      if (!candidate) return candidateNotFound(scope, id)
      return okResponse(scope.environment, 'Candidate retrieved.', candidate)
    }),

    read(pathTemplates.interactions, ({ scope, params }) => {
      const id = param(params, 'candidateId')
      const dataset = deps.store.dataset(scope)
      if (!getCandidate(dataset, id)) return candidateNotFound(scope, id)
      return okResponse(
        scope.environment,
        'Interactions retrieved.',
        listedInteractions(dataset, id),
      )
    }),
  ]
}

function candidateNotFound(scope: RequestScope, id: string) {
  return errorResponse(
    scope.environment,
    404,
    'not_found',
    `Candidate ${id} does not exist in this region.`,
  )
}

function isSchemaOperation(value: string): value is SchemaOperation {
  return SCHEMA_OPERATIONS.some((operation) => operation === value)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
