// Progressive enhancement only: every page works without this script.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initTimeoutWarning } from './timeout-warning.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

const timeoutDialog = document.querySelector('[data-module="portal-timeout-warning"]')
if (timeoutDialog) {
  initTimeoutWarning(timeoutDialog)
}
