// The case page: printing, and the upload of an evidence file (the answer's reason shown with textContent, never as HTML).
document.getElementById('print')?.addEventListener('click', () => window.print());

const evidenceForm = document.getElementById('evidence-form');
if (evidenceForm) {
  evidenceForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = document.getElementById('evidence-result');
    const file = evidenceForm.file.files[0];
    result.className = '';
    if (file.size > Number(evidenceForm.dataset.maxBytes)) {
      result.textContent = evidenceForm.dataset.tooLarge;
      result.className = 'error';
      return;
    }
    const data = new FormData();
    data.append('task', evidenceForm.task.value);
    data.append('file', file);
    result.textContent = text('uploading');
    let response;
    try {
      response = await fetch(evidenceForm.dataset.url, { method: 'POST', body: data,
        headers: { 'X-UPR-CSRF': document.querySelector('meta[name="upr-csrf"]').content } });
    } catch (e) {
      result.textContent = text('fileNotSent', e);
      result.className = 'error';
      return;
    }
    if (response.ok) {
      window.location.reload();
      return;
    }
    // a proxy in front answers a body over its own limit with 413 and a page of its own
    const answer = response.status === 413 ? { detail: evidenceForm.dataset.tooLarge } : await response.json().catch(() => ({}));
    result.textContent = answer.detail || answer.error || text('error', response.status);
    result.className = 'error';
  });
}

const delegationForm = document.getElementById('delegation-form');
if (delegationForm) {
  delegationForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = document.getElementById('delegation-result');
    const body = {
      taskId: delegationForm.taskId.value,
      units: [...delegationForm.querySelectorAll('input[name="units"]:checked')].map(box => box.value),
      tasks: delegationForm.tasks.value,
      expectedOutput: delegationForm.expectedOutput.value || null,
      internalDue: delegationForm.internalDue.value || null
    };
    result.className = '';
    result.textContent = text('delegating');
    let response;
    try {
      response = await fetch(delegationForm.dataset.url, { method: 'POST', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json',
          'X-UPR-CSRF': document.querySelector('meta[name="upr-csrf"]').content } });
    } catch (e) {
      result.textContent = text('notSent', e);
      result.className = 'error';
      return;
    }
    if (response.ok) {
      window.location.reload();
      return;
    }
    const answer = await response.json().catch(() => ({}));
    result.textContent = answer.detail || answer.error || text('error', response.status);
    result.className = 'error';
  });
}
