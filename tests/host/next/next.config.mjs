// A Next.js App Router host as a customer would write it: nothing configured for the panel.
export default {}
