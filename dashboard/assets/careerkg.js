/* careerkg: put the view in the address bar without reloading the page.

   An answer can arrive after the user has moved on (to another page, or Back): its
   address is then stale and must not be pushed over theirs. So each address comes
   with where it was asked from, and is set only while the bar still shows that. */
window.careerkg = {
  /* A path, percent-decoded where it can be, to compare addresses spelt differently. */
  decoded: function (path) {
    try { return decodeURIComponent(path); } catch (e) { return path; }
  },
  /* The path finder's shareable address {to, page}: pushed while the bar is on the
     path finder (`page`, or an address under it) and does not show it already. */
  pushUrl: function (address) {
    if (!address || !address.to) { return ''; }
    var here = window.location.pathname;
    var page = address.page;
    if (page && here !== page && here.indexOf(page.replace(/\/$/, '') + '/') !== 0) { return ''; }
    var d = window.careerkg.decoded;
    if (d(here + window.location.search) !== d(address.to)) {
      window.history.pushState({careerkg: true}, '', address.to);
    }
    return '';
  },
  /* The explorer's address {to, from} for the view it drew: the new pathname while the
     bar still shows `from`, the address the view was asked from; otherwise no change. */
  followAddress: function (address) {
    var skip = window.dash_clientside.no_update;
    if (!address || !address.to) { return skip; }
    var d = window.careerkg.decoded;
    if (address.from && d(window.location.pathname) !== d(address.from)) { return skip; }
    return address.to;
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
