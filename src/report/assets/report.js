/* kontinuitet report, page script: the staff filter shared by Gantt, stop table and map;
   visit details on hover and keyboard focus (read from the visit's row in the stop table
   its chart names: a re-plan's page has two charts, before and after);
   the team filter of the 14-day strips; charts drawn with uPlot from their JSON. Inlined
   into the page at report time; no network, no eval, no inline styles (strict CSP). */
(function () {
  'use strict';
  var $ = function (selector, root) { return (root || document).querySelector(selector); };
  var $$ = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };
  var locale = document.documentElement.lang === 'sv' ? 'sv-SE' : 'en-GB';

  function setupStaffFilter() {
    var team = $('#team-filter');
    var staff = $('#staff-filter');
    if (!team || !staff) return;
    var rows = $$('.g-row');
    var stopRows = [];
    $$('.gantt[data-table]').forEach(function (g) { stopRows = stopRows.concat($$('#' + g.dataset.table + ' tr[data-staff]')); });
    var routes = $$('#map .route');
    var homes = $$('#map .home');
    var areas = $$('#map .area');
    var count = $('#filter-count');
    var teamOf = {};
    rows.forEach(function (r) { teamOf[r.dataset.staff] = r.dataset.team; });
    var ids = Object.keys(teamOf);
    var homeStaff = homes.map(function (h) { return h.dataset.staff ? h.dataset.staff.split(' ') : []; });

    function apply() {
      var t = team.value;
      var s = staff.value;
      var show = function (id) { return s ? id === s : !t || teamOf[id] === t; };
      rows.forEach(function (r) { r.hidden = !show(r.dataset.staff); });
      stopRows.forEach(function (r) { r.hidden = !show(r.dataset.staff); });
      routes.forEach(function (p) { p.classList.toggle('off', !show(p.dataset.staff)); });
      homes.forEach(function (h, i) { h.classList.toggle('dim', Boolean(s || t) && !homeStaff[i].some(show)); });
      var areaTeam = s ? teamOf[s] : t;
      areas.forEach(function (a) { a.classList.toggle('dim', Boolean(areaTeam) && a.dataset.team !== areaTeam); });
      if (count) count.textContent = ids.filter(show).length + ' / ' + ids.length;
    }
    team.addEventListener('change', function () { staff.value = ''; apply(); });
    staff.addEventListener('change', apply);
    $$('.g-label[data-staff]').forEach(function (button) {
      button.addEventListener('click', function () {
        staff.value = staff.value === button.dataset.staff ? '' : button.dataset.staff;
        apply();
      });
    });
    if (count) count.textContent = ids.length + ' / ' + ids.length;
  }

  /* The 14-day strips: rows of the chosen team built from #strip-data. */
  function setupStrips() {
    var team = $('#strip-team');
    var source = $('#strip-data');
    var body = $('.strips tbody');
    if (!team || !source || !body) return;
    var data = JSON.parse(source.textContent);
    function cell(text, numeric) {
      var td = document.createElement('td');
      if (numeric) td.className = 'num';
      td.textContent = text;
      return td;
    }
    function draw() {
      var rows = document.createDocumentFragment();
      data.rows.forEach(function (r) {
        if (team.value && r[1] !== team.value) return;
        var tr = document.createElement('tr');
        tr.dataset.team = r[1];
        tr.append(cell(r[0]), cell(r[1] || '–'), cell(r[2], true));
        r[3].split('|').forEach(function (day) {
          var td = document.createElement('td');
          for (var i = 0; i < day.length; i++) {
            var box = document.createElement('i');
            box.className = 'a-' + day[i];
            box.textContent = data.letters[day[i]];
            td.append(box);
          }
          tr.append(td);
        });
        rows.append(tr);
      });
      body.replaceChildren(rows);
    }
    team.addEventListener('change', draw);
    draw();
  }

  function setupDetails() {
    var tip = $('#tip');
    if (!tip) return;
    var current = null;

    function show(mark) {
      var chart = mark.closest('.gantt[data-prefix]');
      var row = chart && document.getElementById(chart.dataset.prefix + mark.dataset.s);
      if (!row) return;
      var heads = $$('thead th', row.closest('table')).map(function (th) { return th.textContent; });
      var list = document.createElement('dl');
      $$('td', row).forEach(function (cell, i) {
        var text = cell.textContent.trim();
        if (!text) return;
        var dt = document.createElement('dt');
        dt.textContent = heads[i];
        var dd = document.createElement('dd');
        dd.textContent = text;
        list.append(dt, dd);
      });
      tip.replaceChildren(list);
      tip.hidden = false;
      var box = mark.getBoundingClientRect();
      var width = tip.offsetWidth;
      var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - width - 8);
      tip.style.left = Math.max(window.scrollX + 4, left) + 'px';
      tip.style.top = window.scrollY + box.bottom + 6 + 'px';
      current = mark;
    }
    function hide() { tip.hidden = true; current = null; }
    var markOf = function (target) { return target && target.closest ? target.closest('.v[data-s]') : null; };
    document.addEventListener('mouseover', function (e) { var m = markOf(e.target); if (m && m !== current) show(m); });
    document.addEventListener('mouseout', function (e) { if (markOf(e.target) && document.activeElement !== current) hide(); });
    document.addEventListener('focusin', function (e) { var m = markOf(e.target); if (m) show(m); else hide(); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  }

  function setupCharts() {
    if (typeof uPlot === 'undefined') return;
    var numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    var percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    $$('figure.chart').forEach(function (figure) {
      var spec = JSON.parse($('.chart-data', figure).textContent);
      var target = $('.chart-canvas', figure);
      var bars = spec.kind === 'bars';
      var width = spec.width || 600;
      var step = Math.max(1, Math.ceil((spec.x.length * (spec.xLabels ? 64 : 28)) / width));
      var xs = spec.x.filter(function (_, i) { return i % step === 0; });
      var yMax = 0;
      spec.series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null && v > yMax) yMax = v; }); });
      var yFormat = function (v) { return v === null || v === undefined ? '–' : spec.percent ? percent.format(v) : numbers.format(v); };
      var options = {
        width: width,
        height: spec.height || 240,
        legend: { show: spec.series.length > 1, live: true },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: bars ? [spec.x[0] - 0.6, spec.x[spec.x.length - 1] + 0.6] : [spec.x[0] - 0.3, spec.x[spec.x.length - 1] + 0.3] },
          y: { range: spec.percent ? [0, 1] : [0, Math.max(1, Math.ceil(yMax * 1.1))] },
        },
        axes: [
          {
            label: spec.xLabel,
            splits: function () { return xs; },
            values: function (u, splits) { return splits.map(function (v) { return spec.xLabels ? spec.xLabels[v] || '' : numbers.format(v); }); },
          },
          { label: spec.yLabel, values: function (u, splits) { return splits.map(yFormat); }, size: 56 },
        ],
        series: [{ label: spec.xLabel, value: function (u, v) { return v === null || v === undefined ? '–' : spec.xLabels ? spec.xLabels[v] || '' : numbers.format(v); } }].concat(
          spec.series.map(function (s) {
            return bars
              ? { label: s.label, stroke: s.colour, fill: s.colour, width: 0, paths: uPlot.paths.bars({ size: [0.8, 48] }), points: { show: false }, value: function (u, v) { return yFormat(v); } }
              : { label: s.label, stroke: s.colour, width: 2, points: { show: true, size: 5 }, value: function (u, v) { return yFormat(v); } };
          }),
        ),
      };
      new uPlot(options, [spec.x].concat(spec.series.map(function (s) { return s.values; })), target);
    });
  }

  setupStaffFilter();
  setupStrips();
  setupDetails();
  setupCharts();
})();
