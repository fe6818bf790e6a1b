// Uploads the file to /api/imports and shows the answer; every value is set with textContent (never as HTML).
document.getElementById('import-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const data = new FormData();
  data.append('file', form.file.files[0]);
  if (form.cycle.value) data.append('cycle', form.cycle.value);
  data.append('dryRun', form.dryRun.checked ? 'true' : 'false');
  const csrf = document.querySelector('meta[name="upr-csrf"]').content;
  const result = document.getElementById('result');
  const title = document.getElementById('result-title');
  const counts = document.getElementById('result-counts');
  const errors = document.getElementById('result-errors');
  const body = errors.querySelector('tbody');
  const notices = document.getElementById('result-notices');
  body.replaceChildren();
  notices.querySelector('tbody').replaceChildren();
  notices.hidden = true;
  result.hidden = false;
  title.textContent = 'Đang xử lý…';
  counts.textContent = '';
  errors.hidden = true;
  if (form.file.files[0].size > Number(form.dataset.maxBytes)) {
    showRefusal([{ row: 0, message: form.dataset.tooLarge }]);
    return;
  }
  let report;
  try {
    const response = await fetch('/api/imports', { method: 'POST', body: data, headers: { 'X-UPR-CSRF': csrf } });
    // a proxy in front answers a body over its own limit with 413 and a page of its own
    report = response.status === 413 ? { errors: [{ row: 0, message: form.dataset.tooLarge }] } : await response.json();
  } catch (e) {
    title.textContent = 'Không gửi được tệp: ' + e;
    title.className = 'error';
    return;
  }
  if (report.errors && report.errors.length) {
    showRefusal(report.errors);
    return;
  }
  if (report.created === undefined) {
    title.textContent = 'Lỗi: ' + (report.error || report.message || 'không rõ');
    title.className = 'error';
    return;
  }
  title.textContent = report.dryRun ? 'Kiểm tra xong (chưa nhập)' : 'Đã nhập xong';
  title.className = 'ok';
  if (!report.dryRun) {
    showHistory();
    showAwaitingAssignment();
  }
  counts.textContent = 'Mới: ' + report.created + ' · Cập nhật: ' + report.updated + ' · Không đổi: ' + report.unchanged
    + ' · Đưa vào theo dõi (mở hồ sơ quy trình): ' + report.tracked
    + ' · Chờ Bộ Ngoại giao phân công cơ quan: ' + report.waitingForAssignment
    + ' · Tên cơ quan hiểu theo tên cũ hoặc viết tắt: ' + report.viaOtherNames
    + ' · Ghi chú giữ lại (như "các bộ, ngành liên quan"): ' + report.notesKept
    + (!report.dryRun && report.tracked > 0 ? '. Nhiệm vụ đầu tiên của các khuyến nghị này sẽ có trong Tasklist sau vài giây.' : '');
  showNotices(report.notices || []);
});

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
  const title = document.getElementById('result-title');
  const table = document.getElementById('result-errors');
  const body = table.querySelector('tbody');
  title.textContent = 'Tệp có ' + errors.length + ' lỗi — chưa nhập khuyến nghị nào. Sửa tệp rồi nhập lại.';
  title.className = 'error';
  for (const error of errors) {
    const row = body.insertRow();
    row.insertCell().textContent = error.row === 0 ? 'Cả tệp' : error.row;
    row.insertCell().textContent = error.message;
  }
  table.hidden = false;
}

// How many recommendations wait for MOFA to assign them, as the list filtered on that step counts them. The first
// task of a new recommendation comes a few seconds after the import: counted again then.
async function showAwaitingAssignment() {
  for (const wait of [0, 3000, 10000]) {
    await new Promise(resolve => setTimeout(resolve, wait));
    const response = await fetch('/api/recommendations?step=assignment&size=1');
    if (!response.ok) return;
    document.getElementById('awaiting-count').textContent = (await response.json()).totalElements;
  }
}

// The import log, newest first. Times come in Viet Nam's time (+07:00): shown as dd/MM/yyyy HH:mm as they are.
async function showHistory() {
  const response = await fetch('/api/imports');
  if (!response.ok) return;
  const entries = await response.json();
  const body = document.querySelector('#history tbody');
  body.replaceChildren();
  for (const entry of entries) {
    const at = entry.importedAt;
    const row = body.insertRow();
    for (const value of [at.substring(8, 10) + '/' + at.substring(5, 7) + '/' + at.substring(0, 4) + ' ' + at.substring(11, 16),
      entry.fileName, entry.importedBy, entry.created, entry.updated, entry.unchanged, entry.tracked,
      entry.waitingForAssignment, entry.viaOtherNames, entry.notesKept]) {
      row.insertCell().textContent = value;
    }
  }
  document.getElementById('history-empty').hidden = entries.length > 0;
}
showHistory();
