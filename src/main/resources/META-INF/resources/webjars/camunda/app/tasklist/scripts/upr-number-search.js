// MOFA / UPR: finding a recommendation's tasks by its number. Officers type "143.1" or "KN 143.1" in the search
// above the task list, as on the product's own pages. Left to Tasklist, "KN 143.1" finds task names containing it
// (143.10 to 143.19 too) and "143.1" does nothing (the decimal 143.1 is not a name). Instead, a number becomes the
// search "Số khuyến nghị = '143.1'" (the filters' variable `number`, a string: hence the quotes), which finds that
// recommendation's tasks and only them. Any other text is Tasklist's usual search by task name.
(function () {
  // as the product's search box reads numbers (RecommendationNumber), without the business key form
  const NUMBER = /^\s*(?:KN\.?\s*)?(\d+(?:\.\d+)*[a-z]?)\s*$/i;

  function searchByNumber(number) {
    const hash = window.location.hash || '#/';
    const at = hash.indexOf('?');
    const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
    let searches = [];
    try {
      searches = JSON.parse(params.get('searchQuery') || '[]');
    } catch (e) {
      // a broken search in the address: replaced
    }
    searches = searches.filter(search => !(search.type === 'processVariables' && search.name === 'number'));
    searches.push({ type: 'processVariables', operator: 'eq', value: "'" + number + "'", name: 'number' });
    params.set('searchQuery', JSON.stringify(searches));
    params.delete('page');
    window.location.hash = (at < 0 ? hash : hash.slice(0, at)) + '?' + params.toString();
  }

  // before the search's own handling (capture): Enter in its input with a number typed
  document.addEventListener('keydown', event => {
    const input = event.target;
    if (event.key !== 'Enter' || !(input instanceof HTMLInputElement)
        || !input.matches('[cam-widget-search] .search-container > input')) {
      return;
    }
    const typed = NUMBER.exec(input.value);
    if (typed) {
      event.preventDefault();
      event.stopImmediatePropagation();
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.blur(); // closes the list of search kinds the typing opened
      searchByNumber(typed[1]);
    }
  }, true);
})();
