// Makes the .d.ts files tsc emits resolvable under every host setup.
//
// - tsc keeps our extensionless relative imports ("./adapter", "..") in the declarations. Hosts
//   on `moduleResolution: "node16"/"nodenext"` cannot follow those in an ESM package, and every
//   type turns into `any` for them. Each relative specifier is rewritten to the file it names
//   ("./adapter/index.js"), the way the emitted JavaScript already spells it.
// - Inferred react-query types are printed as `import("@tanstack/query-core")`, a package hosts
//   never install directly (pnpm does not hoist it). @tanstack/react-query re-exports all of it,
//   so the declarations name the peer dependency instead.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const typesDir = path.resolve(root, process.argv[2] ?? 'dist/types')

// `from './x'`, `import('./x')`, `import './x'` and `declare module './x'`.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bdeclare\s+module\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g
const TRANSITIVE = /(['"])@tanstack\/query-core\1/g

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) yield* declarationFiles(full)
    else if (name.endsWith('.d.ts')) yield full
  }
}

function resolveSpecifier(file, specifier) {
  if (/\.(?:js|mjs|cjs|json|css)$/.test(specifier)) return specifier
  const base = path.resolve(path.dirname(file), specifier)
  if (!/\/?\.{1,2}\/?$/.test(specifier) && existsSync(`${base}.d.ts`)) return `${specifier}.js`
  if (existsSync(path.join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`
  return null
}

if (!existsSync(typesDir)) {
  console.error(
    `dts-extensions: ${path.relative(root, typesDir)} does not exist; run tsc -p tsconfig.build.json first.`,
  )
  process.exit(1)
}

let rewritten = 0
const unresolved = []
for (const file of declarationFiles(typesDir)) {
  const text = readFileSync(file, 'utf8')
  const next = text
    .replace(SPECIFIER, (match, lead, quote, specifier) => {
      const resolved = resolveSpecifier(file, specifier)
      if (resolved === null) {
        unresolved.push(`${path.relative(root, file)}: ${specifier}`)
        return match
      }
      if (resolved !== specifier) rewritten += 1
      return `${lead}${quote}${resolved}${quote}`
    })
    .replace(TRANSITIVE, (_match, quote) => {
      rewritten += 1
      return `${quote}@tanstack/react-query${quote}`
    })
  if (next !== text) writeFileSync(file, next)
}

if (unresolved.length > 0) {
  console.error(`dts-extensions: these imports name no emitted declaration file:\n  ${unresolved.join('\n  ')}`)
  process.exit(1)
}
console.log(`dts-extensions: ${rewritten} imports rewritten.`)
