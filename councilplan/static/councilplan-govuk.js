// Starts GOV.UK Frontend's components (header menu, error summary, notification banners, ...).
import { initAll } from './govuk/govuk-frontend.min.js'

initAll()
