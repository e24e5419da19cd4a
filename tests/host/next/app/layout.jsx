// The root layout, a server component: the package's stylesheet is imported like any other.
import 'react-billing-panel/styles.css'

export const metadata = { title: 'Facturación' }

export default function RootLayout({ children }) {
  return (
    <html lang="es">
      <body>{children}</body>
    </html>
  )
}
