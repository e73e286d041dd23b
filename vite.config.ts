/// <reference types="vitest/config" />
// Vitest's types only: `wp8-emulator serve` loads this file where Vitest is not installed.
import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

import { imageProxyPlugin } from './server/image-proxy-plugin.ts'
import { mpnsEndpointPlugin } from './server/mpns-endpoint-plugin.ts'
import { serviceWorkerPlugin } from './server/service-worker-plugin.ts'

const SOURCE_ROOT = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin(), imageProxyPlugin(), mpnsEndpointPlugin()],
  resolve: {
    alias: { '@': SOURCE_ROOT },
  },
  server: {
    host: '127.0.0.1',
    // Test reports written during `npm test` must not reload an open emulator page.
    watch: { ignored: ['**/playwright-report/**', '**/test-results/**'] },
  },
  preview: {
    host: '127.0.0.1',
  },
  build: {
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        sw: fileURLToPath(new URL('./src/sw/sw.ts', import.meta.url)),
      },
      output: {
        // The worker must sit at the site root so that its scope covers the channel URIs.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'kit/**/*.test.ts',
    ],
    environment: 'node',
  },
})
