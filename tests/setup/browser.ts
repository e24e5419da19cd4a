import '@testing-library/jest-dom/vitest'
import '../../src/styles/styles.css'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// Dialogs fade in; axe measures contrast mid-fade on a loaded machine. Tests look at the end state.
const still = document.createElement('style')
still.textContent =
  '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; }'
document.head.append(still)
