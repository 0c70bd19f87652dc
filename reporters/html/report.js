// saavu HTML report: filters and pagination.
//
// Progressive enhancement: every finding is already in the document, and the report reads
// fine without this script. The script only shows the filter form, hides and shows entries
// (the `hidden` attribute), and pages through them, so that a report of 50 000 findings lays out
// a screenful at a time. It never builds markup from strings: text goes in with textContent, so
// nothing from a scanned page can become markup here. The data it needs comes from the JSON
// data block #saavu-data (read with JSON.parse, never evaluated). Compiled into the binary and
// allowed by the report's CSP by its SHA-256 hash.
(function () {
  'use strict';

  var dataBlock = document.getElementById('saavu-data');
  var form = document.getElementById('filter-form');
  if (!dataBlock || !form) return;
  var data = JSON.parse(dataBlock.textContent);
  var ui = data.ui;
  var pageSize = data.pageSize > 0 ? data.pageSize : 50;

  var statusEl = document.getElementById('filter-status');
  var heading = document.getElementById('findings-h');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.rule'));
  var pagers = [document.getElementById('pager-top'), document.getElementById('pager-bottom')];
  var fields = {
    rule: document.getElementById('f-rule'),
    sc: document.getElementById('f-sc'),
    page: document.getElementById('f-page'),
    text: document.getElementById('f-text'),
    clear: document.getElementById('f-clear'),
  };

  // One record per entry (a finding, or a shared-template group of findings), in document order.
  var entries = [];
  var nodes = document.querySelectorAll('li.entry');
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var pagesAttr = el.getAttribute('data-p') || '';
    entries.push({
      el: el,
      rule: Number(el.getAttribute('data-r')),
      outcome: el.getAttribute('data-o'),
      status: el.getAttribute('data-s') || '',
      pages: pagesAttr === '' ? [] : pagesAttr.split(' ').map(Number),
      section: sections.indexOf(el.closest('section.rule')),
      text: null, // lower-cased text, read on the first search
      shown: true,
    });
  }

  var pageTexts = null; // lower-cased "display url title" per page, built on first use
  var current = 0; // the screen of results shown, 0-based
  var matched = [];

  function formatCount(n) {
    var s = String(n);
    if (s.length <= 4 && data.numberSeparator !== ',') return s;
    return s.replace(/\B(?=(\d{3})+(?!\d))/g, data.numberSeparator);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function checkedValues(name) {
    var set = {};
    var boxes = form.querySelectorAll('input[name="' + name + '"]');
    for (var k = 0; k < boxes.length; k++) if (boxes[k].checked) set[boxes[k].value] = true;
    return set;
  }

  function words(value) {
    return value
      .toLowerCase()
      .split(/\s+/)
      .filter(function (w) {
        return w !== '';
      });
  }

  function readFilters() {
    var status = form.querySelector('input[name="status"]:checked');
    return {
      rule: fields.rule.value === '' ? -1 : Number(fields.rule.value),
      sc: fields.sc.value,
      levels: checkedValues('level'),
      impacts: checkedValues('impact'),
      outcomes: checkedValues('outcome'),
      status: status ? status.value : '',
      page: words(fields.page.value),
      text: words(fields.text.value),
    };
  }

  function containsAll(haystack, needles) {
    for (var k = 0; k < needles.length; k++) if (haystack.indexOf(needles[k]) < 0) return false;
    return true;
  }

  // Which pages match the page filter: a flag per page index, or null for "all".
  function matchingPages(needles) {
    if (needles.length === 0) return null;
    if (!pageTexts)
      pageTexts = data.pages.map(function (p) {
        return (p[0] + ' ' + p[1] + ' ' + p[2]).toLowerCase();
      });
    var flags = new Uint8Array(pageTexts.length);
    for (var k = 0; k < pageTexts.length; k++) flags[k] = containsAll(pageTexts[k], needles) ? 1 : 0;
    return flags;
  }

  function matches(entry, f, pageFlags) {
    var rule = data.rules[entry.rule];
    if (f.rule >= 0 && entry.rule !== f.rule) return false;
    if (f.sc !== '' && rule.sc.indexOf(f.sc) < 0) return false;
    if (!f.levels[rule.level] || !f.impacts[rule.impact] || !f.outcomes[entry.outcome]) return false;
    if (f.status !== '' && entry.status !== f.status) return false;
    if (pageFlags) {
      var any = false;
      for (var k = 0; k < entry.pages.length && !any; k++) any = pageFlags[entry.pages[k]] === 1;
      if (!any) return false;
    }
    if (f.text.length) {
      if (entry.text === null) entry.text = entry.el.textContent.toLowerCase();
      if (!containsAll(entry.text, f.text)) return false;
    }
    return true;
  }

  function filter() {
    var f = readFilters();
    var pageFlags = matchingPages(f.page);
    matched = [];
    for (var k = 0; k < entries.length; k++) if (matches(entries[k], f, pageFlags)) matched.push(k);
    current = 0;
    render(true);
  }

  function pageCount() {
    return Math.max(1, Math.ceil(matched.length / pageSize));
  }

  // Shows the entries of the current screen and hides the rest, touching only those whose state
  // changes: a style recalculation over 50 000 list items is the slow part, not the loop.
  function render(announce) {
    if (current >= pageCount()) current = pageCount() - 1;
    var from = current * pageSize;
    var to = Math.min(matched.length, from + pageSize);
    var visible = new Uint8Array(entries.length);
    var sectionVisible = new Uint8Array(sections.length);
    for (var k = from; k < to; k++) {
      visible[matched[k]] = 1;
      var s = entries[matched[k]].section;
      if (s >= 0) sectionVisible[s] = 1;
    }
    for (var e = 0; e < entries.length; e++) {
      var show = visible[e] === 1;
      if (entries[e].shown !== show) {
        entries[e].el.hidden = !show;
        entries[e].shown = show;
      }
    }
    for (var r = 0; r < sections.length; r++) {
      var showSection = sectionVisible[r] === 1;
      if (sections[r].hidden === showSection) sections[r].hidden = !showSection;
    }
    var total = formatCount(entries.length);
    var message =
      matched.length === 0
        ? format(ui['status.none'], { total: total })
        : format(ui['status.showing'], {
            from: formatCount(from + 1),
            to: formatCount(to),
            matched: formatCount(matched.length),
            total: total,
          });
    var position = format(ui['pager.position'], {
      page: formatCount(current + 1),
      pages: formatCount(pageCount()),
    });
    pagers.forEach(function (pager) {
      if (!pager) return;
      pager.hidden = matched.length <= pageSize;
      pager.querySelector('.prev').disabled = current === 0;
      pager.querySelector('.next').disabled = current >= pageCount() - 1;
      pager.querySelector('.pager-text').textContent = position;
    });
    // The status region is polite and announced as a whole; paging adds the position.
    if (announce !== false)
      statusEl.textContent = matched.length > pageSize ? message + ' ' + position : message;
  }

  function go(delta, fromBottom) {
    var next = Math.min(pageCount() - 1, Math.max(0, current + delta));
    if (next === current) return;
    current = next;
    render(true);
    // From the lower pager, bring keyboard and screen reader users back to the top of the
    // list they have just changed; the upper pager keeps focus where it is.
    if (fromBottom) heading.focus();
  }

  var debounce = null;
  function filterSoon() {
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(function () {
      debounce = null;
      filter();
    }, 250);
  }

  // Following a link to a rule section or an entry that the filters or the paging hide: show it
  // (clearing filters that exclude it) before the browser scrolls to it.
  function reveal(id) {
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.closest('#findings')) return;
    var sectionIndex = sections.indexOf(target.closest('section.rule'));
    var entryEl = target.closest('li.entry');
    var index = -1;
    for (var k = 0; k < entries.length && entryEl; k++) if (entries[k].el === entryEl) index = k;
    if (sectionIndex >= 0 && index < 0) {
      clearFilters(false);
      fields.rule.value = String(sections[sectionIndex].getAttribute('data-r'));
      filter();
    } else if (index >= 0) {
      var at = matched.indexOf(index);
      if (at < 0) {
        clearFilters(true);
        at = matched.indexOf(index);
      }
      current = Math.floor(at / pageSize);
      render(true);
    }
    target.scrollIntoView();
  }

  function clearFilters(apply) {
    fields.rule.value = '';
    fields.sc.value = '';
    fields.page.value = '';
    fields.text.value = '';
    var inputs = form.querySelectorAll('input[type="checkbox"]');
    for (var k = 0; k < inputs.length; k++) inputs[k].checked = true;
    var anyStatus = form.querySelector('input[name="status"][value=""]');
    if (anyStatus) anyStatus.checked = true;
    if (apply) filter();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault(); // Enter in a search field filters at once; nothing is sent
    if (debounce !== null) clearTimeout(debounce);
    filter();
  });
  form.addEventListener('change', function (event) {
    if (event.target === fields.page || event.target === fields.text) return;
    filter();
  });
  fields.page.addEventListener('input', filterSoon);
  fields.text.addEventListener('input', filterSoon);
  fields.clear.addEventListener('click', function () {
    clearFilters(true);
  });
  pagers.forEach(function (pager) {
    if (!pager) return;
    var bottom = pager.id === 'pager-bottom';
    pager.querySelector('.prev').addEventListener('click', function () {
      go(-1, bottom);
    });
    pager.querySelector('.next').addEventListener('click', function () {
      go(1, bottom);
    });
  });
  // Before the browser follows an in-page link (the hash may already be the same, and then no
  // hashchange comes).
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link) reveal(decodeURIComponent(link.getAttribute('href').slice(1)));
  });
  window.addEventListener('hashchange', function () {
    reveal(decodeURIComponent(location.hash.slice(1)));
  });

  document.getElementById('filters').hidden = false;
  matched = entries.map(function (entry, k) {
    return k;
  });
  render(true);
  if (location.hash) reveal(decodeURIComponent(location.hash.slice(1)));
})();
