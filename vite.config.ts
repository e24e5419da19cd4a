/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const pkg = JSON.parse(readFileSync(path.join(dirname, 'package.json'), 'utf8'))
const external = [...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.dependencies ?? {})]

const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/
const STYLES_ENTRY = 'styles'

/**
 * The library build's finishing touches.
 *
 * - `'use client'` stays at the top of every emitted module whose source starts with it. React
 *   Server Components hosts (Next.js) need it on the entry files; a bundler that drops module
 *   directives would otherwise turn the whole package into a server module that crashes on hooks.
 * - `src/styles/styles.css` is built as its own entry (its `@import`s inlined) into
 *   `dist/styles.css`; the empty JS chunk Vite makes for a CSS entry is not shipped.
 */
function libraryBuild(): Plugin {
  const clientModules = new Set<string>()
  return {
    name: 'react-billing-panel:library',
    apply: (config, env) => env.command === 'build' && Boolean(config.build?.lib),
    transform: {
      order: 'pre',
      handler(code, id) {
        if (USE_CLIENT.test(code)) clientModules.add(id.split('?')[0])
      },
    },
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue
        if (output.isEntry && output.name === STYLES_ENTRY) {
          delete bundle[fileName]
          continue
        }
        const source = output.facadeModuleId ?? (output.moduleIds.length === 1 ? output.moduleIds[0] : null)
        if (source && clientModules.has(source) && !USE_CLIENT.test(output.code)) {
          output.code = `'use client';\n${output.code}`
        }
      }
    },
  }
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

/** Each browser project gets its own config object. */
function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    }),
    instances: [{ browser: 'chromium' as const }],
  }
}

const OPTIMIZE = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  '@tanstack/react-query',
  'radix-ui',
  '@stripe/react-stripe-js',
  '@stripe/stripe-js/pure',
  '@testing-library/react',
  '@testing-library/dom',
  '@testing-library/user-event',
  'axe-core',
  'fast-check',
]

export default defineConfig({
  plugins: [react(), libraryBuild()],
  optimizeDeps: { include: OPTIMIZE },
  // The library: ESM only, one file per source module (hosts tree-shake what they do not
  // import), readable (no minification: hosts minify), every dependency left to the host.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    // One stylesheet, built from its own entry below.
    cssCodeSplit: true,
    copyPublicDir: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        memory: 'src/memory.ts',
        testing: 'src/testing.ts',
        http: 'src/http.ts',
        server: 'src/server.ts',
        'server/sqlite': 'src/server/sqlite.ts',
        'server/postgres': 'src/server/postgres.ts',
        'server/stripe': 'src/server/stripe.ts',
        'server/email': 'src/server/email.ts',
        // Each language is its own entry: a host downloads only the ones it imports.
        'locales/es': 'src/locales/es.ts',
        'locales/pt-BR': 'src/locales/pt-BR.ts',
        'locales/fr': 'src/locales/fr.ts',
        'locales/de': 'src/locales/de.ts',
        'locales/it': 'src/locales/it.ts',
        styles: 'src/styles/styles.css',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)) || id.startsWith('node:'),
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        assetFileNames: (asset) => (asset.names?.[0]?.endsWith('.css') ? 'styles.css' : 'assets/[name][extname]'),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/unit.ts'],
          globalSetup: ['tests/setup/postgres.ts'],
          // The whole suite shares 2 cores; user-event flows need headroom under load.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          globals: true,
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/browser.ts'],
          testTimeout: 30_000,
          browser: chromium(),
        },
      },
      {
        // The demo host page served by Vite and driven by Playwright in Chromium: whole journeys.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/serve-demo.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          browser: chromium(),
          setupFiles: ['.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
})
