import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useId, type ReactNode } from 'react'

type SettingsSectionProps = {
  title: string
  intro?: string
  children: ReactNode
}

/** One titled block of the settings page (a region named by its h2). */
export function SettingsSection({ title, intro, children }: SettingsSectionProps) {
  const headingId = useId()
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 3, mb: 3 }}>
      <Typography id={headingId} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {intro && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          {intro}
        </Typography>
      )}
      {children}
    </Paper>
  )
}
