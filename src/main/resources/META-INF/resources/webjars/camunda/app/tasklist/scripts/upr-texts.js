// MOFA / UPR: the task forms (form-js, bundled by Camunda Tasklist) print a few fixed English texts that no
// locale file reaches: validation messages and select placeholders. Replace them with Vietnamese as they appear,
// and hide "create task" (ad-hoc tasks outside a recommendation have no place in this system). The task list is
// sorted by due date, nearest first, unless the user chose another order (Tasklist keeps it in the URL).
function sortByDueDate() {
  const hash = window.location.hash || '#/';
  if (hash.startsWith('#/login') || /[?&]sorting=/.test(hash)) {
    return;
  }
  const byDueDate = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
  window.location.replace(hash + (hash.includes('?') ? '&' : '?') + 'sorting=' + byDueDate);
}
window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();
const MESSAGES = [
  [/^Field is required\.$/, 'Trường này bắt buộc.'],
  [/^Field must be a valid email\.$/, 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must match pattern .*\.$/, 'Giá trị chưa đúng định dạng yêu cầu (xem hướng dẫn dưới trường).'],
  [/^Field must have minimum length of (\d+)\.$/, 'Cần ít nhất $1 ký tự.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Không quá $1 ký tự.'],
  [/^Field must have minimum value of (.+)\.$/, 'Giá trị nhỏ nhất là $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Giá trị lớn nhất là $1.'],
  [/^Skip to search$/, 'Chuyển đến ô tìm kiếm'],
  // a form-js select with nothing chosen yet
  [/^Select$/, 'Chọn']
];
const PLACEHOLDERS = { Select: 'Chọn', Search: 'Tìm kiếm' };

function translate(root) {
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const text = node.nodeValue.trim();
    for (const [english, vietnamese] of MESSAGES) {
      if (english.test(text)) {
        node.nodeValue = text.replace(english, vietnamese);
        break;
      }
    }
  }
  for (const input of root.querySelectorAll ? root.querySelectorAll('input[placeholder]') : []) {
    const vietnamese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (vietnamese) {
      input.setAttribute('placeholder', vietnamese);
    }
  }
  for (const link of root.querySelectorAll ? root.querySelectorAll('a[ng-click="open()"]') : []) {
    if (link.querySelector('.glyphicon-paperclip')) {
      link.closest('li').style.display = 'none';
    }
  }
}

new MutationObserver(mutations => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        translate(node);
      } else if (node.nodeType === Node.TEXT_NODE && node.parentNode) {
        translate(node.parentNode);
      }
    }
    // form-js rewrites a text in place (a select's "Select" after a reset)
    if (mutation.type === 'characterData' && mutation.target.parentNode) {
      translate(mutation.target.parentNode);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
translate(document.body || document.documentElement);
