/* careerkg: put the view in the address bar without reloading the page. */
window.careerkg = {
  pushUrl: function (url) {
    if (!url) { return ''; }
    var here = window.location.pathname + window.location.search;
    var same = false;
    try { same = decodeURIComponent(here) === decodeURIComponent(url); } catch (e) { same = here === url; }
    if (!same) { window.history.pushState({careerkg: true}, '', url); }
    return '';
  },
  /* An upload (a data: URL) sized up in the browser: {filename, size, contents, at},
     with contents null when the file is over maxBytes, so a large file is not sent to
     the server (which would refuse the request) and the page can still say why.
     Returns [that, null]: the upload's contents are emptied, so choosing the same file
     again is a change and is checked again. */
  sizeUpload: function (contents, filename, maxBytes) {
    var skip = window.dash_clientside.no_update;
    if (contents === null || contents === undefined) { return [skip, skip]; }
    var comma = contents.indexOf(',');
    var data = comma < 0 ? '' : contents.slice(comma + 1);
    var pad = data.endsWith('==') ? 2 : (data.endsWith('=') ? 1 : 0);
    var size = Math.max(0, Math.floor(data.length * 3 / 4) - pad);
    var sized = {filename: filename || '', size: size, contents: size <= maxBytes ? contents : null, at: Date.now()};
    return [sized, null];
  }
};
