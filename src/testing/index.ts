export {
  CONFORMANCE_SEED_REQUIREMENTS,
  ConformanceError,
  conformanceChecks,
  describeBillingAdapter,
  type ConformanceCheck,
  type ConformanceContext,
  type ConformanceTestApi,
  type DescribeBillingAdapterOptions,
} from './conformance'
export {
  createFailingStripeLoader,
  createFakeStripe,
  FAKE_STRIPE_METHODS,
  type FakeStripe,
  type FakeStripeControls,
  type FakeStripeMethod,
  type FakeStripeOptions,
} from './fake-stripe'
