// MOFA / UPR: whoever logs in on Welcome's login form (the landing page's "Đăng nhập", or a product page opened
// without a login) arrives on the product's start page, not on Camunda's Welcome page, whose links lead to English
// Camunda documentation. Welcome stays reachable once logged in (one's profile, changing one's password): only the
// step from the login form to Welcome is redirected.
let loggingIn = window.location.hash.startsWith('#!/login');

window.addEventListener('hashchange', () => {
  if (window.location.hash.startsWith('#!/login')) {
    loggingIn = true;
  } else if (loggingIn) {
    window.location.replace('/');
  }
});
