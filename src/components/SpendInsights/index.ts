export { SpendInsights, type SpendInsightsProps } from './SpendInsights'
export { forecastRunway, type Forecast, type RechargeForecast } from './forecast'
