import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// findBy/waitFor give up after 5 s instead of 1 s: CI machines run both projects on two cores.
configure({ asyncUtilTimeout: 5000 })
