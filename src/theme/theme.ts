import { createTheme } from '@mui/material/styles'

/**
 * Light and dark schemes as CSS variables, switched by a `data-mui-color-scheme` attribute on
 * <html> so the toggle works without re-rendering every styled component. The palette tweaks
 * exist for contrast (WCAG AA, checked by axe in e2e):
 * - light primary is a shade darker than MUI's default, so links and text buttons on the grey
 *   app bar and on tinted alerts stay above 4.5:1;
 * - dark primary is MUI's light blue, which reads on the dark background (the light-mode blue
 *   does not).
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'data-mui-color-scheme' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1565c0' },
        text: { secondary: 'rgba(0, 0, 0, 0.66)' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#90caf9' },
        text: { secondary: 'rgba(255, 255, 255, 0.74)' },
      },
    },
  },
  typography: {
    fontFamily: 'Roboto, system-ui, -apple-system, "Segoe UI", Arial, sans-serif',
  },
  components: {
    MuiLink: {
      // Underlined links are recognisable without relying on colour alone.
      defaultProps: { underline: 'always' },
    },
    MuiButtonBase: {
      // A clear focus ring for keyboard users, in both schemes.
      styleOverrides: {
        root: ({ theme }) => ({
          '&.Mui-focusVisible': {
            outline: `2px solid ${theme.vars.palette.primary.main}`,
            outlineOffset: 2,
          },
        }),
      },
    },
  },
})
