import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { useState } from 'react'
import { BillingError } from '../../src/adapter/errors'
import { createMemoryAdapter } from '../../src/adapter/memory'
import { BillingProvider } from '../../src/provider'
import type { ThemeName } from '../../src/provider/appearance'
import {
  Button,
  Card,
  CardIcon,
  ConfirmDialog,
  DescriptionItem,
  DescriptionList,
  Dialog,
  DialogClose,
  EmptyState,
  ErrorState,
  Field,
  LoadingState,
  MoneyField,
  MoneyText,
  NativeSelect,
  Notice,
  PlusIcon,
  RadioCards,
  Section,
  StatusBadge,
  Switch,
  Tab,
  TabPanel,
  Tabs,
  TabsList,
  Textarea,
  TextInput,
} from '../../src/ui'
import { es } from '../../src/locales/es'

const COUNTRIES = ['AR', 'CO', 'ES', 'MX', 'PE', 'US'].map((code) => ({
  value: code,
  label: new Intl.DisplayNames(['es'], { type: 'region' }).of(code) ?? code,
}))

function Gallery() {
  const [amount, setAmount] = useState('12,345')
  const [preset, setPreset] = useState('2500')
  const [card, setCard] = useState('pm_1')
  const [receipts, setReceipts] = useState(true)
  const [recharge, setRecharge] = useState(false)
  const [country, setCountry] = useState('MX')
  return (
    <div className="bp-stack">
      <Section
        title="Cartera"
        description="Saldo disponible para SMS, correos y llamadas."
        actions={
          <Button variant="primary">
            <PlusIcon /> Agregar Fondos
          </Button>
        }
      >
        <DescriptionList>
          <DescriptionItem term="Saldo">
            <MoneyText money={{ amount: 123456, currency: 'USD' }} />
          </DescriptionItem>
          <DescriptionItem term="Créditos de Cortesía">
            <MoneyText money={{ amount: -500, currency: 'USD' }} signDisplay="always" />
          </DescriptionItem>
        </DescriptionList>
        <div className="bp-cluster">
          {(['success', 'warning', 'danger', 'info', 'neutral'] as const).map((tone) => (
            <StatusBadge key={tone} status={tone} tone={tone}>
              Estado {tone}
            </StatusBadge>
          ))}
        </div>
        {(['info', 'success', 'warning', 'danger'] as const).map((tone) => (
          <Notice key={tone} tone={tone} title={`Aviso ${tone}`} action={<Button size="sm">Ver</Button>}>
            Texto del aviso con detalle.
          </Notice>
        ))}
      </Section>

      <Card>
        <form className="bp-form" aria-label="Datos de facturación" noValidate>
          <div className="bp-form-grid">
            <Field label="Nombre" required description="Como aparece en la factura.">
              <TextInput autoComplete="name" />
            </Field>
            <Field label="Código postal" error="Ingresa un código postal válido.">
              <TextInput />
            </Field>
            <Field label="País">
              <NativeSelect options={COUNTRIES} value={country} onChange={(event) => setCountry(event.target.value)} />
            </Field>
            <Field label="Moneda">
              <NativeSelect
                defaultValue="USD"
                options={[
                  { value: 'USD', label: 'USD' },
                  { value: 'MXN', label: 'MXN' },
                ]}
              />
            </Field>
            <MoneyField label="Monto personalizado" currency="USD" value={amount} onValueChange={setAmount} showError />
            <Field label="Notas" className="bp-col-full">
              <Textarea />
            </Field>
            <Field label="Monto" className="bp-col-full">
              <RadioCards
                value={preset}
                onValueChange={setPreset}
                options={[
                  { value: '1000', label: '$10.00' },
                  { value: '2500', label: '$25.00' },
                  { value: '5000', label: '$50.00', disabled: true },
                ]}
              />
            </Field>
            <Field label="Tarjeta" className="bp-col-full">
              <RadioCards
                layout="list"
                value={card}
                onValueChange={setCard}
                options={[
                  { value: 'pm_1', label: 'Visa •••• 4242', description: 'Vence 04/28', icon: <CardIcon /> },
                  { value: 'pm_2', label: 'Mastercard •••• 4444', description: 'Vence 01/27', icon: <CardIcon /> },
                ]}
              />
            </Field>
          </div>
          <Switch
            label="Recibos por correo"
            description="Enviar un recibo por cada recarga."
            checked={receipts}
            onCheckedChange={setReceipts}
          />
          <Switch
            label="Recarga automática"
            description="Cuando el saldo baje de $10.00."
            checked={recharge}
            onCheckedChange={setRecharge}
          />
          <div className="bp-form-actions">
            <Button variant="ghost">Cancelar</Button>
            <Button variant="link">Ver detalles</Button>
            <Button variant="secondary" disabled>
              Deshabilitado
            </Button>
            <Button variant="danger">Eliminar</Button>
            <Button variant="primary" type="submit" pending>
              Guardar
            </Button>
          </div>
        </form>
      </Card>

      <Tabs defaultValue="payments">
        <TabsList aria-label="Facturación">
          <Tab value="payments">Pagos</Tab>
          <Tab value="wallet">Cartera</Tab>
        </TabsList>
        <TabPanel value="payments">
          <div className="bp-table-wrap">
            <table className="bp-table">
              <caption>Transacciones</caption>
              <thead>
                <tr>
                  <th scope="col">Fecha</th>
                  <th scope="col">Concepto</th>
                  <th scope="col" className="bp-num">
                    Monto
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>1 may 2025</td>
                  <td>Recarga de cartera</td>
                  <td className="bp-num">
                    <MoneyText money={{ amount: 2500, currency: 'USD' }} signDisplay="always" />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </TabPanel>
        <TabPanel value="wallet">Cartera</TabPanel>
      </Tabs>

      <Card>
        <EmptyState
          icon={<CardIcon />}
          title="Sin tarjetas"
          description="Agrega una tarjeta para pagar."
          action={<Button>Agregar Nueva Tarjeta</Button>}
        />
        <ErrorState error={new BillingError('network')} onRetry={() => {}} />
        <LoadingState rows={2} />
      </Card>

      <Dialog
        trigger={<Button>Abrir diálogo</Button>}
        title="Agregar Fondos"
        description="Elige un monto y una tarjeta."
        footer={
          <>
            <DialogClose asChild>
              <Button>Cancelar</Button>
            </DialogClose>
            <Button variant="primary">Pagar</Button>
          </>
        }
      >
        <Field label="Referencia">
          <TextInput />
        </Field>
      </Dialog>
      <ConfirmDialog
        trigger={<Button variant="danger">Eliminar tarjeta</Button>}
        title="¿Eliminar Visa •••• 4242?"
        description="Ya no podrás pagar con esta tarjeta."
        confirmLabel="Eliminar"
        destructive
        error={new BillingError('card_declined', { declineCode: 'expired_card' })}
        onConfirm={() => {}}
      />
    </div>
  )
}

function renderGallery(theme: ThemeName, width?: number) {
  return render(
    <BillingProvider adapter={createMemoryAdapter()} locale={es} appearance={{ theme }}>
      <main className="bp-root" data-theme={theme} style={width ? { width } : undefined} data-testid="root">
        <Gallery />
      </main>
    </BillingProvider>,
  )
}

/** Lets opening animations (fade, pop) finish; loops like the spinner never do. */
async function settle() {
  const opening = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
  await Promise.all(opening.map((animation) => animation.finished))
}

async function violations(context: axe.ElementContext) {
  // Contrast is measured on what is painted, so not halfway through a fade-in.
  await settle()
  const result = await axe.run(context, {
    resultTypes: ['violations'],
    // Page-level rules judge the test page, not the primitives (a host page has its own h1 and landmarks).
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } },
  })
  // Ids and targets make a failure readable without a screenshot.
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

describe.each(['light', 'dark'] as const)('UI primitives in %s theme', (theme) => {
  it('have no axe violations at rest', async () => {
    renderGallery(theme)
    expect(await violations(screen.getByTestId('root'))).toEqual([])
  })

  it('have no axe violations with a dialog open', async () => {
    const user = userEvent.setup()
    renderGallery(theme)
    await user.click(screen.getByRole('button', { name: 'Abrir diálogo' }))
    const dialog = screen.getByRole('dialog', { name: 'Agregar Fondos' })
    expect(dialog.closest('.bp-root')).toHaveAttribute('data-theme', theme)
    expect(await violations(document)).toEqual([])
  })

  it('have no axe violations with the confirmation and its error open', async () => {
    const user = userEvent.setup()
    renderGallery(theme)
    await user.click(screen.getByRole('button', { name: 'Eliminar tarjeta' }))
    const dialog = screen.getByRole('alertdialog')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('La tarjeta está vencida.')
    expect(await violations(document)).toEqual([])
  })
})

describe('UI primitives at 320 px', () => {
  it('fit without horizontal scrolling', () => {
    renderGallery('light', 320)
    const root = screen.getByTestId('root')
    expect(root.scrollWidth).toBeLessThanOrEqual(320)
  })

  it('draw tokens from .bp-root, not from the page', () => {
    renderGallery('dark')
    const root = screen.getByTestId('root')
    expect(getComputedStyle(root).getPropertyValue('--bp-color-bg').trim()).toBe('#161b26')
    expect(getComputedStyle(document.documentElement).getPropertyValue('--bp-color-bg')).toBe('')
    const primary = screen.getByRole('button', { name: 'Agregar Fondos' })
    expect(getComputedStyle(primary).backgroundColor).toBe('rgb(139, 147, 255)')
  })
})
