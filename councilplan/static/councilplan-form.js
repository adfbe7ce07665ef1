/*
 * The return form: show the issue questions only while a "not on track" delivery status is chosen.
 *
 * GOV.UK Frontend's conditional reveal ties one panel to one radio, and here two statuses (remedial action,
 * unlikely) reveal the same questions, so this does the same job with the same classes and ARIA attributes.
 * Without JavaScript the questions simply stay visible, and the server ignores them unless the status is
 * not on track (rules.applicable_answers).
 *
 * Unlike GOV.UK Frontend it does not set aria-expanded on the radios: ARIA does not allow that attribute on
 * role radio (axe-core's aria-allowed-attr fails it). The revealed questions come straight after the option
 * in reading order, and aria-controls (allowed on any element) links the options to them.
 */
(function () {
  'use strict'
  var groups = document.querySelectorAll('[data-app-reveal]')
  if (!document.body.classList.contains('govuk-frontend-supported')) return

  Array.prototype.forEach.call(groups, function (group) {
    var panel = document.getElementById(group.getAttribute('data-app-reveal'))
    if (!panel) return
    var radios = group.querySelectorAll('input[type="radio"]')

    function sync () {
      var open = false
      Array.prototype.forEach.call(radios, function (radio) {
        if (radio.hasAttribute('data-app-reveals') && radio.checked) open = true
      })
      panel.classList.toggle('govuk-radios__conditional--hidden', !open)
    }

    Array.prototype.forEach.call(radios, function (radio) {
      if (radio.hasAttribute('data-app-reveals')) radio.setAttribute('aria-controls', panel.id)
      radio.addEventListener('change', sync)
    })
    sync()
  })
})()
