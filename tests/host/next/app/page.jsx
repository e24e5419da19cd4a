// A server component: it imports the Spanish catalog (plain data, no 'use client') and hands it
// to the client part, which owns the adapter (an object with methods cannot cross to the client).
import { es } from 'react-billing-panel/locales/es'
import { Billing } from './billing'

export default function Page() {
  return (
    <main>
      <Billing locale={es} />
    </main>
  )
}
