// The resend button puts a failed mail back into the queue.
for (const button of document.querySelectorAll('button.resend')) {
  button.addEventListener('click', async () => {
    const csrf = document.querySelector('meta[name="upr-csrf"]').content;
    const response = await fetch('/api/notifications/' + button.dataset.id + '/resend',
      { method: 'POST', headers: { 'X-UPR-CSRF': csrf } });
    button.replaceWith(document.createTextNode(text(response.ok ? 'requeued' : 'notRequeued')));
  });
}
