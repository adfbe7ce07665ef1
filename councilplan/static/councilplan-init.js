// Before anything is drawn: tell GOV.UK Frontend's styles that JavaScript runs (and whether the browser
// supports its modules). A file rather than the usual inline snippet: the Content Security Policy allows
// scripts from the site's own files only (docs/security.md).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
