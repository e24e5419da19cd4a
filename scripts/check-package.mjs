// What publint and attw do not look at, checked on the built package (run after `npm run build`):
// - the client entries start with 'use client' (React Server Components hosts need it) and the
//   server entry does not; every module whose source starts with it keeps it;
// - dist/styles.css is one stylesheet with every component's CSS inlined;
// - the JavaScript imports only react-billing-panel's own files, its dependencies and its peers;
// - the tarball holds every exported file and no tests, stories or demo.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const problems = []
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/

function walk(dir, keep) {
  const out = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...walk(full, keep))
    else if (keep(name)) out.push(full)
  }
  return out
}

if (!existsSync(path.join(dist, 'index.js'))) {
  console.error('check-package: dist/index.js is missing. Run `npm run build` first.')
  process.exit(1)
}

// ----- 'use client' -----------------------------------------------------------------------
const CLIENT_ENTRIES = ['index.js', 'memory.js', 'testing.js']
const SERVER_ENTRIES = ['server.js', 'server/sqlite.js', 'server/postgres.js', 'server/stripe.js', 'server/email.js']
for (const entry of CLIENT_ENTRIES) {
  if (!USE_CLIENT.test(readFileSync(path.join(dist, entry), 'utf8'))) {
    problems.push(`dist/${entry} does not start with 'use client'.`)
  }
}
for (const entry of SERVER_ENTRIES) {
  if (USE_CLIENT.test(readFileSync(path.join(dist, entry), 'utf8'))) {
    problems.push(`dist/${entry} starts with 'use client', but it is the server-only entry.`)
  }
}
const jsFiles = walk(dist, (name) => name.endsWith('.js'))
for (const file of jsFiles) {
  const relative = path.relative(dist, file).replace(/\.js$/, '')
  const source = ['.ts', '.tsx'].map((ext) => path.join(root, 'src', relative + ext)).find((f) => existsSync(f))
  if (source && USE_CLIENT.test(readFileSync(source, 'utf8')) && !USE_CLIENT.test(readFileSync(file, 'utf8'))) {
    problems.push(`dist/${relative}.js lost the 'use client' its source starts with.`)
  }
}

// ----- styles.css -------------------------------------------------------------------------
const cssPath = path.join(dist, 'styles.css')
if (!existsSync(cssPath)) {
  problems.push('dist/styles.css is missing.')
} else {
  const css = readFileSync(cssPath, 'utf8')
  if (/@import\b/.test(css))
    problems.push('dist/styles.css still has an @import: hosts would fetch files the package does not ship.')
  const sourceCss = walk(path.join(root, 'src'), (name) => name.endsWith('.css')).filter(
    (f) => path.basename(f) !== 'styles.css',
  )
  for (const file of sourceCss) {
    const classes = new Set(readFileSync(file, 'utf8').match(/\.bp-[\w-]+/g) ?? [])
    const missing = [...classes].filter((name) => !css.includes(name))
    if (missing.length > 0) {
      problems.push(
        `dist/styles.css lacks ${path.relative(root, file)} (${missing.slice(0, 3).join(', ')}…): add an @import of it to src/styles/styles.css.`,
      )
    }
  }
}

// ----- imports ----------------------------------------------------------------------------
const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})])
// Static imports and re-exports are whole lines in the emitted code; dynamic imports anywhere.
const IMPORTS = [
  /^(?:import|export)\b[^\n]*?\bfrom\s*["']([^"']+)["'];?$/gm,
  /^import\s*["']([^"']+)["'];?$/gm,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
]
for (const file of jsFiles) {
  const code = readFileSync(file, 'utf8')
  // Only the Node request listener of the server entry may use Node built-ins.
  const nodeAllowed = path.relative(dist, file).startsWith(`server${path.sep}`)
  for (const [, specifier] of IMPORTS.flatMap((re) => [...code.matchAll(re)])) {
    if (specifier.startsWith('node:') && nodeAllowed) continue
    if (specifier.startsWith('.')) {
      if (!existsSync(path.resolve(path.dirname(file), specifier))) {
        problems.push(`${path.relative(root, file)} imports ${specifier}, which was not emitted.`)
      }
      continue
    }
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
    if (!allowed.has(name)) {
      problems.push(`${path.relative(root, file)} imports "${specifier}", which is neither a dependency nor a peer.`)
    }
  }
}

// ----- locales ----------------------------------------------------------------------------
// Each language is its own entry, reached only by importing it: the main entry's graph holds no
// catalog, and a catalog's graph holds only its own strings (no component code, no other language).
const LOCALE_TAGS = ['es', 'pt-BR', 'fr', 'de', 'it']
function staticGraph(entry) {
  const seen = new Set()
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const [, specifier] of IMPORTS.flatMap((re) => [...code.matchAll(re)])) {
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier))
    }
  }
  visit(path.join(dist, entry))
  return [...seen].map((file) => path.relative(dist, file))
}
for (const file of staticGraph('index.js').filter((f) => f.startsWith(`locales${path.sep}`))) {
  problems.push(`dist/index.js reaches dist/${file}: a host would download a language it did not import.`)
}
for (const tag of LOCALE_TAGS) {
  const entry = `locales/${tag}.js`
  if (!existsSync(path.join(dist, entry))) {
    problems.push(`dist/${entry} is missing: add it to the lib entries in vite.config.ts.`)
    continue
  }
  const own = (file) =>
    file === path.join('locales', `${tag}.js`) || file.startsWith(path.join('locales', tag) + path.sep)
  for (const file of staticGraph(entry).filter((f) => !own(f))) {
    problems.push(`dist/${entry} imports dist/${file}: a language entry must hold only its own strings.`)
  }
  if (!pkg.exports[`./locales/${tag}`]) problems.push(`package.json exports lacks "./locales/${tag}".`)
}

// ----- tarball ----------------------------------------------------------------------------
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
)
const shipped = new Set(packed.files.map((f) => f.path))
const FORBIDDEN = [
  /^tests?\//,
  /^stories\//,
  /^demo\//,
  /^bench\//,
  /^examples\//,
  /^scripts\//,
  /\.test\./,
  /\.stories\./,
  /^src\//,
]
for (const file of shipped) {
  if (FORBIDDEN.some((re) => re.test(file))) problems.push(`the tarball ships ${file}.`)
}
function targets(value) {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets)
  return []
}
for (const [subpath, value] of Object.entries(pkg.exports)) {
  for (const target of targets(value)) {
    if (target.includes('*')) continue
    if (!shipped.has(target.replace(/^\.\//, '')))
      problems.push(`exports["${subpath}"] points to ${target}, which is not in the tarball.`)
  }
}

if (problems.length > 0) {
  console.error(`check-package: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`)
  process.exit(1)
}
console.log(
  `check-package: ok (${shipped.size} files, ${(packed.size / 1024).toFixed(1)} KB packed, 'use client' on ${CLIENT_ENTRIES.join(', ')}).`,
)
