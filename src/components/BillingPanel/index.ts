export { BILLING_SECTIONS, BillingPanel, type BillingPanelProps, type BillingSection } from './BillingPanel'
