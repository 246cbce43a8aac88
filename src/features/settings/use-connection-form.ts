import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as z from 'zod/mini'
import type { Environment, SandboxMode } from '@/api/contract'
import { parseBaseUrl, type BaseUrlProblem } from '@/config/base-url'
import { buildEnv } from '@/config/build-env'
import { KEY_STORAGES } from '@/config/connection-storage'
import {
  mockConnection,
  relayConnection,
  scopeRegion,
  useConnection,
  type Connection,
  type ConnectionState,
} from '@/config/connection'
import { isConnectAllowed } from '@/config/csp'
import { DEFAULT_DEMO_REGION, DEMO_REGIONS, findDemoRegion } from '@/config/demo-regions'
import {
  testConnection,
  testedUrl,
  withExpectedRegion,
  type ConnectionTestInput,
  type ConnectionTestOutcome,
} from '@/features/settings/connection-test'

export const CONNECTION_KINDS = ['mock', 'upstream', 'relay'] as const

/** What a field error says, as a code the form turns into a translated sentence. */
export type ConnectionFieldError =
  `baseUrl.${BaseUrlProblem}` | 'baseUrl.policy' | 'apiKey.required' | 'regionName.required'

const fieldError = (code: ConnectionFieldError) => code

const formSchema = z
  .object({
    kind: z.enum(CONNECTION_KINDS),
    mockRegion: z.string(),
    baseUrl: z.string(),
    apiKey: z.string(),
    regionName: z.string(),
    keyStorage: z.enum(KEY_STORAGES),
  })
  .check(
    z.superRefine((values, ctx) => {
      if (values.kind !== 'upstream') return
      const base = parseBaseUrl(values.baseUrl)
      if (!base.ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['baseUrl'],
          message: fieldError(`baseUrl.${base.problem}`),
        })
      } else if (
        !isConnectAllowed(base.baseUrl, buildEnv.cspConnectSources, window.location.origin)
      ) {
        ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: fieldError('baseUrl.policy') })
      }
      if (!values.apiKey.trim())
        ctx.addIssue({ code: 'custom', path: ['apiKey'], message: fieldError('apiKey.required') })
      if (!values.regionName.trim())
        ctx.addIssue({
          code: 'custom',
          path: ['regionName'],
          message: fieldError('regionName.required'),
        })
    }),
  )

export type ConnectionFormValues = z.infer<typeof formSchema>

export type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; outcome: ConnectionTestOutcome; url: string; environment: Environment }

function valuesFrom(state: ConnectionState): ConnectionFormValues {
  const { connection } = state
  const isUpstream = connection.kind === 'upstream'
  return {
    kind:
      connection.kind === 'relay'
        ? 'relay'
        : !state.isMockAvailable || isUpstream
          ? 'upstream'
          : 'mock',
    mockRegion: connection.kind === 'mock' ? connection.region : DEFAULT_DEMO_REGION.id,
    baseUrl: isUpstream ? connection.origin : buildEnv.apiOrigin,
    apiKey: isUpstream ? connection.apiKey : '',
    regionName: isUpstream && !state.needsSetup ? (connection.regionName ?? connection.region) : '',
    keyStorage: state.keyStorage,
  }
}

/** The parts of the form (and of the app) a test result is valid for. */
function testedFor(
  values: ConnectionFormValues,
  environment: Environment,
  sandboxMode: SandboxMode,
): string {
  const { kind, mockRegion, baseUrl, apiKey } = values
  return JSON.stringify(
    kind === 'mock'
      ? [kind, mockRegion, environment, sandboxMode]
      : [kind, baseUrl.trim(), apiKey.trim(), environment, sandboxMode],
  )
}

function testInput(
  values: ConnectionFormValues,
  environment: Environment,
  sandboxMode: SandboxMode,
): ConnectionTestInput {
  if (values.kind === 'mock') {
    const region = findDemoRegion(values.mockRegion) ?? DEFAULT_DEMO_REGION
    return { origin: '', apiKey: region.key, environment, sandboxMode, expectedRegion: region.id }
  }
  const base = parseBaseUrl(values.baseUrl)
  return {
    origin: base.ok ? base.baseUrl : values.baseUrl.trim(),
    apiKey: values.apiKey.trim(),
    environment,
    sandboxMode,
    expectedRegion: null, // compared live with the region field, see `visibleTest`
  }
}

/** A region name typed by a person, as a stable id for cache keys and journal namespaces. */
function regionId(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-')
}

/**
 * What this browser keeps per connection (journal, drafts, recent candidates, cached reads),
 * given by the app: leaving an upstream connection forgets it, after asking if changes are unsent.
 */
export type ConnectionDataPort = {
  /** Changes of that scope region (both environments) not yet known to be done. */
  pendingChangeCount: (region: string) => number
  forget: (region: string, queryClient: QueryClient) => void
}

/**
 * The connection settings: form state (react-hook-form + zod), "test connection" and "save".
 * The key stays in this form's memory until saved; saving hands it to the connection context,
 * which keeps it in sessionStorage or memory only (never localStorage, a URL or a log).
 */
export function useConnectionForm(loadConnectionData?: () => Promise<ConnectionDataPort>) {
  const state = useConnection()
  const { environment, sandboxMode, setConnection } = state
  const form = useForm<ConnectionFormValues>({
    defaultValues: valuesFrom(state),
    resolver: zodResolver(formSchema),
    mode: 'onTouched',
  })
  const [kind, mockRegion, baseUrl, apiKey, regionName, keyStorage] = useWatch({
    control: form.control,
    name: ['kind', 'mockRegion', 'baseUrl', 'apiKey', 'regionName', 'keyStorage'],
  })
  const values: ConnectionFormValues = { kind, mockRegion, baseUrl, apiKey, regionName, keyStorage }
  const current = testedFor(values, environment, sandboxMode)
  const [test, setTest] = useState<TestState & { for?: string }>({ status: 'idle' })
  const [saved, setSaved] = useState<{ connection: Connection; for: string } | null>(null)
  const running = useRef<AbortController | null>(null)
  const queryClient = useQueryClient()
  // A save that would drop unsent changes of the connection left, waiting for a yes.
  const [leaving, setLeaving] = useState<{
    submitted: ConnectionFormValues
    connection: Connection
    data: ConnectionDataPort
    pending: number
  } | null>(null)

  useEffect(
    () => () => {
      running.current?.abort()
    },
    [],
  )

  async function handleTest() {
    const fields = values.kind === 'upstream' ? (['baseUrl', 'apiKey'] as const) : []
    if (fields.length > 0 && !(await form.trigger([...fields]))) return
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    const snapshot = form.getValues()
    const input = testInput(snapshot, environment, sandboxMode)
    const forValues = testedFor(snapshot, environment, sandboxMode)
    setTest({ status: 'running', for: forValues })
    try {
      const outcome = await testConnection(input, {
        cspConnectSources: buildEnv.cspConnectSources,
        signal: controller.signal,
      })
      const url = testedUrl(input, window.location.origin)
      setTest({ status: 'done', outcome, url, environment, for: forValues })
      // The API said which region the key opens: fill the region field if it is still empty.
      if (outcome.kind === 'ok' && outcome.region && snapshot.kind === 'upstream') {
        if (!form.getValues('regionName').trim())
          form.setValue('regionName', outcome.region.name, { shouldValidate: true })
      }
    } catch (error) {
      // Aborted (the page closed or a newer test started): nothing to show. Anything else is a
      // bug, not an outcome: stop the spinner and let it surface.
      if (controller.signal.aborted) return
      setTest({ status: 'idle' })
      throw error
    }
  }

  function apply(
    submitted: ConnectionFormValues,
    connection: Connection,
    data: ConnectionDataPort | null,
  ) {
    const left = state.connection
    setConnection(connection, { keyStorage: submitted.keyStorage })
    // Leaving an upstream connection: its personal data does not stay behind in this browser.
    if (data && left.kind === 'upstream') data.forget(scopeRegion(left), queryClient)
    form.reset(submitted)
    setSaved({ connection, for: testedFor(submitted, environment, sandboxMode) })
  }

  const handleSave = form.handleSubmit(async (submitted) => {
    const connection =
      submitted.kind === 'relay' && state.relay
        ? relayConnection(
            state.relay,
            state.connection.kind === 'relay' ? state.connection.region : undefined,
          )
        : connectionFrom(submitted, reportedRegion())
    const left = state.connection
    // A connection without a key never read or wrote anything: nothing to forget.
    const isLeaving =
      left.kind === 'upstream' &&
      left.apiKey !== '' &&
      scopeRegion(left) !== scopeRegion(connection)
    const data = isLeaving && loadConnectionData ? await loadConnectionData() : null
    const pending = data ? data.pendingChangeCount(scopeRegion(left)) : 0
    if (data && pending > 0) setLeaving({ submitted, connection, data, pending })
    else apply(submitted, connection, data)
  })

  /** The counsellor confirmed: switch, and the unsent changes of the old connection are gone. */
  function confirmLeave() {
    if (leaving) apply(leaving.submitted, leaving.connection, leaving.data)
    setLeaving(null)
  }

  function reportedRegion() {
    if (test.status !== 'done' || test.for !== current) return null
    const { outcome } = test
    return outcome.kind === 'ok' || outcome.kind === 'wrong-region' ? outcome.region : null
  }

  const visibleTest: TestState =
    test.for !== undefined && test.for !== current
      ? { status: 'idle' }
      : test.status === 'done' && values.kind === 'upstream'
        ? { ...test, outcome: withExpectedRegion(test.outcome, values.regionName) }
        : test

  return {
    form,
    values,
    test: visibleTest,
    saved: saved && saved.for === current && !form.formState.isDirty ? saved.connection : null,
    demoRegions: DEMO_REGIONS,
    isMockAvailable: state.isMockAvailable,
    /** Served by our relay with someone signed in: "this relay" is offered. */
    relaySession: state.relay?.session ?? null,
    handleTest,
    handleSave,
    /** Unsent changes a save would drop (asks the counsellor first), or null. */
    pendingToDiscard: leaving?.pending ?? null,
    confirmLeave,
    cancelLeave: () => {
      setLeaving(null)
    },
  }
}

function connectionFrom(
  values: ConnectionFormValues,
  reported: { id: string; name: string } | null,
): Connection {
  if (values.kind === 'mock') return mockConnection(values.mockRegion)
  const base = parseBaseUrl(values.baseUrl)
  const typed = values.regionName.trim()
  return {
    kind: 'upstream',
    origin: base.ok ? base.baseUrl : values.baseUrl.trim(),
    apiKey: values.apiKey.trim(),
    // What the API says wins over what was typed: the key decides the region.
    region: reported?.id ?? regionId(typed),
    regionName: reported?.name ?? typed,
  }
}
