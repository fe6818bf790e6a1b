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

// A webapp's texts at hand before it starts, for each config.js to await. Camunda's search (Tasklist's header,
// Cockpit's and Admin's lists) translates its placeholder and criteria once, when it is drawn; on a visit where the
// browser has not kept the texts yet (the first one, or the first after an upgrade: a task link from a mail, Tasklist
// opened from the start page) they arrive later and the raw keys stay ("SEARCH_PLACEHOLDER", "DUE_DATE"). Camunda's
// loader keeps each webapp's texts in localStorage ("camunda-web", under the key below) and takes them from there
// first: putting them there before the webapp starts has them ready when the search is drawn.
export async function keepTexts(app) {
  try {
    const root = document.querySelector('base').getAttribute('app-root');
    const prefix = root + '/app/' + app + '/locales/';
    const key = prefix + '_locales_data_' + UPR_LOCALE + '_' + window.bust;
    if (JSON.parse(window.localStorage.getItem('camunda-web') || '{}')[key]) {
      return;
    }
    const answer = await fetch(prefix + UPR_LOCALE + '.json?bust=' + window.bust, { credentials: 'same-origin' });
    if (answer.ok) {
      const texts = JSON.stringify(await answer.json());
      const kept = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
      kept[key] = texts;
      window.localStorage.setItem('camunda-web', JSON.stringify(kept));
    }
  } catch (e) {
    // no storage (private mode) or no answer: Camunda loads the texts itself, as before
  }
}
