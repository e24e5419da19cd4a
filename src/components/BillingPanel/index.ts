export { BillingPanel, type BillingPanelProps } from './BillingPanel'
export { BILLING_SECTIONS, type BillingSection } from './sections'
