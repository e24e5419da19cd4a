import '@testing-library/jest-dom/vitest'
import '../../src/styles/styles.css'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// findBy/waitFor give up after 5 s instead of 1 s: CI machines run both projects on two cores.
configure({ asyncUtilTimeout: 5000 })

// Dialogs fade in; axe measures contrast mid-fade on a loaded machine. Tests look at the end state.
const still = document.createElement('style')
still.textContent =
  '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; }'
document.head.append(still)
