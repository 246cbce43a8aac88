import { http, type HttpHandler } from 'msw'
import { API_PREFIX, ENVIRONMENTS, pathTemplates } from '@/api/contract'
import type { HandlerDeps } from '@/mocks/handler-context'
import { eventsHandlers } from '@/mocks/handlers-events'
import { readHandlers } from '@/mocks/handlers-read'
import { writeHandlers } from '@/mocks/handlers-write'
import { environmentOf, errorResponse } from '@/mocks/http'

/**
 * Every endpoint of docs/upstream.md under both prefixes (`/api/v2`, `/api/sandbox`). `baseUrl`
 * is put in front of each path: '' keeps them relative (the page's origin, in the browser and jsdom), '*'
 * matches any origin (plain Node, which has no page origin), or an origin like
 * 'http://mock.test'.
 */
export function createHandlers(deps: HandlerDeps, baseUrl: string): HttpHandler[] {
  return ENVIRONMENTS.flatMap((environment) => {
    const url = (template: string) => `${baseUrl}${API_PREFIX[environment]}${template}`
    return [
      ...eventsHandlers(deps, environment, url(pathTemplates.events)),
      ...readHandlers(deps, environment, url),
      ...writeHandlers(deps, environment, url),
      // Anything else under the API answers like an API, not with the dev server's index.html.
      http.all(url('/*'), ({ request }) => {
        const path = new URL(request.url).pathname
        deps.counter.add(request.method, 'unknown')
        return errorResponse(
          environmentOf(request, environment),
          404,
          'not_found',
          `No such endpoint: ${request.method} ${path}.`,
        )
      }),
    ]
  })
}
