// `npm run lint:cycles`: fails when a module of the package imports itself back through any
// chain — static imports, `import type`, re-exports, `import()` and `import('…').Type` alike
// (a type-only circle still hides the layering, and a lazy one ties chunks together).
//
// Why not madge or dependency-cruiser: both read TypeScript through the compiler's JavaScript
// API (madge wants typescript ^5.4, dependency-cruiser <7, and its swc mode cannot parse .tsx),
// and this project is on TypeScript 7, which has none. swc parses .ts and .tsx as they are.
//
// Usage: node scripts/check-cycles.mjs [dir…]   (default: src)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseSync } from '@swc/core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SKIP = /\.(test|stories)\.tsx?$|\.d\.ts$/

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sources(full)
    return /\.tsx?$/.test(name) && !SKIP.test(name) ? [full] : []
  })
}

/** Every module specifier a file names, however it names it. */
function specifiers(file) {
  const ast = parseSync(readFileSync(file, 'utf8'), { syntax: 'typescript', tsx: file.endsWith('.tsx') })
  const found = []
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportAllDeclaration' ||
        node.type === 'ExportNamedDeclaration') &&
      node.source
    ) {
      found.push(node.source.value)
    } else if (node.type === 'CallExpression' && node.callee?.type === 'Import') {
      const argument = node.arguments[0]?.expression
      if (argument?.type === 'StringLiteral') found.push(argument.value)
    } else if (node.type === 'TsImportType') {
      found.push(node.argument.value)
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value)
  }
  visit(ast.body)
  return found
}

function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return null
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '')
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null
}

/** Strongly connected components (Tarjan); each one with more than a module, or a self-import, is a circle. */
function circles(graph) {
  let index = 0
  const order = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const found = []
  const connect = (node) => {
    order.set(node, index)
    low.set(node, index)
    index++
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        connect(next)
        low.set(node, Math.min(low.get(node), low.get(next)))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), order.get(next)))
      }
    }
    if (low.get(node) === order.get(node)) {
      const component = []
      let member
      do {
        member = stack.pop()
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component)
    }
  }
  for (const node of graph.keys()) if (!order.has(node)) connect(node)
  return found
}

/** One concrete path round a component, to print: a → b → … → a. */
function pathRound(graph, component) {
  const members = new Set(component)
  const start = component.toSorted()[0]
  const seen = new Set()
  const walk = (node, trail) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) return [...trail, start]
      if (members.has(next) && !seen.has(next)) {
        seen.add(next)
        const done = walk(next, [...trail, next])
        if (done) return done
      }
    }
    return null
  }
  return walk(start, [start]) ?? component
}

const dirs = (process.argv.length > 2 ? process.argv.slice(2) : ['src']).map((dir) => path.resolve(root, dir))
const graph = new Map()
for (const file of dirs.flatMap(sources)) {
  const targets = new Set()
  for (const specifier of specifiers(file)) {
    const target = resolve(file, specifier)
    if (target && !SKIP.test(target)) targets.add(target)
  }
  graph.set(file, targets)
}

const found = circles(graph)
if (found.length > 0) {
  const show = (file) => path.relative(root, file)
  console.error(`check-cycles: ${found.length} import circle(s). Move what both sides share into a module of its own:`)
  for (const component of found) console.error(`  - ${pathRound(graph, component).map(show).join(' → ')}`)
  process.exit(1)
}
console.log(
  `check-cycles: no import circles in ${graph.size} modules (${dirs.map((d) => path.relative(root, d)).join(', ')}).`,
)
