// MOFA / UPR: Admin's configuration, served in place of Camunda's own. The header shows "<vendor> <name>", the
// browser tab the same; the language is the one the four webapps share, its texts
// ready before the webapp starts (see upr-locale.js).
import { UPR_LOCALE, keepTexts } from '../../upr-locale.js';

await keepTexts('admin');

export default {
  app: { name: 'Theo dõi khuyến nghị UPR', vendor: 'Bộ Ngoại giao' },
  locales: { availableLocales: [UPR_LOCALE], fallbackLocale: UPR_LOCALE },
  // the links to the product's pages
  customScripts: ['../upr-pages.js']
};
