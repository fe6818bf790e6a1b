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
    title.textContent = 'Chưa chọn khuyến nghị nào: đánh dấu các khuyến nghị đang chờ phân công.';
    title.className = 'error';
    return;
  }
  title.textContent = 'Đang phân công ' + items.length + ' khuyến nghị…';
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
      title.textContent = 'Không phân công được: ' + (answer.error || answer.message || response.status);
      title.className = 'error';
      return;
    }
  } catch (e) {
    title.textContent = 'Không gửi được yêu cầu: ' + e;
    title.className = 'error';
    return;
  }
  title.textContent = 'Đã phân công ' + answer.done + ' khuyến nghị' + (answer.refused ? ', ' + answer.refused + ' bị từ chối' : '') + '.';
  title.className = answer.refused ? 'error' : 'ok';
  for (const outcome of answer.outcomes) {
    const row = body.insertRow();
    row.className = outcome.done ? 'ok' : 'error';
    row.insertCell().textContent = outcome.number + ' (chu kỳ ' + outcome.cycle + ')';
    row.insertCell().textContent = outcome.message;
  }
}
