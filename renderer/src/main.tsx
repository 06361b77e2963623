import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { offlineShellRegister } from './offline-shell'
import './styles.css'

offlineShellRegister()

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
