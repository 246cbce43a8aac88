import Link from '@mui/material/Link'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'

type SkipLinkProps = {
  targetId: string
}

/** Hidden until focused (first Tab on the page); jumps past the app bar to the page content. */
export function SkipLink({ targetId }: SkipLinkProps) {
  const { t } = useTranslation()

  // Focus the target ourselves: a bare `#id` change would also go through the router's history.
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId)
    if (!target) return
    event.preventDefault()
    target.focus()
  }

  return (
    <Link
      href={`#${targetId}`}
      onClick={handleClick}
      sx={{
        position: 'absolute',
        left: 8,
        top: -100,
        zIndex: (theme) => theme.zIndex.tooltip + 1,
        px: 2,
        py: 1,
        bgcolor: 'background.paper',
        color: 'primary.main',
        borderRadius: 1,
        boxShadow: 3,
        '&:focus': { top: 8 },
      }}
    >
      {t('app.skipToContent')}
    </Link>
  )
}
