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
      result.textContent = answer.detail || answer.error || text('error', response.status);
      result.className = 'error';
      return;
    }
    row.querySelector('.state').textContent = text(answer.required ? 'yes' : 'no');
    button.dataset.required = String(!answer.required);
    button.textContent = text(answer.required ? 'turnOff' : 'turnOn');
    result.className = '';
    result.textContent = text(answer.required ? 'savedRequired' : 'savedNotRequired', row.cells[0].textContent);
  });
});
