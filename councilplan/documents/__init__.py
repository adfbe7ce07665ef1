"""The document pipeline: one document model (`model`), words for it (`words`), charts (`charts`) and one
`render(document, format)` with its renderers (`formats`). It knows no system: a report of any app is a
function from plain records to a `Document`."""
