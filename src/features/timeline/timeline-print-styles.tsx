import GlobalStyles from '@mui/material/GlobalStyles'
import { memo } from 'react'

const PRINT_STYLES = {
  '[data-print="only"]': { display: 'none' },
  '@media print': {
    'header, [data-print="hide"], a[href^="#"]': { display: 'none !important' },
    '[data-print="only"]': { display: 'block' },
    'html, body': { background: '#fff !important' },
    'body, body *': { color: '#000 !important', boxShadow: 'none !important' },
    main: { padding: '0 !important', maxWidth: 'none !important' },
  },
}

/**
 * The print view: the page's own content only (no app bar, filters, buttons or skip link), black
 * on white whatever the theme, and whatever is marked `data-print="only"` shown.
 */
export const TimelinePrintStyles = memo(function TimelinePrintStyles() {
  return <GlobalStyles styles={PRINT_STYLES} />
})
