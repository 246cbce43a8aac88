import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import { Link as RouterLink } from 'wouter'
import {
  CandidateDialogHost,
  candidateResubmitRequest,
  type CandidateDialogRequest,
} from '@/features/candidate-forms/candidate-dialog-host'
import { useCandidateFormsTranslation } from '@/features/candidate-forms/messages'
import { createRows } from '@/mutations/entry-payload'
import type { JournalEntry, PayloadObject } from '@/mutations/journal-entry'
import { useJournal } from '@/mutations/use-journal'

type PendingCandidate = {
  id: string
  entry: JournalEntry
  name: string
  interactionCount: number
  /** Set once the server confirmed it: the new candidate's id. */
  recordId: string | null
}

function nameOf(payload: PayloadObject): string {
  return [payload.firstName, payload.lastName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
}

function pendingCandidates(entries: readonly JournalEntry[]): PendingCandidate[] {
  return entries
    .filter((entry) => entry.resource === 'candidate' && entry.operation === 'create')
    .flatMap((entry) =>
      createRows(entry).map((payload, index) => ({
        id: `${entry.key}:${index}`,
        entry,
        name: nameOf(payload),
        interactionCount: Array.isArray(payload.interactions) ? payload.interactions.length : 0,
        recordId: entry.phase === 'confirmed' ? (entry.recordIds[index] ?? null) : null,
      })),
    )
}

/**
 * New candidates the journal still holds, above the candidates list: pending until the server
 * confirms, then a link to the candidate; failed ones can be corrected and sent again.
 */
export function PendingCandidates() {
  const { t } = useCandidateFormsTranslation()
  const { entries, retry, discard } = useJournal()
  const [request, setRequest] = useState<CandidateDialogRequest | null>(null)
  const headingId = useId()
  const items = pendingCandidates(entries)
  if (items.length === 0 && request === null) return null
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <Typography id={headingId} variant="subtitle1" component="h2">
        {t('pending.heading')}
      </Typography>
      <List aria-labelledby={headingId}>
        {items.map((item) => {
          const { entry } = item
          const name = item.name || t('pending.unnamed')
          const resubmit = candidateResubmitRequest(entry)
          const needsAttention = entry.phase === 'failed' || entry.phase === 'unsent'
          return (
            <ListItem
              key={item.id}
              data-phase={entry.phase}
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, px: 0 }}
            >
              <Box sx={{ flex: '1 1 14rem', minWidth: 0 }}>
                {item.recordId ? (
                  <Link
                    component={RouterLink}
                    to={`/candidates/${encodeURIComponent(item.recordId)}`}
                    aria-label={t('pending.open', { name })}
                  >
                    {name}
                  </Link>
                ) : (
                  <Typography component="span">{name}</Typography>
                )}
                {item.interactionCount > 0 ? (
                  <Typography component="span" color="text.secondary">
                    {` ${t('pending.interactions', { count: item.interactionCount })}`}
                  </Typography>
                ) : null}
                <Typography
                  variant="body2"
                  color={needsAttention ? 'error' : 'text.secondary'}
                  sx={{ display: 'block' }}
                >
                  {t(`pending.status.${entry.phase}`)}
                </Typography>
              </Box>
              {needsAttention && resubmit ? (
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => {
                    setRequest(resubmit)
                  }}
                >
                  {t('pending.editAndResubmit')}
                </Button>
              ) : null}
              {entry.phase === 'unsent' || entry.phase === 'stale' ? (
                <Button
                  size="small"
                  onClick={() => {
                    retry(entry.key)
                  }}
                >
                  {t('pending.retry')}
                </Button>
              ) : null}
              {needsAttention || entry.phase === 'stale' ? (
                <Button
                  size="small"
                  color="inherit"
                  onClick={() => {
                    discard(entry.key)
                  }}
                >
                  {t('pending.discard')}
                </Button>
              ) : null}
            </ListItem>
          )
        })}
      </List>
      <CandidateDialogHost
        request={request}
        onClose={() => {
          setRequest(null)
        }}
      />
    </Box>
  )
}
