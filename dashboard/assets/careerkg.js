/* careerkg: put the view in the address bar without reloading the page.

   An answer can arrive after the user has moved on (to another page, or Back): its
   address is then stale and must not be pushed over theirs. So each address comes
   with where it was asked from, and is set only while the bar still shows that. */
window.careerkg = {
  /* A path, percent-decoded where it can be, to compare addresses spelt differently. */
  decoded: function (path) {
    try { return decodeURIComponent(path); } catch (e) { return path; }
  },
  /* The path finder's shareable address {to, page, title}: the address for the page's
     dcc.Location (its href), which puts it in the bar and in the history, so that Back
     and Forward are seen by the page (a pushState of its own left the Location, and the
     page, on the address before: Back showed the later path under the earlier address).
     Only while the bar is on the path finder (`page`, or an address under it) and does
     not show it already; the tab then takes the path's title. */
  pushUrl: function (address) {
    var skip = window.dash_clientside.no_update;
    if (!address || !address.to) { return skip; }
    var here = window.location.pathname;
    var page = address.page;
    if (page && here !== page && here.indexOf(page.replace(/\/$/, '') + '/') !== 0) { return skip; }
    if (address.title) { document.title = address.title; }
    var d = window.careerkg.decoded;
    if (d(here + window.location.search) === d(address.to)) { return skip; }
    return window.location.origin + address.to;
  },
  /* The explorer's address {to, from, title} for the view it drew: while the bar still
     shows `from`, the address the view was asked from, the tab takes the view's title
     and the bar its new pathname (`to`; null when the bar shows it already); otherwise
     no change. */
  followAddress: function (address) {
    var skip = window.dash_clientside.no_update;
    if (!address) { return skip; }
    var d = window.careerkg.decoded;
    if (address.from && d(window.location.pathname) !== d(address.from)) { return skip; }
    if (address.title) { document.title = address.title; }
    return address.to || skip;
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
  },
  /* Go to an address of the app as dcc.Link does: no reload, the page router told. */
  go: function (href) {
    window.history.pushState({}, '', href);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
    window.scrollTo(0, 0);
  },
  /* A click on a link inside the app, followed without a reload (a click with a
     modifier key opens a tab, as on any link). */
  follow: function (event) {
    var a = event.target.closest && event.target.closest('a[href^="/"]');
    if (!a || event.defaultPrevented || event.button !== 0 ||
        event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    window.careerkg.go(a.getAttribute('href'));
  },
  /* A click on a chart's bar whose customdata is an address of the app: go there. */
  clickThrough: function (click) {
    var p = click && click.points && click.points[0];
    if (p && p.customdata) { window.careerkg.go(p.customdata); }
    return window.dash_clientside.no_update;
  },
  /* The SPARQL page's result table, built in one go from the rows' data
     ({header, rows: [[{text, title?, href?, num?}]], numeric} or {ask}) into the
     element `id` (a table of one Dash component per cell froze the page for
     minutes on a thousand rows). Text goes in as text, never as markup.
     Returns the element's class name. */
  resultsTable: function (id, data) {
    var wrap = document.getElementById(id);
    if (!wrap) { return 'results-wrap'; }
    wrap.replaceChildren();
    if (!data) { return 'results-wrap'; }
    if (data.ask !== undefined) {
      var p = document.createElement('p');
      p.className = 'ask';
      p.textContent = 'Answer: ' + (data.ask ? 'yes' : 'no');
      wrap.appendChild(p);
      return 'results-wrap';
    }
    var el = function (tag, cls) { var e = document.createElement(tag); if (cls) { e.className = cls; } return e; };
    var table = el('table', 'results');
    table.id = 'query-table';
    var head = el('thead'), tr = el('tr');
    data.header.forEach(function (h, i) {
      var th = el('th', data.numeric[i] ? 'num-col' : '');
      th.scope = 'col'; th.textContent = h; tr.appendChild(th);
    });
    head.appendChild(tr); table.appendChild(head);
    var body = el('tbody');
    data.rows.forEach(function (row) {
      var r = el('tr');
      row.forEach(function (c, i) {
        var td = el('td', data.numeric[i] ? 'num-col' : '');
        var inner;
        if (c.href) { inner = el('a'); inner.href = c.href; }
        else if (c.title) { inner = el('span', 'iri-cell'); }
        if (inner) {
          inner.textContent = c.text;
          if (c.title) { inner.title = c.title; }
          td.appendChild(inner);
        } else {
          td.textContent = c.text;
        }
        r.appendChild(td);
      });
      body.appendChild(r);
    });
    table.appendChild(body);
    table.addEventListener('click', window.careerkg.follow);
    wrap.appendChild(table);
    return 'results-wrap';
  }
};

/* Ctrl+Enter (Cmd+Enter on a Mac) in the SPARQL editor runs the query. */
document.addEventListener('keydown', function (event) {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) { return; }
  if (!event.target || event.target.id !== 'query-editor') { return; }
  event.preventDefault();
  var run = document.getElementById('query-run');
  if (run) { run.click(); }
});

/* Accessibility Dash 4's own components cannot be given as props, applied to the page
   as Dash draws it (and again whenever it redraws):
   - a dropdown is a button named by its value alone ("deep learning · skill"): its
     <label for> joins the name ("Find a role, skill, tool or credential, deep learning · skill");
   - an upload's file input (the keyboard's stop in the drop zone) is named by the
     upload's <label for> and described by the zone's text;
   - a checklist is a listbox of options that hold checkboxes: it is left a plain set of
     checkboxes (the fieldset's legend names the set);
   - the top bar's link of the page shown is marked aria-current="page". */
window.careerkg.labelled = function (id) {
  var label = id && document.querySelector('label[for="' + CSS.escape(id) + '"]');
  if (!label) { return null; }
  if (!label.id) { label.id = id + '-label'; }
  return label.id;
};
window.careerkg.fixAria = function () {
  document.querySelectorAll('button.dash-dropdown[id]').forEach(function (button) {
    var label = window.careerkg.labelled(button.id);
    var names = (button.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    if (label && names[0] !== label) {
      button.setAttribute('aria-labelledby', [label].concat(names.filter(function (n) { return n !== label; })).join(' '));
    }
  });
  document.querySelectorAll('[id] > .upload input[type=file]').forEach(function (input) {
    var zone = input.closest('.upload'), id = zone.parentElement.id;
    var label = window.careerkg.labelled(id);
    if (label && input.getAttribute('aria-labelledby') !== label) { input.setAttribute('aria-labelledby', label); }
    var hint = zone.firstElementChild;
    if (hint && hint !== input) {
      if (!hint.id) { hint.id = id + '-hint'; }
      input.setAttribute('aria-describedby', hint.id);
    }
  });
  document.querySelectorAll('.dash-checklist[role=listbox]').forEach(function (list) {
    list.removeAttribute('role');
    list.querySelectorAll('[role=option]').forEach(function (option) {
      option.removeAttribute('role');
      option.removeAttribute('aria-selected');
    });
  });
  document.querySelectorAll('.nav-link[id^="nav-"]').forEach(function (link) {
    if (link.classList.contains('active')) {
      if (link.getAttribute('aria-current') !== 'page') { link.setAttribute('aria-current', 'page'); }
    } else if (link.hasAttribute('aria-current')) {
      link.removeAttribute('aria-current');
    }
  });
};

/* Focus lost with the element that had it (an update replaced a button pressed: a
   related node in the explorer's details) goes to the element named by the
   data-focus-home of the region it was in (the new node's title), not back to the top
   of the page; a screen reader reads where the user is. */
window.careerkg.focus = {element: null, home: null};
document.addEventListener('focusin', function (event) {
  var region = event.target.closest && event.target.closest('[data-focus-home]');
  window.careerkg.focus = {element: event.target, home: region ? region.getAttribute('data-focus-home') : null};
});
window.careerkg.refocus = function () {
  var last = window.careerkg.focus, active = document.activeElement;
  if (!last.home || !last.element || last.element.isConnected) { return; }
  if (active && active !== document.body) { return; }
  var target = document.getElementById(last.home);
  if (target) { target.focus(); }
};

/* The app's graph canvases (Cytoscape, each in a .canvas-frame) on a phone and on a
   touch screen:
   - one finger scrolls the page past a canvas, as it does the rest of the page:
     Cytoscape took every drag that began on the canvas for a pan, or a node's move, and
     a phone user could not scroll past a graph that took half the screen. Its touches
     are kept from Cytoscape; a tap still selects a node (the browser's click after a
     tap reaches Cytoscape as a mouse's does);
   - two fingers move and zoom the graph (Cytoscape's own two-finger gesture did
     nothing with fingers closer than 200 px: it took them for a long press);
   - on a phone (the width where the explorer stacks) a canvas is as tall as its graph
     needs at the phone's width, from MIN px up to 70% of the window: the explorer's
     fixed 70vh, and the path finder's and the gaps page's 520-600 px, drew most graphs
     in a third of their height, the rest empty;
   - before a press, Cytoscape is told where its canvas now is: it keeps the canvas's
     position from when it last looked, and after the page above it moved (the phone's
     filters folding away, a status line of another length) a tap or a click selected
     what was drawn that far away, or nothing;
   - a graph of a node or two is fitted at no more than FIT_ZOOM: fitted to the whole
     canvas, a path of two roles was drawn at three times its size, labels 30 px high
     (the reader can still zoom in, up to the canvas's maxZoom). */
window.careerkg.canvas = {
  PAD: 30,
  MIN: 200,
  FIT_ZOOM: 1.5,
  hintMs: 1600,
  phone: function () {
    return !!(window.matchMedia && window.matchMedia('(max-width: 800px)').matches);
  },
  cyOf: function (frame) {
    var el = frame.querySelector(':scope > .canvas');
    var cy = el && el._cyreg && el._cyreg.cy;
    return cy && !cy.destroyed() ? cy : null;
  },
  /* On a phone, the frame's height (--canvas-height) for the graph drawn, which is then
     fitted to it; elsewhere the page's own height. */
  fit: function (frame) {
    var c = window.careerkg.canvas, cy = c.cyOf(frame);
    if (!cy) { return; }
    if (!c.phone()) {
      if (frame.style.getPropertyValue('--canvas-height')) {
        frame.style.removeProperty('--canvas-height');
        cy.resize();
      }
      c.closest(cy);
      return;
    }
    var els = cy.elements(), height = c.MIN;
    if (els.nonempty()) {
      var bb = els.boundingBox();
      var room = Math.max(frame.clientWidth - 2 * c.PAD, 1);
      var zoom = Math.max(cy.minZoom(), Math.min(c.FIT_ZOOM, room / Math.max(bb.w, 1)));
      height = Math.ceil(bb.h * zoom + 2 * c.PAD);
      height = Math.max(c.MIN, Math.min(Math.floor(window.innerHeight * 0.7), height));
    }
    frame.style.setProperty('--canvas-height', height + 'px');
    cy.resize();
    if (els.nonempty()) { cy.fit(els, c.PAD); }
    c.closest(cy);
  },
  /* The graph at FIT_ZOOM, centred, when fitting drew it larger. */
  closest: function (cy) {
    if (cy.elements().nonempty() && cy.zoom() > window.careerkg.canvas.FIT_ZOOM) {
      cy.zoom(window.careerkg.canvas.FIT_ZOOM);
      cy.center(cy.elements());
    }
  },
  /* The frame's touch and press handlers (once), and the fit after each layout of its
     Cytoscape instance (once per instance: a page drawn again has a new one). */
  hook: function (frame) {
    var c = window.careerkg.canvas, cy = c.cyOf(frame);
    if (!frame.careerkgHooked) {
      frame.careerkgHooked = true;
      c.listen(frame);
    }
    if (cy && frame.careerkgCy !== cy) {
      frame.careerkgCy = cy;
      cy.on('layoutstop', function () { c.fit(frame); });
      c.fit(frame);
    }
  },
  listen: function (frame) {
    var c = window.careerkg.canvas;
    var pinch = null, one = null, hint = null;
    var opts = {capture: true, passive: false};
    var fingers = function (e) {
      var box = frame.getBoundingClientRect(), a = e.touches[0], b = e.touches[1];
      return {x: (a.clientX + b.clientX) / 2 - box.left, y: (a.clientY + b.clientY) / 2 - box.top,
              d: Math.max(Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY), 1)};
    };
    var startPinch = function (e) {
      var cy = c.cyOf(frame);
      var pan = cy && cy.pan();  // a copy: Cytoscape changes its own as the graph moves
      pinch = cy ? {at: fingers(e), zoom: cy.zoom(), pan: {x: pan.x, y: pan.y}} : null;
    };
    var showHint = function () {
      frame.classList.add('canvas-hint');
      clearTimeout(hint);
      hint = setTimeout(function () { frame.classList.remove('canvas-hint'); }, c.hintMs);
    };
    // where the canvas is now, before Cytoscape reads a press
    var locate = function () { var cy = c.cyOf(frame); if (cy) { cy.resize(); } };
    frame.addEventListener('mousedown', locate, true);
    frame.addEventListener('touchstart', function (e) {
      e.stopPropagation();
      locate();
      if (e.touches.length >= 2) { one = null; startPinch(e); } else {
        pinch = null;
        one = {x: e.touches[0].clientX, y: e.touches[0].clientY};
      }
    }, opts);
    frame.addEventListener('touchmove', function (e) {
      e.stopPropagation();
      if (e.touches.length < 2 || !pinch) {
        var t = e.touches[0];
        if (one && t && Math.hypot(t.clientX - one.x, t.clientY - one.y) > 12) { one = null; showHint(); }
        return;
      }
      if (!e.cancelable) { return; }  // the page is scrolling already
      e.preventDefault();
      var cy = c.cyOf(frame);
      if (!cy) { return; }
      var now = fingers(e);
      var zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), pinch.zoom * now.d / pinch.at.d));
      // the point of the graph under the fingers' midpoint stays under it
      var gx = (pinch.at.x - pinch.pan.x) / pinch.zoom, gy = (pinch.at.y - pinch.pan.y) / pinch.zoom;
      cy.viewport({zoom: zoom, pan: {x: now.x - gx * zoom, y: now.y - gy * zoom}});
    }, opts);
    var end = function (e) {
      e.stopPropagation();
      if (e.touches.length >= 2) { startPinch(e); } else { pinch = null; }
      if (e.touches.length === 0) { one = null; }
    };
    frame.addEventListener('touchend', end, opts);
    frame.addEventListener('touchcancel', end, opts);
  },
  hookAll: function () {
    document.querySelectorAll('.canvas-frame').forEach(window.careerkg.canvas.hook);
  }
};
(function () {
  var width = window.innerWidth, timer = null;
  // a new width (a phone turned, a window resized), not a new height: a phone's address
  // bar, hiding as the page scrolls, changes the height, and the graph is left as it is
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (window.innerWidth === width) { return; }
      width = window.innerWidth;
      document.querySelectorAll('.canvas-frame').forEach(window.careerkg.canvas.fit);
    }, 150);
  });
})();

(function () {
  var queued = false;
  var run = function () {
    queued = false;
    window.careerkg.fixAria();
    window.careerkg.refocus();
    window.careerkg.canvas.hookAll();
  };
  new MutationObserver(function () {
    if (!queued) { queued = true; window.requestAnimationFrame(run); }
  }).observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ['class']});
  run();
})();
