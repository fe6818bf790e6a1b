// An agency's groups page: adding, renaming and removing its groups, and putting the chosen recommendations in one
// group in one request to /api/agencies/{agency}/...; every value is shown with textContent (never as HTML).
const agency = document.getElementById('agency').dataset.agency;
const csrf = document.querySelector('meta[name="upr-csrf"]').content;

async function send(method, path, body, result, contentType = 'application/json') {
  result.hidden = false;
  result.className = 'busy';
  result.textContent = text('sending');
  try {
    const response = await fetch('/api/agencies/' + encodeURIComponent(agency) + path, {
      method,
      headers: { 'Content-Type': contentType, 'X-UPR-CSRF': csrf },
      body: body === undefined || body instanceof Blob ? body : JSON.stringify(body)
    });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      result.className = 'error';
      result.textContent = text('notDone', answer.error || answer.detail || response.status);
      return false;
    }
    return true;
  } catch (e) {
    result.className = 'error';
    result.textContent = text('notSent', e);
    return false;
  }
}

const saveGroup = document.getElementById('save-group');
if (saveGroup) {
  const result = document.getElementById('group-result');
  saveGroup.addEventListener('click', async () => {
    const code = document.getElementById('group-code').value.trim();
    if (!code) {
      result.hidden = false;
      result.className = 'error';
      result.textContent = text('codeMissing');
      return;
    }
    if (await send('PUT', '/groups/' + encodeURIComponent(code), { name: document.getElementById('group-name').value }, result)) {
      location.reload();
    }
  });
  for (const button of document.querySelectorAll('button.remove-group')) {
    button.addEventListener('click', async () => {
      const code = button.closest('tr').dataset.code;
      if (await send('DELETE', '/groups/' + encodeURIComponent(code), undefined, result)) {
        location.reload();
      }
    });
  }
}

const tag = document.getElementById('tag');
if (tag) {
  const result = document.getElementById('tag-result');
  document.getElementById('select-all').addEventListener('change', event => {
    for (const box of document.querySelectorAll('input.pick')) box.checked = event.target.checked;
  });
  tag.addEventListener('click', async () => {
    const items = Array.from(document.querySelectorAll('input.pick:checked')).map(box => {
      const row = box.closest('tr');
      return { cycle: Number(row.dataset.cycle), number: row.dataset.number };
    });
    if (!items.length) {
      result.hidden = false;
      result.className = 'error';
      result.textContent = text('noneChosen');
      return;
    }
    const choice = document.getElementById('tag-group');
    const group = choice.value || null;
    const name = group ? choice.selectedOptions[0].textContent : '';
    if (await send('PUT', '/tags', { group, items }, result)) {
      for (const box of document.querySelectorAll('input.pick:checked')) {
        box.closest('tr').querySelector('td.group').textContent = name;
        box.checked = false;
      }
      result.className = 'ok';
      result.textContent = group ? text('tagged', items.length, name) : text('untagged', items.length);
    }
  });
}

const tagsImport = document.getElementById('tags-import');
if (tagsImport) {
  const result = document.getElementById('tag-result');
  tagsImport.addEventListener('click', async () => {
    const file = document.getElementById('tags-file').files[0];
    if (!file) {
      result.hidden = false;
      result.className = 'error';
      result.textContent = text('noFile');
      return;
    }
    if (await send('POST', '/tags.csv', file, result, 'text/csv')) {
      location.reload();
    }
  });
}
