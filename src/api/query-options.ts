import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { DEFAULT_PAGE_SIZE, type SchemaOperation } from '@/api/contract'
import type { CandidateAudit } from '@/api/audit'
import type { ApiClient, ApiScope } from '@/api/client'

/**
 * Query keys, TkDodo-style: key-only levels for invalidation, `queryOptions` for reads. Every key
 * starts with the environment and the region so sandbox and production never share a cache.
 */
export const apiKeys = {
  scope: (s: ApiScope) => [s.environment, s.region] as const,
  schemas: (s: ApiScope) => [...apiKeys.scope(s), 'schema'] as const,
  schema: (s: ApiScope, operation: SchemaOperation) => [...apiKeys.schemas(s), operation] as const,
  candidates: (s: ApiScope) => [...apiKeys.scope(s), 'candidates'] as const,
  candidateList: (s: ApiScope, pageSize: number) =>
    [...apiKeys.candidates(s), 'list', { pageSize }] as const,
  candidateFind: (s: ApiScope, by: { email?: string; phone?: string }) =>
    [...apiKeys.candidates(s), 'find', by] as const,
  candidate: (s: ApiScope, id: string) => [...apiKeys.candidates(s), 'detail', id] as const,
  interactions: (s: ApiScope, candidateId: string) =>
    [...apiKeys.candidate(s, candidateId), 'interactions'] as const,
  /** Under the interactions: whatever refreshes them (an outcome) refreshes who made them. */
  audit: (s: ApiScope, candidateId: string) =>
    [...apiKeys.interactions(s, candidateId), 'audit'] as const,
}

export const apiQueries = {
  schema: (api: ApiClient, operation: SchemaOperation) =>
    queryOptions({
      queryKey: apiKeys.schema(api.scope, operation),
      queryFn: ({ signal }) => api.getSchema(operation, signal),
      // A region's schema changes rarely; the upstream's first call is slow (3–5 s).
      staleTime: 60 * 60 * 1000,
    }),

  candidateList: (api: ApiClient, pageSize: number = DEFAULT_PAGE_SIZE) =>
    infiniteQueryOptions({
      queryKey: apiKeys.candidateList(api.scope, pageSize),
      queryFn: ({ pageParam, signal }) =>
        api.listCandidates({ pageSize, cursor: pageParam }, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.meta.cursor,
    }),

  candidateFind: (api: ApiClient, by: { email?: string; phone?: string }) =>
    queryOptions({
      queryKey: apiKeys.candidateFind(api.scope, by),
      queryFn: ({ signal }) => api.findCandidate(by, signal),
    }),

  candidate: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: apiKeys.candidate(api.scope, id),
      queryFn: ({ signal }) => api.getCandidate(id, signal),
    }),

  interactions: (api: ApiClient, candidateId: string) =>
    queryOptions({
      queryKey: apiKeys.interactions(api.scope, candidateId),
      queryFn: ({ signal }) => api.listInteractions(candidateId, signal),
    }),

  /**
   * Who logged, edited or failed to change this candidate's interactions (relay only; the code
   * loads with the first call). Read once per candidate, again when its interactions change.
   */
  candidateAudit: (api: ApiClient, candidateId: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- api.scope in the key names the client
    queryOptions({
      queryKey: apiKeys.audit(api.scope, candidateId),
      queryFn: async ({ signal }): Promise<CandidateAudit> =>
        (await import('@/api/audit')).fetchCandidateAudit(api, candidateId, signal),
      staleTime: Infinity,
      retry: 1,
    }),
}
