// Uploads the file to /api/imports and shows the answer; every value is set with textContent (never as HTML).
// Whatever goes wrong, the user reads in the page's language (texts from the page) what happened and whether anything
// was imported.
const form = document.getElementById('import-form');
const button = form.querySelector('button[type=submit]');
const NOTHING_IMPORTED = text('nothingImported');
const SAFE_AGAIN = text('safeAgain');
const LOGIN = '/camunda/app/welcome/default/#!/login';

// The newest entry of the import log as last read (null: the log is empty, undefined: never read). After a failure
// whose outcome the answer does not tell (no answer, a proxy's page), the log says whether this upload was imported.
let newestImport;
let historyShown = showHistory();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  // set before anything is awaited: a second click or Enter while a file is on its way sends nothing
  if (button.disabled) return;
  const file = form.file.files[0];
  const dryRun = form.dryRun.checked;
  clearResult();
  if (file.size > Number(form.dataset.maxBytes)) {
    showRefusal([{ row: 0, message: form.dataset.tooLarge }]);
    return;
  }
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  say(text(dryRun ? 'checking' : 'importing', file.name), 'busy');
  try {
    await upload(file, dryRun);
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
});

async function upload(file, dryRun) {
  await historyShown;
  const before = newestImport;
  const data = new FormData();
  data.append('file', file);
  if (form.cycle.value) data.append('cycle', form.cycle.value);
  data.append('dryRun', dryRun ? 'true' : 'false');
  const csrf = document.querySelector('meta[name="upr-csrf"]').content;
  let response;
  try {
    response = await fetch('/api/imports', { method: 'POST', body: data, headers: { 'X-UPR-CSRF': csrf } });
  } catch (unreachable) {
    await unknownOutcome(text('noAnswer'), file, dryRun, before);
    return;
  }
  const answer = await response.json().catch(() => null);
  if (response.ok && answer && answer.created !== undefined) {
    showReport(answer);
    return;
  }
  if (answer && answer.errors && answer.errors.length) {
    showRefusal(answer.errors);
    return;
  }
  if (response.status === 413) {
    // a proxy in front refuses a body over its own limit with a page of its own
    say(form.dataset.tooLarge + ' ' + NOTHING_IMPORTED, 'error');
    return;
  }
  if (response.status === 401) {
    say(text('sessionEnded', NOTHING_IMPORTED), 'error');
    link(text('logInAgain'), LOGIN);
    return;
  }
  if (response.status === 403) {
    say(text('forbidden', reasonOf(answer) || text('notAllowed'), NOTHING_IMPORTED), 'error');
    return;
  }
  if (response.status >= 400 && response.status < 500) {
    // the server refuses before it writes anything: an import that writes answers 200
    say((reasonOf(answer) || text('refused', response.status)) + ' ' + NOTHING_IMPORTED, 'error');
    return;
  }
  await unknownOutcome(response.status >= 500 ? text('serverError', response.status) : text('strangeAnswer'), file, dryRun, before);
}

// No answer, a server error, a proxy's page: the import runs all or nothing, so the log tells which it was.
async function unknownOutcome(cause, file, dryRun, before) {
  if (dryRun) {
    say(cause + ' ' + text('onlyChecked'), 'error');
    return;
  }
  const imported = await importedSince(before, file.name);
  if (imported) {
    say(cause + ' ' + text('importedAnyway', file.name, shownTime(imported.importedAt), imported.created, imported.updated),
      'error');
  } else if (imported === false) {
    say(cause + ' ' + NOTHING_IMPORTED + ' ' + text('maybeLater') + ' ' + SAFE_AGAIN, 'error');
  } else {
    say(cause + ' ' + text('unknown') + ' ' + SAFE_AGAIN, 'error');
  }
}

// The log's newest entry when it is new since `before` and of this file; false when not; null when unknown.
async function importedSince(before, fileName) {
  if (before === undefined) return null;
  const entries = await showHistory();
  if (!entries) return null;
  const newest = entries[0];
  return newest && JSON.stringify(newest) !== JSON.stringify(before) && newest.fileName === fileName.substring(0, 255)
    ? newest : false;
}

function reasonOf(answer) {
  return answer && (answer.detail || answer.error) || null;
}

function clearResult() {
  document.getElementById('result-errors').querySelector('tbody').replaceChildren();
  document.getElementById('result-notices').querySelector('tbody').replaceChildren();
  document.getElementById('result-errors').hidden = true;
  document.getElementById('result-notices').hidden = true;
  document.getElementById('result-counts').replaceChildren();
  document.getElementById('result').hidden = false;
}

function say(message, kind) {
  const title = document.getElementById('result-title');
  title.textContent = message;
  title.className = kind;
}

function link(label, href) {
  const a = document.createElement('a');
  a.textContent = label;
  a.href = href;
  document.getElementById('result-counts').replaceChildren(a);
}

function showReport(report) {
  say(text(report.dryRun ? 'checked' : 'imported'), 'ok');
  if (!report.dryRun) {
    historyShown = showHistory();
    showAwaitingAssignment();
  }
  document.getElementById('result-counts').textContent = text('counts', report.created, report.updated, report.unchanged,
    report.tracked, report.waitingForAssignment, report.viaOtherNames, report.notesKept)
    + (!report.dryRun && report.tracked > 0 ? text('firstTasksSoon') : '');
  showNotices(report.notices || []);
}

// What the import understood on its own (a pre-2025 agency name, several lead agencies): imported, to be checked.
function showNotices(notices) {
  const table = document.getElementById('result-notices');
  const body = table.querySelector('tbody');
  for (const notice of notices) {
    const row = body.insertRow();
    row.insertCell().textContent = notice.row;
    row.insertCell().textContent = notice.message;
  }
  table.hidden = notices.length === 0;
}

// A refused file: nothing was imported; every problem by row (0 = the whole file).
function showRefusal(errors) {
  const table = document.getElementById('result-errors');
  const body = table.querySelector('tbody');
  say(text('fileErrors', errors.length), 'error');
  for (const error of errors) {
    const row = body.insertRow();
    row.insertCell().textContent = error.row === 0 ? text('wholeFile') : error.row;
    row.insertCell().textContent = error.message;
  }
  table.hidden = false;
}

// How many recommendations wait for MOFA to assign them, as the list filtered on that step counts them. The first
// task of a new recommendation comes a few seconds after the import: counted again then.
async function showAwaitingAssignment() {
  for (const wait of [0, 3000, 10000]) {
    await new Promise(resolve => setTimeout(resolve, wait));
    const response = await fetch('/api/recommendations?step=assignment&size=1').catch(() => null);
    if (!response || !response.ok) return;
    document.getElementById('awaiting-count').textContent = (await response.json()).totalElements;
  }
}

// Times come in Viet Nam's time (+07:00): shown as dd/MM/yyyy HH:mm as they are.
function shownTime(at) {
  return at.substring(8, 10) + '/' + at.substring(5, 7) + '/' + at.substring(0, 4) + ' ' + at.substring(11, 16);
}

// The import log, newest first; returns its entries, or null when it could not be read.
async function showHistory() {
  const response = await fetch('/api/imports').catch(() => null);
  if (!response || !response.ok) return null;
  const entries = await response.json().catch(() => null);
  if (!Array.isArray(entries)) return null;
  newestImport = entries.length ? entries[0] : null;
  const body = document.querySelector('#history tbody');
  body.replaceChildren();
  for (const entry of entries) {
    const row = body.insertRow();
    for (const value of [shownTime(entry.importedAt), entry.fileName, entry.importedBy, entry.created, entry.updated,
      entry.unchanged, entry.tracked, entry.waitingForAssignment, entry.viaOtherNames, entry.notesKept]) {
      row.insertCell().textContent = value;
    }
  }
  document.getElementById('history-empty').hidden = entries.length > 0;
  return entries;
}
