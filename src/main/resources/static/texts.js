// The page's texts in its language, rendered by the server into <script type="application/json" id="texts">
// (web/PageTexts): text('sending') or text('imported', 3, 'KN 1') fills {0}, {1}… in order.
const TEXTS = JSON.parse(document.getElementById('texts').textContent);

function text(key, ...values) {
  return (TEXTS[key] ?? key).replace(/\{(\d+)\}/g, (all, i) => String(values[Number(i)]));
}
