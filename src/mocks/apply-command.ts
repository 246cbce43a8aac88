import { isRecord } from '@/lib/json'
import { jsonObjectSchema, type JsonObject } from '@/mocks/json'
import {
  storedCandidateSchema,
  storedInteractionSchema,
  type Command,
  type Dataset,
  type StoredInteraction,
} from '@/mocks/state'

/** The outcome of executing one queued command against the data. */
export type ExecutionResult = {
  candidateId: string | null
  recordIds: string[]
  error?: { code: ExecutionErrorCode; message: string }
}

/**
 * Codes of a failed outcome: the target is missing, belongs to another candidate, or the engine
 * gave up after its retries.
 */
export type ExecutionErrorCode = 'not_found' | 'ownership' | 'internal_error'

type Context = { nowIso: string; newId: () => string }

/**
 * Executes a command. Existence and ownership are checked HERE, at execution ([DOC] "ownership
 * is enforced during mutation execution"), never when the request is accepted. Every command is
 * all-or-nothing: a candidate and its inline interactions are created together or not at all.
 */
export function applyCommand(dataset: Dataset, command: Command, ctx: Context): ExecutionResult {
  switch (command.kind) {
    case 'create-candidates': {
      const candidates = []
      const interactions: StoredInteraction[] = []
      for (const payload of command.payloads) {
        const { interactions: inline, ...fields } = payload
        const id = ctx.newId()
        candidates.push(
          storedCandidateSchema.parse({
            id,
            ...fields,
            createdAt: ctx.nowIso,
            updatedAt: ctx.nowIso,
          }),
        )
        const items = Array.isArray(inline) ? inline.filter(isRecord) : []
        interactions.push(
          ...items.map((item) => newInteraction(jsonObjectSchema.parse(item), id, ctx)),
        )
      }
      dataset.candidates.push(...candidates)
      dataset.interactions.push(...interactions)
      const ids = candidates.map((candidate) => candidate.id)
      return { candidateId: ids.length === 1 ? (ids[0] ?? null) : null, recordIds: ids }
    }
    case 'update-candidate': {
      const index = dataset.candidates.findIndex(
        (candidate) => candidate.id === command.candidateId,
      )
      const current = dataset.candidates[index]
      if (!current) return missingCandidate(command.candidateId, [command.candidateId])
      dataset.candidates[index] = storedCandidateSchema.parse(patched(current, command.patch, ctx))
      return { candidateId: current.id, recordIds: [current.id] }
    }
    case 'create-interactions': {
      if (!hasCandidate(dataset, command.candidateId))
        return missingCandidate(command.candidateId, [])
      const created = command.payloads.map((payload) =>
        newInteraction(payload, command.candidateId, ctx),
      )
      dataset.interactions.push(...created)
      return { candidateId: command.candidateId, recordIds: created.map((record) => record.id) }
    }
    case 'update-interaction':
    case 'delete-interaction': {
      const target = [command.interactionId]
      if (!hasCandidate(dataset, command.candidateId))
        return missingCandidate(command.candidateId, target)
      const index = dataset.interactions.findIndex((record) => record.id === command.interactionId)
      const current = dataset.interactions[index]
      if (!current) {
        return failure(
          command.candidateId,
          target,
          'not_found',
          `Interaction ${command.interactionId} does not exist.`,
        )
      }
      if (current.candidateId !== command.candidateId) {
        return failure(
          command.candidateId,
          target,
          'ownership',
          `Interaction ${command.interactionId} does not belong to candidate ${command.candidateId}.`,
        )
      }
      if (command.kind === 'delete-interaction') dataset.interactions.splice(index, 1)
      else
        dataset.interactions[index] = storedInteractionSchema.parse(
          patched(current, command.patch, ctx),
        )
      return { candidateId: command.candidateId, recordIds: target }
    }
  }
}

function newInteraction(payload: JsonObject, candidateId: string, ctx: Context): StoredInteraction {
  return storedInteractionSchema.parse({
    id: ctx.newId(),
    candidateId,
    ...payload,
    createdAt: ctx.nowIso,
    updatedAt: ctx.nowIso,
  })
}

/** [DOC] PATCH: only included fields change, `null` clears (stored as null), arrays replaced. */
function patched(current: JsonObject, patch: JsonObject, ctx: Context): JsonObject {
  // Spreading keeps each existing key in its place, so a patched record reads like the original.
  return { ...current, ...patch, updatedAt: ctx.nowIso }
}

function hasCandidate(dataset: Dataset, candidateId: string): boolean {
  return dataset.candidates.some((candidate) => candidate.id === candidateId)
}

function missingCandidate(candidateId: string, recordIds: string[]): ExecutionResult {
  return failure(
    candidateId,
    recordIds,
    'not_found',
    `Candidate ${candidateId} does not exist in this region.`,
  )
}

function failure(
  candidateId: string,
  recordIds: string[],
  code: 'not_found' | 'ownership',
  message: string,
): ExecutionResult {
  return { candidateId, recordIds, error: { code, message } }
}
