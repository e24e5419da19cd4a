export {
  createFailingStripeLoader,
  createFakeStripe,
  FAKE_STRIPE_METHODS,
  type FakeStripe,
  type FakeStripeControls,
  type FakeStripeMethod,
  type FakeStripeOptions,
} from './fake-stripe'
