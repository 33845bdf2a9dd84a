/* careerkg: put the view in the address bar without reloading the page. */
window.careerkg = {
  pushUrl: function (url) {
    if (!url) { return ''; }
    var here = window.location.pathname + window.location.search;
    var same = false;
    try { same = decodeURIComponent(here) === decodeURIComponent(url); } catch (e) { same = here === url; }
    if (!same) { window.history.pushState({careerkg: true}, '', url); }
    return '';
  }
};
