export { SubscriptionsPanel, type SubscriptionsPanelProps } from './SubscriptionsPanel'
export {
  SubscriptionCard,
  SubscriptionRow,
  type SubscriptionCardProps,
  type SubscriptionRowProps,
} from './SubscriptionCard'
export { CancelSubscriptionDialog, type CancelSubscriptionDialogProps } from './CancelSubscriptionDialog'
export { ChangePlanDialog, type ChangePlanDialogProps } from './ChangePlanDialog'
export { PastDueBanner, type PastDueBannerProps } from './PastDueBanner'
export { SubscriptionStatusBadge } from './SubscriptionStatusBadge'
export { subscriptionStatusTone } from './status'
