import { joinMessages } from '../../i18n/merge'
import type { SliceSource } from '../../i18n/slice'
import { billingProfileMessages } from './messages'

const en = {
  form: {
    requiredNote: 'Fields marked with * are required.',
    contact: 'Contact',
    address: 'Billing address',
    tax: 'Tax ID',
    taxDescription: 'Optional. Add it if it should appear on your invoices.',
    receipts: 'Receipts',
    name: 'Full name',
    company: 'Company',
    email: 'Email for invoices and receipts',
    emailDescription: 'Invoices and receipts are sent to this address.',
    country: 'Country',
    line1: 'Address line 1',
    line1Placeholder: 'Street and number',
    line2: 'Address line 2',
    line2Placeholder: 'Apartment, suite, floor…',
    city: 'City',
    region: {
      state: 'State',
      province: 'Province',
      county: 'County',
      region: 'Region',
      department: 'Department',
      prefecture: 'Prefecture',
      other: 'State / province / region',
    },
    postalCode: { postal: 'Postal code', zip: 'ZIP code', postcode: 'Postcode' },
    taxType: 'Type',
    taxValue: 'Number',
    walletReceipts: 'Email me receipts for wallet top-ups',
    walletReceiptsDescription:
      "Receipts for wallet top-ups aren't sent by default. Turn this on to get one at the email above each time funds are added.",
    save: 'Save',
    saving: 'Saving billing information…',
  },
  errors: {
    required: 'Fill in this field.',
    invalid: 'Check this field.',
    tooLong: 'Use at most {max} characters.',
    nameRequired: 'Enter the name that goes on your invoices.',
    nameInvalid: 'Use letters or numbers in the name.',
    emailRequired: 'Enter an email for invoices and receipts.',
    emailInvalid: 'Enter an email address like name@example.com.',
    countryRequired: 'Choose a country.',
    countryInvalid: 'Choose a country from the list.',
    line1Required: 'Enter the street and number.',
    line1Invalid: 'Use letters or numbers in the address.',
    cityRequired: 'Enter the city.',
    cityInvalid: 'Use letters or numbers in the city.',
    regionRequired: {
      state: 'Enter the state.',
      province: 'Enter the province.',
      county: 'Enter the county.',
      region: 'Enter the region.',
      department: 'Enter the department.',
      prefecture: 'Enter the prefecture.',
      other: 'Enter the state, province or region.',
    },
    postalRequired: { postal: 'Enter the postal code.', zip: 'Enter the ZIP code.', postcode: 'Enter the postcode.' },
    postalInvalid: {
      postal: 'Enter a valid postal code, like {example}.',
      zip: 'Enter a valid ZIP code, like {example}.',
      postcode: 'Enter a valid postcode, like {example}.',
    },
    postalInvalidNoExample: 'Use only letters, numbers, spaces and hyphens.',
    taxTypeInvalid: 'Choose the type of tax ID.',
    taxValueInvalid: 'Check the number. Example of {type}: {example}.',
    taxValueInvalidOther: 'Use letters or numbers in the tax ID.',
  },
  discard: {
    title: 'Discard changes?',
    description: "The changes you made to your billing information haven't been saved and will be lost.",
    confirm: 'Discard changes',
    keepEditing: 'Keep editing',
  },
}

/** Every `billingProfile` string: the card's (`messages.ts`) and its form's. Catalogs follow this shape. */
export type BillingProfileMessages = typeof billingProfileMessages & typeof en

/** The whole slice in English; travels with the form, so the card alone does not carry its text. */
export const billingProfileEnglish: BillingProfileMessages = joinMessages(billingProfileMessages, en)

/** The component's strings with its form's, in the provider's locale, with the host's overrides. */
export function billingProfileFormText(i18n: SliceSource): BillingProfileMessages {
  return i18n.slice('billingProfile', billingProfileEnglish)
}
