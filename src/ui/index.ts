// Internal primitives for the components in src/components. Not part of the public API.
export {
  Announcer,
  AnnouncerProvider,
  useAnnounce,
  useAnnounceOnChange,
  type Announce,
  type Politeness,
} from './Announcer'
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button'
export { Card, Section, type CardProps, type SectionProps } from './Card'
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog'
export { composeEventHandlers, cx, dataFlag } from './cx'
export {
  DescriptionItem,
  DescriptionList,
  type DescriptionItemProps,
  type DescriptionListProps,
} from './DescriptionList'
export { Deferred, deferred, type DeferredComponent, type DeferredProps } from './Deferred'
export { Dialog, DialogClose, type DialogProps } from './Dialog'
export { DialogLoading, type DialogLoadingProps } from './DialogLoading'
export { EmptyState, type EmptyStateProps } from './EmptyState'
export { ErrorState, type ErrorStateProps } from './ErrorState'
export {
  DialogForm,
  FormDialog,
  type DialogFormProps,
  type FormDialogAction,
  type FormDialogProps,
} from './FormDialog'
export { Field, useFieldContext, useFieldControl, type FieldControlProps, type FieldProps } from './Field'
export {
  AlertIcon,
  CardIcon,
  CheckIcon,
  ChevronDownIcon,
  CloseIcon,
  DownloadIcon,
  ExternalIcon,
  InfoIcon,
  MoreIcon,
  PlusIcon,
  SpinnerIcon,
  TrashIcon,
  type IconProps,
} from './icons'
export { uiMessages, type UiMessages } from './messages'
export {
  checkMoneyText,
  MoneyField,
  MoneyInput,
  moneyErrorMessage,
  type MoneyCheckResult,
  type MoneyFieldProps,
  type MoneyInputError,
  type MoneyInputProps,
  type MoneyLimits,
} from './MoneyInput'
export { MoneyText, type MoneyTextProps } from './MoneyText'
export { Notice, type NoticeProps, type Tone } from './Notice'
export { PortalTheme, usePortalContainer } from './PortalTheme'
export { RadioCards, type RadioCardOption, type RadioCardsProps } from './RadioCards'
export { NativeSelect, type NativeSelectProps } from './Select'
export { LoadingState, LoadingStatus, Skeleton, type LoadingStateProps, type SkeletonProps } from './Skeleton'
export { StatusBadge, type StatusBadgeProps } from './StatusBadge'
export { Switch, type SwitchProps } from './Switch'
export { Tab, TabPanel, Tabs, TabsList, type TabPanelProps, type TabProps, type TabsProps } from './Tabs'
export { Textarea, TextInput, type TextareaProps, type TextInputProps } from './TextInput'
export { describeError, useErrorMessage } from './useErrorMessage'
export { useControllableState } from './useControllableState'
export { useDialogState, type DialogOpenProps } from './useDialogState'
export { useLatch } from './useLatch'
export { useReturnFocus, type FocusFallback } from './useReturnFocus'
export { VisuallyHidden } from './VisuallyHidden'
