// MOFA / UPR: the way back from Camunda's webapps to the product's own pages. Tasklist, Cockpit, Admin and Welcome
// load it from their config.js (customScripts, imported as a module from /camunda/app/<webapp>/, hence '../'). The
// header of the webapps is Camunda's (no option adds a link to it): the links go first in its menu, and go back in if
// Angular draws the header again.
const PAGES = [['/', 'Trang chủ UPR'], ['/recommendations', 'Danh sách khuyến nghị'], ['/dashboard', 'Bảng theo dõi']];

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
