import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'wouter'
import type { Candidate } from '@/api/contract'
import { candidateName } from '@/features/candidates/candidate-name'

type CandidateListItemProps = {
  candidate: Candidate
  /** Lets the list move focus to the first row of a newly loaded page. */
  linkRef?: Ref<HTMLAnchorElement>
}

export function CandidateListItem({ candidate, linkRef }: CandidateListItemProps) {
  const { t } = useTranslation()
  const phone = candidate.phone?.trim() ? candidate.phone : t('candidates.noPhone')
  return (
    <ListItem disablePadding divider>
      <ListItemButton
        component={RouterLink}
        to={`/candidates/${encodeURIComponent(candidate.id)}`}
        ref={linkRef}
      >
        <ListItemText
          primary={candidateName(candidate)}
          secondary={`${candidate.email} · ${phone}`}
          slotProps={{ secondary: { sx: { wordBreak: 'break-word' } } }}
        />
      </ListItemButton>
    </ListItem>
  )
}
