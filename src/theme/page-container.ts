/**
 * What MUI's `<Container maxWidth="md">` does (centred, 900 px wide at most, 16/24 px gutters),
 * for a `Box`: the pages' `<main>` needs nothing else of Container's module, which every first
 * load would otherwise carry.
 */
export const pageContainerSx = {
  width: '100%',
  maxWidth: 'md',
  mx: 'auto',
  px: { xs: 2, sm: 3 },
} as const
