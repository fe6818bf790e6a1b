// MOFA / UPR: Tasklist's configuration, served in place of Camunda's own. The header shows "<vendor> <name>", the
// browser tab the same; the language and date formats are the ones the four webapps share,
// the texts ready before the webapp starts (see upr-locale.js).
import { DATE_FORMAT, UPR_LOCALE, keepTexts } from '../../upr-locale.js';

await keepTexts('tasklist');

export default {
  app: { name: 'Theo dõi khuyến nghị UPR', vendor: 'Bộ Ngoại giao' },
  locales: { availableLocales: [UPR_LOCALE], fallbackLocale: UPR_LOCALE },
  dateFormat: DATE_FORMAT,

  // Vietnamese for the few English texts of the task forms, no ad-hoc "create task"; deadlines, "start a process"
  // and the message after a submission as each user's role has them; a recommendation's number in the search finds its
  // tasks; the links to the product's pages
  customScripts: ['scripts/upr-texts.js', 'scripts/upr-work.js', 'scripts/upr-number-search.js', '../upr-pages.js'],

  // Descriptions are shown as-is in the "Phím tắt bàn phím" dialog, hence Vietnamese.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận công việc đang được chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển con trỏ tới bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển con trỏ tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển con trỏ tới ô nhập liệu đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại bắt đầu quy trình'
    }
  }
};
