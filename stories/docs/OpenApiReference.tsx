/// <reference types="vite/client" />
import spec from '../../openapi.yaml?raw'

export interface OpenApiOperation {
  method: string
  path: string
  operationId: string
  tag: string
  summary: string
  description: string
  statuses: string[]
}

/**
 * Reads the operations out of openapi.yaml. The document is written in a fixed layout (paths at
 * two spaces, methods at four, fields at six), which is all this reference page relies on.
 */
export function readOperations(source: string = spec): OpenApiOperation[] {
  const lines = source.split('\n')
  const start = lines.indexOf('paths:')
  const operations: OpenApiOperation[] = []
  let path = ''
  let current: OpenApiOperation | undefined
  let inDescription = false
  let inResponses = false
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    const pathMatch = /^ {2}(\/\S+):\s*$/.exec(line)
    if (pathMatch) {
      path = pathMatch[1] ?? ''
      continue
    }
    const methodMatch = /^ {4}(get|post|put|delete|patch):\s*$/.exec(line)
    if (methodMatch) {
      current = {
        method: (methodMatch[1] ?? '').toUpperCase(),
        path,
        operationId: '',
        tag: '',
        summary: '',
        description: '',
        statuses: [],
      }
      operations.push(current)
      inDescription = false
      inResponses = false
      continue
    }
    if (!current) continue
    const field = /^ {6}(\w+):\s*(.*)$/.exec(line)
    if (field) {
      const [, key, value = ''] = field
      inDescription = key === 'description' && value.trim() === '|'
      inResponses = key === 'responses'
      if (key === 'operationId') current.operationId = value.trim()
      else if (key === 'summary') current.summary = value.trim()
      else if (key === 'tags') current.tag = value.replace(/[[\]]/g, '').split(',')[0]?.trim() ?? ''
      else if (key === 'description' && !inDescription) current.description = value.trim()
      continue
    }
    if (inDescription && /^ {8}/.test(line)) {
      current.description += `${current.description ? ' ' : ''}${line.trim()}`
      continue
    }
    const status = /^ {8}'(\d{3})':/.exec(line)
    if (inResponses && status?.[1]) current.statuses.push(status[1])
  }
  return operations
}

const METHOD_COLOURS: Record<string, string> = {
  GET: '#0f766e',
  POST: '#1d4ed8',
  PUT: '#a16207',
  DELETE: '#b91c1c',
}

/** One row per operation: method, path, the adapter method it serves, and its status codes. */
export function OpenApiOperations() {
  const operations = readOperations()
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>Route</th>
          <th style={{ textAlign: 'left' }}>Adapter method</th>
          <th style={{ textAlign: 'left' }}>What it does</th>
          <th style={{ textAlign: 'left' }}>Responses</th>
        </tr>
      </thead>
      <tbody>
        {operations.map((op) => (
          <tr key={`${op.method} ${op.path}`} style={{ borderTop: '1px solid #e5e7eb', verticalAlign: 'top' }}>
            <td style={{ padding: '8px 8px 8px 0', whiteSpace: 'nowrap' }}>
              <strong style={{ color: METHOD_COLOURS[op.method] ?? 'inherit' }}>{op.method}</strong>{' '}
              <code>{op.path}</code>
            </td>
            <td style={{ padding: 8 }}>
              <code>{op.operationId}</code>
              {op.tag && <div style={{ color: '#6b7280', fontSize: 12 }}>{op.tag}</div>}
            </td>
            <td style={{ padding: 8 }}>
              <strong>{op.summary}</strong>
              {op.description && <p style={{ margin: '4px 0 0' }}>{op.description}</p>}
            </td>
            <td style={{ padding: 8 }}>{op.statuses.join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The whole document, as shipped in the package (`react-billing-panel/openapi.yaml`). */
export function OpenApiSource() {
  return (
    <pre style={{ maxHeight: 480, overflow: 'auto', fontSize: 12, lineHeight: 1.5 }}>
      <code>{spec}</code>
    </pre>
  )
}
