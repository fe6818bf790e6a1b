// MOFA / UPR: Welcome's configuration, served in place of Camunda's own. The header shows "<vendor> <name>", the
// browser tab the same; the language and date formats are the ones the four webapps share,
// the texts ready before the webapp starts (see upr-locale.js).
import { DATE_FORMAT, UPR_LOCALE, keepTexts } from '../../upr-locale.js';

await keepTexts('welcome');

export default {
  app: { name: 'Theo dõi khuyến nghị UPR', vendor: 'Bộ Ngoại giao' },
  locales: { availableLocales: [UPR_LOCALE], fallbackLocale: UPR_LOCALE },
  dateFormat: DATE_FORMAT,
  // after the login, the product's start page; the links to the product's pages
  customScripts: ['scripts/upr-after-login.js', '../upr-pages.js']
};
