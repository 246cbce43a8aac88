// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

/**
 * The repository must stand alone: every relative Markdown link, every `docs/…` path and every
 * decision number mentioned in the docs or the code must point at something that exists here.
 * And every decision record carries its header (docs/decisions/README.md says why).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  'dist',
  'public',
  'coverage',
  'test-results',
  'playwright-report',
  'blob-report',
  '.reports',
  '.vite',
  '.tmp',
])
const SCANNED = /\.(md|ts|tsx|js|mjs|cjs|css|html)$/
const THIS_FILE = 'src/docs-links.test.ts'

type Problem = { file: string; reference: string; why: string }

/** Repository-relative posix paths of the files to scan. */
function scannedFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name)
    if (item.isDirectory()) {
      return SKIPPED_DIRS.has(item.name) || item.name.startsWith('dist-') ? [] : scannedFiles(path)
    }
    const file = relative(ROOT, path).split('\\').join('/')
    return SCANNED.test(item.name) || file === '.ci/run' ? [file] : []
  })
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(markdown: string): Set<string> {
  const headings = [...withoutCodeBlocks(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)]
  return new Set(headings.map((match) => slug((match[1] ?? '').replace(/`/g, ''))))
}

function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '')
}

type RepoView = {
  exists: (path: string) => boolean
  read: (path: string) => string
  decisionNumbers: ReadonlySet<string>
}

/** What is wrong with the references in one file (`file` is repository-relative). */
function brokenReferences(file: string, text: string, repo: RepoView): Problem[] {
  const problems: Problem[] = []
  const report = (reference: string, why: string) => problems.push({ file, reference, why })

  if (file.endsWith('.md')) {
    const links = withoutCodeBlocks(text).matchAll(/\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)
    for (const [, target = ''] of links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue // https:, mailto:, …
      const [pathPart = '', anchor] = target.split('#')
      const path =
        pathPart === '' ? file : posix.normalize(posix.join(posix.dirname(file), pathPart))
      if (path.startsWith('..')) report(target, 'points outside the repository')
      else if (!repo.exists(path)) report(target, 'no such file')
      else if (anchor && path.endsWith('.md') && !anchorsOf(repo.read(path)).has(anchor))
        report(target, `no heading #${anchor} in ${path}`)
    }
  }

  for (const match of text.matchAll(/(?<![\w./-])docs\/[\w./-]*[\w/]/g)) {
    const reference = match[0]
    const decision = /^docs\/decisions\/(\d{4})(?:$|-)/.exec(reference)
    if (repo.exists(reference.replace(/\/$/, ''))) continue
    if (decision && repo.decisionNumbers.has(decision[1] ?? '') && !reference.endsWith('.md'))
      continue
    report(reference, 'no such file')
  }

  // A document named by a relative path in prose or a comment (`../shared/design.md`).
  for (const [reference] of text.matchAll(/(?<![\w./(-])(?:\.\.?\/)+[\w./-]*\.(?:md|txt)\b/g)) {
    const path = posix.normalize(posix.join(posix.dirname(file), reference))
    if (path.startsWith('..')) report(reference, 'points outside the repository')
    else if (!repo.exists(path)) report(reference, 'no such file')
  }

  const decisionMentions = text.matchAll(/(?<![\w/])decisions?[ /](\d{4})\b/gi)
  for (const [reference, number = ''] of decisionMentions) {
    if (!repo.decisionNumbers.has(number)) report(reference, `there is no decision ${number}`)
  }
  return problems
}

const HEADER =
  /^# \d+\. .+\n\n- Date: (\d{4}-\d{2}-\d{2})\n- Status: (proposed|accepted|superseded by (\d{4}))\n- Supersedes: (none|(\d{4})(, \d{4})*)(\s.*)?\n/

/** What is wrong with a decision record's header. */
function headerProblems(text: string, decisionNumbers: ReadonlySet<string>): string[] {
  const match = HEADER.exec(text)
  if (!match) return ['missing or malformed header (title, Date, Status, Supersedes)']
  const [, date = '', , supersededBy, supersedes = ''] = match
  const problems: string[] = []
  if (Number.isNaN(Date.parse(date))) problems.push(`not a date: ${date}`)
  if (supersededBy && !decisionNumbers.has(supersededBy))
    problems.push(`superseded by a decision that does not exist: ${supersededBy}`)
  for (const number of supersedes.match(/\d{4}/g) ?? []) {
    if (!decisionNumbers.has(number)) problems.push(`supersedes a missing decision: ${number}`)
  }
  return problems
}

function realRepo(): RepoView {
  const records = readdirSync(join(ROOT, 'docs/decisions')).filter((name) => /^\d{4}-/.test(name))
  return {
    exists: (path) => existsSync(join(ROOT, path)),
    read: (path) =>
      statSync(join(ROOT, path)).isFile() ? readFileSync(join(ROOT, path), 'utf8') : '',
    decisionNumbers: new Set(records.map((name) => name.slice(0, 4))),
  }
}

describe('the checker', () => {
  const repo: RepoView = {
    exists: (path) => ['README.md', 'docs/a.md', 'docs/decisions/0001-x.md'].includes(path),
    read: (path) => (path === 'docs/a.md' ? '# A title\n\n## Second part\n' : ''),
    decisionNumbers: new Set(['0001']),
  }

  test('accepts links and references that resolve', () => {
    const text = [
      '[a](a.md) [part](a.md#second-part) [up](../README.md) [web](https://example.org/x.md)',
      'see docs/a.md and docs/decisions/0001, decision 0001',
      '```md\n[inside a code block](nowhere.md)\n```',
    ].join('\n')
    expect(brokenReferences('docs/b.md', text, repo)).toEqual([])
  })

  test('reports a missing file, a missing heading, a missing decision and a path outside', () => {
    const text = '[gone](gone.md) [part](a.md#third-part) [out](../../x.md)'
    const markdown = brokenReferences('docs/b.md', text, repo).map((p) => p.reference)
    expect(markdown).toEqual(['gone.md', 'a.md#third-part', '../../x.md'])
    const code = '// see docs/design.md, docs/decisions/0006 (decision 0007), ../shared/api.md'
    expect(brokenReferences('src/x.ts', code, repo).map((p) => p.reference)).toEqual([
      'docs/design.md',
      'docs/decisions/0006',
      '../shared/api.md',
      'decision 0007',
    ])
  })

  test('reads a decision header and what it supersedes', () => {
    const numbers = new Set(['0001', '0002'])
    const good = '# 2. Two\n\n- Date: 2026-12-01\n- Status: accepted\n- Supersedes: 0001\n\nText'
    expect(headerProblems(good, numbers)).toEqual([])
    expect(headerProblems('# 2. Two\n\nText', numbers)).toHaveLength(1)
    const dangling = good.replace('Supersedes: 0001', 'Supersedes: 0009')
    expect(headerProblems(dangling, numbers)).toEqual(['supersedes a missing decision: 0009'])
  })
})

describe('this repository', () => {
  const repo = realRepo()

  test('every link, docs path and decision number in the docs and the code exists', () => {
    const problems = scannedFiles()
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) => brokenReferences(file, readFileSync(join(ROOT, file), 'utf8'), repo))
    expect(problems).toEqual([])
  })

  test('every decision record has a header and is listed in the decisions README', () => {
    const index = repo.read('docs/decisions/README.md')
    const problems = [...repo.decisionNumbers].flatMap((number) => {
      const [name = ''] = readdirSync(join(ROOT, 'docs/decisions')).filter((n) =>
        n.startsWith(`${number}-`),
      )
      const text = repo.read(`docs/decisions/${name}`)
      const listed = index.includes(`](${name})`) ? [] : ['not listed in README.md']
      return [...headerProblems(text, repo.decisionNumbers), ...listed].map((why) => ({
        record: name,
        why,
      }))
    })
    expect(problems).toEqual([])
  })

  test('decision numbers are not reused', () => {
    const records = readdirSync(join(ROOT, 'docs/decisions')).filter((n) => /^\d{4}-/.test(n))
    expect(records.length).toBe(repo.decisionNumbers.size)
  })
})
