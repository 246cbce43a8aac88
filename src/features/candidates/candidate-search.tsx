import SearchOutlined from '@mui/icons-material/SearchOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import List from '@mui/material/List'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type SubmitEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/api/errors'
import { apiQueries } from '@/api/query-options'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { OutlinedField } from '@/components/outlined-field'
import { useApi } from '@/config/connection'
import { CandidateListItem } from '@/features/candidates/candidate-list-item'
import { parseFindInput, type FindBy } from '@/features/candidates/find-input'
import { useSearchParams } from '@/lib/location'

/** `?find=…` keeps the search in the URL, so Back and a shared link show the same result. */
export const FIND_PARAM = 'find'

/**
 * Finds one candidate by e-mail address or phone number with the API's find endpoint (exact
 * match: e-mail case-insensitive, phone by its digits). The region is paged, not searchable by
 * name, so this is the fast way to a known person.
 */
export function CandidateSearch() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const submitted = params.get(FIND_PARAM) ?? ''
  const [draft, setDraft] = useState(submitted)
  const [isInvalid, setIsInvalid] = useState(false)
  const helperId = useId()
  const by = parseFindInput(submitted)

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = draft.trim()
    if (parseFindInput(value) === null) {
      setIsInvalid(true)
      return
    }
    setIsInvalid(false)
    setParams((current) => {
      const next = new URLSearchParams(current)
      next.set(FIND_PARAM, value)
      return next
    })
  }

  function handleClear() {
    setDraft('')
    setIsInvalid(false)
    setParams((current) => {
      const next = new URLSearchParams(current)
      next.delete(FIND_PARAM)
      return next
    })
  }

  return (
    <Box component="section" aria-labelledby={`${helperId}-heading`} sx={{ mb: 3 }}>
      <Typography id={`${helperId}-heading`} variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('candidates.search.heading')}
      </Typography>
      <Box
        component="form"
        role="search"
        aria-labelledby={`${helperId}-heading`}
        onSubmit={handleSubmit}
        noValidate
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
      >
        <OutlinedField
          type="search"
          size="small"
          label={t('candidates.search.label')}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value)
          }}
          error={isInvalid}
          helperText={isInvalid ? t('candidates.search.invalid') : t('candidates.search.hint')}
          autoComplete="off"
          sx={{ flex: '1 1 260px', minWidth: 0 }}
        />
        <Button
          type="submit"
          variant="contained"
          startIcon={<SearchOutlined />}
          sx={{ height: 40 }} // level with the small text field
        >
          {t('candidates.search.submit')}
        </Button>
        {submitted !== '' && (
          <Button type="button" onClick={handleClear} sx={{ height: 40 }}>
            {t('candidates.search.clear')}
          </Button>
        )}
      </Box>
      {by && <FindResult by={by} />}
    </Box>
  )
}

type FindResultProps = {
  by: FindBy
}

function FindResult({ by }: FindResultProps) {
  const { t } = useTranslation()
  const api = useApi()
  const query = useQuery(apiQueries.candidateFind(api, by))
  const isEmail = 'email' in by
  const value = isEmail ? by.email : by.phone
  const isNotFound = isApiError(query.error) && query.error.kind === 'not-found'

  let message = ''
  if (query.isPending) message = t('candidates.search.searching')
  else if (query.data) message = t('candidates.search.found', { value })
  else if (isNotFound) {
    message = isEmail
      ? t('candidates.search.notFoundEmail', { value })
      : t('candidates.search.notFoundPhone', { value })
  }

  return (
    <Box sx={{ mt: 1 }}>
      <Typography role="status" variant="body2" sx={{ minHeight: '1.5em' }}>
        {message}
      </Typography>
      {query.data && (
        <List aria-label={t('candidates.search.resultLabel')} sx={{ py: 0 }}>
          <CandidateListItem candidate={query.data} />
        </List>
      )}
      {query.isError && !isNotFound && (
        <ApiErrorAlert
          error={query.error}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      )}
    </Box>
  )
}
