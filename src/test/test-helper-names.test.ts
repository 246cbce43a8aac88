// @vitest-environment node
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

/**
 * One naming for test helpers (docs/development.md, "Test helpers"): a module that only tests
 * import is named `<what it provides>.test-helpers.ts(x)`, or lives in `src/test/` (the harness
 * every test shares). A helper under any other name — a `-kit`, a `testing/` folder — fails here.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** Where helpers are judged. The relay's tests (server/) are read for their imports only. */
const JUDGED_DIRS = ['src', 'e2e', 'bench', 'scripts']
const CODE = /\.(ts|tsx|mjs)$/
const IS_TEST = /\.(test|spec)\.(ts|tsx)$/
const IS_HELPER = (file: string) =>
  /\.test-helpers\.(ts|tsx)$/.test(file) || file.startsWith('src/test/')
const IMPORT = /(?:from|import)\s*\(?\s*'([^']+)'/g

function codeFiles(dir: string): string[] {
  const full = join(ROOT, dir)
  if (!existsSync(full)) return []
  return readdirSync(full, { withFileTypes: true }).flatMap((item) => {
    const path = `${dir}/${item.name}`
    if (item.isDirectory()) return item.name === 'node_modules' ? [] : codeFiles(path)
    return CODE.test(item.name) ? [path] : []
  })
}

/** The repository path an import specifier names, when it is one of our files. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join('src', specifier.slice(2))
    : specifier.startsWith('.')
      ? join(dirname(from), specifier)
      : null
  if (base === null) return null
  for (const ending of ['', '.ts', '.tsx', '.mjs']) {
    const candidate = relative(ROOT, join(ROOT, base + ending))
      .split('\\')
      .join('/')
    if (CODE.test(candidate) && existsSync(join(ROOT, candidate))) return candidate
  }
  return null
}

test('every module that only tests import is named *.test-helpers.ts(x) or lives in src/test/', () => {
  const files = [...JUDGED_DIRS, 'server'].flatMap((dir) => codeFiles(dir))
  const importers = new Map<string, string[]>()
  for (const file of files) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
      const target = match[1] === undefined ? null : resolveImport(file, match[1])
      if (target !== null) importers.set(target, [...(importers.get(target) ?? []), file])
    }
  }
  const misnamed = [...importers]
    .filter(([file, by]) => {
      if (!JUDGED_DIRS.some((dir) => file.startsWith(`${dir}/`))) return false
      if (IS_TEST.test(file) || IS_HELPER(file)) return false
      return by.every((importer) => IS_TEST.test(importer) || IS_HELPER(importer))
    })
    .map(([file]) => file)
    .sort()
  expect(misnamed).toEqual([])
})
