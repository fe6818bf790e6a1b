// MOFA / UPR: the way back from Camunda's webapps to the product's own pages. Tasklist, Cockpit, Admin and Welcome
// load it from their config.js (customScripts, imported as a module from /camunda/app/<webapp>/, hence '../'). The
// header of the webapps is Camunda's (no option adds a link to it): the links go first in its menu, and go back in if
// Angular draws the header again.
const PAGES = [['/', 'Trang chủ UPR'], ['/recommendations', 'Danh sách khuyến nghị'], ['/dashboard', 'Bảng theo dõi']];
// for those who manage an agency's units (its focal points, administrators): the page itself says who may (403 for
// the others), so the menu asks it once instead of knowing the rule
const UNITS = ['/agency-units', 'Đơn vị của cơ quan'];
// undefined until asked while logged in; before the login the page answers with a redirect, so the webapps' next
// navigation (the login leads to the start page) asks again
let managesUnits;

function addPages() {
  const menu = document.querySelector('[cam-widget-header] nav.app-menu > ul');
  if (!menu || menu.querySelector('.upr-page')) {
    return;
  }
  // one item per link, as the menu's own items are: Camunda's styles lay out "li > a"
  const first = menu.firstChild;
  for (const [href, label] of PAGES) {
    const item = document.createElement('li');
    item.className = 'upr-page';
    const link = document.createElement('a');
    link.href = href;
    link.textContent = label;
    item.appendChild(link);
    menu.insertBefore(item, first);
  }
}

new MutationObserver(addPages).observe(document.documentElement, { childList: true, subtree: true });
addPages();
window.addEventListener('hashchange', askForUnits);
askForUnits();

function askForUnits() {
  if (managesUnits !== undefined) {
    return;
  }
  fetch(UNITS[0], { method: 'HEAD', credentials: 'same-origin', redirect: 'manual' }).then((answer) => {
    if (answer.type === 'opaqueredirect' || managesUnits !== undefined) {
      return;
    }
    managesUnits = answer.ok;
    if (managesUnits) {
      PAGES.push(UNITS);
      document.querySelectorAll('li.upr-page').forEach((item) => item.remove());
      addPages();
    }
  }).catch(() => {});
}
