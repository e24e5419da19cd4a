export { TransactionHistory, type TransactionHistoryProps } from './TransactionHistory'
export { LedgerFilters, type LedgerFiltersProps } from './LedgerFilters'
export {
  csvField,
  csvFileName,
  csvLabels,
  downloadCsv,
  exportLedgerCsv,
  toCsv,
  type CsvLabels,
  type ExportLedgerCsvOptions,
  type ExportProgress,
  type ToCsvOptions,
} from './csv'
export {
  ALL_TRANSACTIONS,
  FILTERABLE_TYPES,
  isFilterActive,
  RANGE_PRESETS,
  toLedgerFilter,
  type DateRangeFilter,
  type RangePreset,
  type ResolveOptions,
  type TransactionFilter,
} from './filter'
