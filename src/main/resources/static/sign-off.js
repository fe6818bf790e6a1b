// MOFA turns an agency's sign-off on or off; the server checks who may (PUT /api/sign-off/{agency})
document.querySelectorAll('#settings button.toggle').forEach(button => {
  button.addEventListener('click', async () => {
    const row = button.closest('tr');
    const result = document.getElementById('sign-off-result');
    const response = await fetch('/api/sign-off/' + encodeURIComponent(row.dataset.agency), { method: 'PUT',
      body: JSON.stringify({ required: button.dataset.required === 'true' }),
      headers: { 'Content-Type': 'application/json', 'X-UPR-CSRF': document.querySelector('meta[name="upr-csrf"]').content } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      result.textContent = answer.detail || answer.error || ('Lỗi ' + response.status);
      result.className = 'error';
      return;
    }
    row.querySelector('.state').textContent = answer.required ? 'Có' : 'Không';
    button.dataset.required = String(!answer.required);
    button.textContent = answer.required ? 'Tắt ký duyệt' : 'Bật ký duyệt';
    result.className = '';
    result.textContent = 'Đã lưu: ' + row.cells[0].textContent + (answer.required ? ' cần' : ' không cần') + ' lãnh đạo ký duyệt.';
  });
});
