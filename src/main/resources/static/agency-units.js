// The agency's units: every change goes to /api/agencies/{agency}/units and the page is drawn again with what the
// server now holds; a refusal is shown as the server says it (Vietnamese); the page's own texts come from the page. Values are set with textContent only.
const units = document.getElementById('units');
const statusLine = document.getElementById('status');
const DONE = 'upr-units-done';

if (sessionStorage.getItem(DONE)) {
  say(sessionStorage.getItem(DONE), 'ok');
  sessionStorage.removeItem(DONE);
}

function say(message, kind) {
  statusLine.textContent = message;
  statusLine.className = kind;
}

function base() {
  return '/api/agencies/' + encodeURIComponent(units.dataset.agency) + '/units';
}

async function send(method, url, body) {
  const headers = { 'X-UPR-CSRF': document.querySelector('meta[name="upr-csrf"]').content };
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body });
  } catch (unreachable) {
    return { ok: false, reason: text('noAnswer') };
  }
  const answer = await response.json().catch(() => null);
  if (response.status === 401) {
    return { ok: false, reason: text('sessionEnded') };
  }
  return { ok: response.ok, answer,
    reason: answer && (answer.detail || answer.error) || text('refused', response.status) };
}

// A change done: the page is drawn again, and says what was done.
async function change(method, url, body, done) {
  const result = await send(method, url, body);
  if (!result.ok) {
    say(result.reason, 'error');
    statusLine.scrollIntoView({ block: 'center' });
    return;
  }
  sessionStorage.setItem(DONE, done);
  location.reload();
}

function onSubmit(form, action) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    action(Object.fromEntries(new FormData(form)));
  });
}

if (units) {
  onSubmit(document.getElementById('new-unit'), (fields) =>
    change('POST', base(), fields, text('added', fields.name)));

  for (const card of document.querySelectorAll('.unit')) {
    const unit = base() + '/' + encodeURIComponent(card.dataset.unit);
    const name = card.querySelector('.unit-name').textContent;
    onSubmit(card.querySelector('form.rename'), (fields) =>
      change('PUT', unit, fields, text('renamed', fields.name)));
    card.querySelector('.remove-unit').addEventListener('click', () => {
      if (confirm(text('confirmRemove', name))) {
        change('DELETE', unit, undefined, text('removed', name));
      }
    });
    onSubmit(card.querySelector('form.add-person'), (fields) =>
      change('POST', unit + '/people', fields, text('personAdded', fields.fullName, fields.userId, name)));
    const existing = card.querySelector('form.add-existing-person');
    if (existing) {
      onSubmit(existing, (fields) => change('POST', unit + '/people', { userId: fields.userId },
        text('userAdded', fields.userId, name)));
    }
    for (const button of card.querySelectorAll('.remove-person')) {
      const user = button.closest('tr').dataset.user;
      button.addEventListener('click', () => {
        if (confirm(text('confirmRemovePerson', user, name))) {
          change('DELETE', unit + '/people/' + encodeURIComponent(user), undefined, text('personRemoved', user, name));
        }
      });
    }
  }

  const importForm = document.getElementById('import-form');
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = importForm.querySelector('button');
    if (button.disabled) return;
    button.disabled = true;
    const data = new FormData();
    data.append('file', importForm.file.files[0]);
    say(text('importing'), 'busy');
    try {
      showImport(await send('POST', base() + '/import', data));
    } finally {
      button.disabled = false;
    }
  });
}

function showImport(result) {
  const errors = document.getElementById('import-errors');
  const accounts = document.getElementById('import-accounts');
  document.getElementById('import-result').hidden = false;
  const title = document.getElementById('import-title');
  errors.hidden = true;
  accounts.hidden = true;
  const outcome = result.answer;
  if (outcome && outcome.errors && outcome.errors.length) {
    say('', '');
    title.textContent = text('fileErrors', outcome.errors.length);
    title.className = 'error';
    fill(errors, outcome.errors.map((e) => [e.row > 0 ? String(e.row) : '—', e.message]));
    return;
  }
  if (!result.ok) {
    title.textContent = result.reason + ' ' + text('nothingImported');
    title.className = 'error';
    say('', '');
    return;
  }
  say('', '');
  title.textContent = text('imported', outcome.unitsCreated, outcome.unitsRenamed, outcome.peopleAdded);
  title.className = 'ok';
  fill(accounts, outcome.newAccounts.map((a) => [a.unitCode, a.userId, a.fullName, a.initialPassword]));
}

function fill(table, rows) {
  const body = table.querySelector('tbody');
  body.replaceChildren();
  for (const values of rows) {
    const row = body.insertRow();
    for (const value of values) row.insertCell().textContent = value;
  }
  table.hidden = rows.length === 0;
}
