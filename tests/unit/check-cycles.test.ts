// The import-circle check `npm test` runs (scripts/check-cycles.mjs), tried on small trees.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const script = path.resolve(__dirname, '../../scripts/check-cycles.mjs')

function check(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cycles-'))
  try {
    for (const [name, code] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), code)
    }
    try {
      return { ok: true, output: execFileSync('node', [script, dir], { encoding: 'utf8', stdio: 'pipe' }) }
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr) }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the import-circle check', () => {
  it('passes a tree whose shared type lives in a module of its own', () => {
    const result = check({
      'sections.ts': "export type Section = 'a' | 'b'",
      'Panel.tsx':
        "import type { Section } from './sections'\nimport { Skeleton } from './Skeleton'\nexport const P = (s: Section) => <Skeleton s={s} />",
      'Skeleton.tsx':
        "import type { Section } from './sections'\nexport const Skeleton = (p: { s: Section }) => <div>{p.s}</div>",
    })
    expect(result).toEqual({ ok: true, output: expect.stringContaining('no import circles in 3 modules') })
  })

  it('fails on a type-only circle between a .tsx and a .ts file, and names the path', () => {
    const result = check({
      'Panel.tsx':
        "import { Skeleton } from './Skeleton'\nexport type Section = 'a'\nexport const P = () => <Skeleton />",
      'Skeleton.ts': "import type { Section } from './Panel'\nexport const Skeleton = (s?: Section) => null",
    })
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/Panel\.tsx → .*Skeleton\.ts → .*Panel\.tsx/)
  })

  it('fails on a circle closed by a lazy import() or a re-export through an index', () => {
    expect(
      check({
        'loader.ts': "export const load = () => import('./form')",
        'form.ts': "import { load } from './loader'\nexport const f = load",
      }).ok,
    ).toBe(false)
    expect(
      check({
        'a/index.ts': "export * from './a'",
        'a/a.ts': "import '../b'\nexport const a = 1",
        'b.ts': "import { a } from './a'\nexport const b = a",
      }).ok,
    ).toBe(false)
  })
})
