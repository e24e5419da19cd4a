// Dialogs fade in; under load a test can look mid-fade (opacity near 0) and axe can measure
// contrast mid-fade. Tests and story play functions look at the end state.
const still = document.createElement('style')
still.textContent =
  '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; }'
document.head.append(still)
