import GlobalStyles from '@mui/material/GlobalStyles'

/**
 * The print view: the page's own content only (no app bar, filters, buttons or skip link), black
 * on white whatever the theme, and whatever is marked `data-print="only"` shown.
 */
export function TimelinePrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '[data-print="only"]': { display: 'none' },
        '@media print': {
          'header, [data-print="hide"], a[href^="#"]': { display: 'none !important' },
          '[data-print="only"]': { display: 'block' },
          'html, body': { background: '#fff !important' },
          'body, body *': { color: '#000 !important', boxShadow: 'none !important' },
          main: { padding: '0 !important', maxWidth: 'none !important' },
        },
      }}
    />
  )
}
