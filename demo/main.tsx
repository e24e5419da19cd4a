import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '../src/styles/styles.css'
import './host.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('The demo page needs a #root element.')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
