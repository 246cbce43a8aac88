import { signCallback, type MutationOutcome, type Operation, type Resource } from '@/api/contract'
import { applyCommand, type ExecutionResult } from '@/mocks/apply-command'
import { hex, recordId, type Random } from '@/mocks/prng'
import { regionById } from '@/mocks/regions'
import type { Command, Dataset, QueuedMutation, Scope } from '@/mocks/state'

/** From an executed (or abandoned) mutation to its outcome and its signed callback. */

export type CallbackDelivery = {
  url: string
  headers: Record<string, string>
  body: string
  scope: Scope
}

/** Runs the command; a bug or corrupt record becomes a failed outcome, never a stuck queue. */
export function execute(
  dataset: Dataset,
  command: Command,
  ctx: { nowMs: number; random: Random },
): ExecutionResult {
  try {
    return applyCommand(dataset, command, {
      nowIso: new Date(ctx.nowMs).toISOString(),
      newId: () => recordId(ctx.random),
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return internalError(command, `The mutation could not be executed: ${message}`)
  }
}

export function internalError(command: Command, message: string): ExecutionResult {
  return {
    candidateId: command.kind === 'create-candidates' ? null : command.candidateId,
    recordIds: [],
    error: { code: 'internal_error', message },
  }
}

export function toOutcome(
  mutation: QueuedMutation,
  result: ExecutionResult,
  completedMs: number,
): MutationOutcome {
  return {
    idempotencyKey: mutation.idempotencyKey,
    status: result.error ? 'failed' : 'succeeded',
    ...describeCommand(mutation.command),
    candidateId: result.candidateId,
    recordIds: result.recordIds,
    ...(result.error ? { error: result.error } : {}),
    completedAt: new Date(completedMs).toISOString(),
  }
}

/** The callback the upstream would POST to `callbackUrl`, signed with the region's secret. */
export async function signedDelivery(input: {
  callbackUrl: string
  outcome: MutationOutcome
  scope: Scope
  nowMs: number
  random: Random
}): Promise<CallbackDelivery> {
  const region = regionById(input.scope.region)
  if (!region) throw new Error(`Unknown region ${input.scope.region}`)
  const signed = await signCallback({
    secret: region.signingSecret,
    callbackUrl: input.callbackUrl,
    body: input.outcome,
    timestamp: Math.floor(input.nowMs / 1000),
    nonce: hex(input.random, 32),
  })
  return { ...signed, scope: input.scope }
}

function describeCommand(command: Command): { operation: Operation; resource: Resource } {
  switch (command.kind) {
    case 'create-candidates':
      return { operation: 'create', resource: 'candidate' }
    case 'update-candidate':
      return { operation: 'update', resource: 'candidate' }
    case 'create-interactions':
      return { operation: 'create', resource: 'interaction' }
    case 'update-interaction':
      return { operation: 'update', resource: 'interaction' }
    case 'delete-interaction':
      return { operation: 'delete', resource: 'interaction' }
  }
}
