/*
 * A document being made (documents/progress.html): fetch a fresh copy of the page every two seconds and put its
 * progress panel in place of this one, until the document is ready or could not be made. Without JavaScript
 * the page's refresh link does the same.
 */
(function () {
  'use strict'
  var panel = document.querySelector('[data-app-document-progress]')
  if (!panel || !window.fetch || !window.DOMParser) return
  var url = panel.getAttribute('data-progress-url')
  var finished = function (state) { return state === 'ready' || state === 'failed' }

  function poll () {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status) })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html')
        var fresh = page.querySelector('[data-app-document-progress]')
        if (!fresh) return
        var state = fresh.getAttribute('data-state')
        panel.replaceWith(fresh)
        panel = fresh
        if (finished(state)) {
          document.title = page.title
          var heading = panel.querySelector('h1')
          if (heading) heading.focus()
        } else {
          window.setTimeout(poll, 2000)
        }
      })
      .catch(function () { window.setTimeout(poll, 5000) })
  }

  if (!finished(panel.getAttribute('data-state'))) window.setTimeout(poll, 2000)
})()
