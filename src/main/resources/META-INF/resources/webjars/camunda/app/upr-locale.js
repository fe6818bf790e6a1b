// MOFA / UPR: the language of the Camunda webapps, one script for the config.js of Tasklist, Cockpit, Admin and
// Welcome. Camunda loads each config.js as an ES module (import() at start-up), so they import this file; it is
// served from /camunda/app/ like them, which the webapps' Content-Security-Policy allows.
//
// Camunda 7 picks the UI language once at start-up: it takes the browser's first language (navigator.languages[0])
// if it is listed in `locales.availableLocales`, otherwise `locales.fallbackLocale`. The webapps have no language
// selector. If 'en' were listed, every browser set to English would get English, so only 'vi' is offered by default.
// English stays reachable as an explicit opt-in: open any webapp once with `?lang=en`
// (e.g. /camunda/app/tasklist/default/?lang=en#/); `?lang=vi` switches back. The choice is the product pages' one too:
// cookie `upr.lang` (set by their VI|EN switch, web/Languages.java, for the browser session), so a user who switched
// a page to English finds Tasklist in English. It is also kept in localStorage, shared by the four webapps, for a
// choice made in a webapp before any product page.
export const UPR_LOCALE = (function () {
  try {
    var requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'vi' || requested === 'en') {
      window.localStorage.setItem('upr.webapp.locale', requested);
      document.cookie = 'upr.lang=' + requested + '; path=/; SameSite=Lax';
    }
    var cookie = /(?:^|;\s*)upr\.lang=(vi|en)\b/.exec(document.cookie);
    var chosen = cookie ? cookie[1] : window.localStorage.getItem('upr.webapp.locale');
    return chosen === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
})();

// Vietnamese date formats (moment.js patterns), in either language: dates read dd/MM/yyyy. Keys as the
// configuration provider of Tasklist and Welcome reads them: monthName, day, abbr, normal, long, short.
export const DATE_FORMAT = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD/MM/YYYY HH:mm',
  normal: 'DD/MM/YYYY HH:mm',
  long: 'DD/MM/YYYY HH:mm:ss',
  short: 'DD/MM/YYYY'
};
