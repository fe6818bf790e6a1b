// The page's texts in its language, rendered by the server as JSON into <div id="texts" data-texts="…">
// (system/PageTexts): text('sending') or text('imported', 3, 'KN 1') fills {0}, {1}… in order.
const TEXTS = JSON.parse(document.getElementById('texts').dataset.texts);

function text(key, ...values) {
  return (TEXTS[key] ?? key).replace(/\{(\d+)\}/g, (all, i) => String(values[Number(i)]));
}
