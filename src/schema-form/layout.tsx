import { styled } from '@mui/material/styles'

/**
 * The few layout boxes every row repeats, as styled elements with fixed styles rather than
 * `sx` props: `sx` is parsed again on every render of every row, these are not.
 */

/** Fields one under another, 16px apart. */
export const FieldStack = styled('div')(({ theme }) => ({ display: 'grid', gap: theme.spacing(2) }))

/** A row or a nested object: a thin rounded frame with its legend. */
export const FieldFrame = styled('fieldset')(({ theme }) => ({
  border: '1px solid',
  borderColor: (theme.vars ?? theme).palette.divider,
  borderRadius: (theme.vars ?? theme).shape.borderRadius,
  padding: theme.spacing(2),
  margin: 0,
}))

export const FrameLegend = styled('legend')(({ theme }) => ({
  paddingLeft: theme.spacing(0.5),
  paddingRight: theme.spacing(0.5),
}))

// As Stack spaces its children: their own margins give way to the spacing.
const CHILDREN = '& > :not(style):not(style)'

/** A row's own buttons, at its end. */
export const RowActions = styled('div')(({ theme }) => ({
  display: 'flex',
  justifyContent: 'flex-end',
  gap: theme.spacing(1),
  marginTop: theme.spacing(1),
  [CHILDREN]: { margin: 0 },
}))

/** Side by side from `sm` up, one under another on a phone. */
export const SideBySide = styled('div')(({ theme }) => ({
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'flex-start',
  gap: theme.spacing(2),
  [CHILDREN]: { margin: 0 },
  [theme.breakpoints.up('sm')]: { flexDirection: 'row' },
}))
