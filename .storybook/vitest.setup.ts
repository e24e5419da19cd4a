import * as a11yAnnotations from '@storybook/addon-a11y/preview'
import { setProjectAnnotations } from '@storybook/react-vite'
import * as projectAnnotations from './preview'

setProjectAnnotations([a11yAnnotations, projectAnnotations])

// Dialogs fade in; under load a play function can look mid-fade (opacity near 0) and axe can
// measure contrast mid-fade. Story tests look at the end state, as in the browser project.
const still = document.createElement('style')
still.textContent =
  '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; }'
document.head.append(still)
