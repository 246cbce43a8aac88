import { resolve } from 'node:path'

/** What rolldown's chunking context tells about a module (the part this uses). */
type ModuleGraph = {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null
}

/**
 * Chunk groups for the first load (docs/decisions/0025). Left alone, the bundler cuts a module
 * shared by a page and a lazy form into its own chunk, so a cold deep link fetched ~30 files of
 * which many are under 1 KB; each pays its own gzip dictionary and import glue (~10 KB in all).
 *
 * - `shell`: everything the entry and the app statically need, plus what both pages need.
 * - `page-<name>`: what one page needs beyond the shell, including modules it shares with the
 *   forms it opens (a form then imports the page's chunk, which is already there).
 *
 * Everything else (forms, panels, the mock, the other language) keeps automatic chunking.
 * Each set is closed under static imports, so capturing dependencies never pulls a lazy module
 * into the first load.
 */
export function firstLoadChunkGroups(root: string) {
  const shellRoots = ['src/main.tsx', 'src/app/app.tsx'].map((path) => resolve(root, path))
  const pages = {
    candidates: resolve(root, 'src/app/routes/candidates-page.tsx'),
    candidate: resolve(root, 'src/app/routes/candidate-page.tsx'),
  }
  let names: Map<string, string> | null = null

  // Modules the first load reaches only through a package index that re-exports them, and never
  // uses: MUI's `styles` index (which Box and Skeleton import) re-exports `enhanceHighContrast`,
  // which imports the class names of Autocomplete, Slider, Select, Radio…; `@mui/system`'s and
  // `@mui/material/utils`' indexes re-export Stack, useMediaQuery, useControlled… The closure
  // below would put them in the shell, and a lazy chunk that uses them (the forms) would then
  // take them from there: ~2.1 KB gzip in the first load for nothing (decision 0029). Found by
  // building with a closure that stops at package indexes: these were the shell's modules that
  // no first-load chunk then had. Left out, they follow automatic chunking with the code that
  // uses them. Should the first load ever use one, it arrives as its own small chunk: the
  // bench's file list shows it.
  const unusedThroughIndex = [
    /[\\/]@mui[\\/]material[\\/]styles[\\/]enhanceHighContrast\.m?js$/,
    /[\\/]@mui[\\/]system[\\/]Stack[\\/]/,
    /[\\/]@mui[\\/]system[\\/](useMediaQuery|useThemeProps)[\\/]/,
    /[\\/]@mui[\\/]material[\\/]styles[\\/]useThemeProps\.m?js$/,
    /[\\/]@mui[\\/]material[\\/]utils[\\/](mergeSlotProps|useControlled|createChainedFunction|debounce|ownerWindow)\.m?js$/,
    /[\\/]@mui[\\/]utils[\\/](useControlled|createChainedFunction|setRef)[\\/]/,
  ]

  const closure = (graph: ModuleGraph, roots: readonly string[]) => {
    const seen = new Set<string>()
    const stack = [...roots]
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id) || unusedThroughIndex.some((pattern) => pattern.test(id))) continue
      seen.add(id)
      stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []))
    }
    return seen
  }

  const assign = (graph: ModuleGraph) => {
    const result = new Map<string, string>()
    const shell = closure(graph, shellRoots)
    const perPage = Object.entries(pages).map(([name, id]) => [name, closure(graph, [id])] as const)
    for (const [, ids] of perPage)
      for (const id of ids) {
        const users = perPage.filter(([, other]) => other.has(id)).length
        if (users > 1) shell.add(id)
      }
    for (const id of shell) result.set(id, 'shell')
    for (const [name, ids] of perPage)
      for (const id of ids) if (!result.has(id)) result.set(id, `page-${name}`)
    return result
  }

  // A group captures its modules' dependencies too (unless an earlier group has them), so the
  // shell goes first: otherwise a page's group would take React with it.
  const group = (name: string, priority: number) => ({
    debugName: name,
    name: (id: string, graph: ModuleGraph) => {
      names ??= assign(graph)
      return names.get(id) === name ? name : null
    },
    priority,
  })
  return [group('shell', 3), ...Object.keys(pages).map((name, i) => group(`page-${name}`, 2 - i))]
}
