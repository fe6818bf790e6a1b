// The recommendation list: selecting the recommendations that wait for assignment and assigning them in one request
// to /api/recommendations/assignments; every value is shown with textContent (never as HTML).
const bulk = document.getElementById('bulk');
if (bulk) {
  const selectAll = document.getElementById('select-all');
  selectAll.addEventListener('change', () => {
    for (const box of document.querySelectorAll('input.pick')) box.checked = selectAll.checked;
  });
  document.getElementById('assign-prefilled').addEventListener('click', () => assign({}));
  document.getElementById('assign-same').addEventListener('click', () => {
    const lead = document.getElementById('bulk-lead').value;
    const coordinating = Array.from(document.getElementById('bulk-coordinating').selectedOptions).map(o => o.value);
    assign({
      leadAgency: lead || null,
      coordinatingAgencies: lead || coordinating.length ? coordinating : null,
      taskGroup: document.getElementById('bulk-group').value || null,
      planDueDate: document.getElementById('bulk-due').value.trim() || null
    });
  });
}

async function assign(choice) {
  const items = Array.from(document.querySelectorAll('input.pick:checked')).map(box => {
    const row = box.closest('tr');
    return { cycle: Number(row.dataset.cycle), number: row.dataset.number };
  });
  const result = document.getElementById('bulk-result');
  const title = document.getElementById('bulk-title');
  const body = document.querySelector('#bulk-outcomes tbody');
  body.replaceChildren();
  result.hidden = false;
  if (!items.length) {
    title.textContent = text('noneChosen');
    title.className = 'error';
    return;
  }
  title.textContent = text('assigning', items.length);
  title.className = '';
  let answer;
  try {
    const response = await fetch('/api/recommendations/assignments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-UPR-CSRF': document.querySelector('meta[name="upr-csrf"]').content },
      body: JSON.stringify(Object.assign({ items }, choice))
    });
    answer = await response.json();
    if (!response.ok) {
      title.textContent = text('notAssigned', answer.error || answer.message || response.status);
      title.className = 'error';
      return;
    }
  } catch (e) {
    title.textContent = text('notSent', e);
    title.className = 'error';
    return;
  }
  title.textContent = answer.refused ? text('assignedSomeRefused', answer.done, answer.refused) : text('assigned', answer.done);
  title.className = answer.refused ? 'error' : 'ok';
  for (const outcome of answer.outcomes) {
    const row = body.insertRow();
    row.className = outcome.done ? 'ok' : 'error';
    row.insertCell().textContent = text('numberInCycle', outcome.number, outcome.cycle);
    row.insertCell().textContent = outcome.message;
  }
}
