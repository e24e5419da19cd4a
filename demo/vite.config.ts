import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// The demo host page: a CRM settings page with the billing panel on the memory adapter.
export default defineConfig({
  root: dirname,
  plugins: [react()],
  envDir: path.join(dirname, '..'),
  server: { port: 5173, open: !process.env.CI, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: path.join(dirname, '..', 'demo-dist'), emptyOutDir: true },
})
