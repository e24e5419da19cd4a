/**
 * `react-billing-panel/server/stripe`: real money through Stripe, on the official `stripe`
 * package (an optional peer dependency: install it only if you use this entry).
 */
export {}
