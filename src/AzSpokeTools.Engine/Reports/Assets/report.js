/* AzSpokeTools estate report: renders the embedded data (docs/schemas/estate-report.schema.json). No network access. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var KIND_COLOURS = {
    Local: '#718096', Direct: '#2f855a', Mesh: '#0f8a8a', Appliance: '#dd6b20', VpnGateway: '#b7791f',
    ExpressRouteHairpin: '#c53030', VirtualWanHub: '#6b46c1', None: '#1a202c'
  };
  var FWD = '#1f6feb', REV = '#d9480f';
  var n = D.vnets.length;
  var position = new Int32Array(n);
  D.matrix.order.forEach(function (v, p) { position[v] = p; });
  var vnetById = {};
  D.vnets.forEach(function (v, i) { vnetById[v.id.toLowerCase()] = i; });
  var groupByResource = {};
  D.groups.forEach(function (g, i) { groupByResource[g.resourceId.toLowerCase()] = i; });
  var deviceGroups = {};
  Object.keys(D.map.deviceGroups).forEach(function (k) { deviceGroups[k.toLowerCase()] = D.map.deviceGroups[k]; });
  var pathIndex = {}, classIndex = {};
  function indexPaths() {
    D.paths.forEach(function (p, k) {
      pathIndex[p.from + ',' + p.to] = k;
      var key = D.vnets[p.from].group + ',' + D.vnets[p.to].group + ',' + cellValue(p.from, p.to);
      if (!(key in classIndex) || (!D.paths[classIndex[key]].example && p.example)) classIndex[key] = k;
    });
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'onclick') e.addEventListener('click', attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function kindBadge(kind) { return el('span', { 'class': 'kind', style: 'background:' + (KIND_COLOURS[kind] || '#4a5568'), text: kind }); }
  function fmt(x) { return Number(x).toLocaleString('en-US'); }

  /* ---- pair matrix: run-length encoded rows in group order ---- */
  var decoded = {};
  function row(r) {
    if (decoded[r]) return decoded[r];
    var tokens = D.matrix.rows[r].split(','), starts = new Int32Array(tokens.length), values = new Int32Array(tokens.length), at = 0;
    for (var t = 0; t < tokens.length; t++) {
      var parts = tokens[t].split('*');
      starts[t] = at; values[t] = parseInt(parts[0], 36);
      at += parts.length > 1 ? parseInt(parts[1], 36) : 1;
    }
    return (decoded[r] = { starts: starts, values: values });
  }
  function cellValue(i, j) {
    var r = D.matrix.rowOf[i];
    if (r < 0 || i === j) return -1;
    var d = row(r), p = position[j], lo = 0, hi = d.starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (d.starts[mid] <= p) lo = mid; else hi = mid - 1; }
    return d.values[lo];
  }
  function pairInfo(i, j) {
    var v = cellValue(i, j);
    if (v < 0) return null;
    var s = D.summaries[Math.floor(v / 3)], c = v % 3;
    return { summary: s, compliant: c === 0 ? null : c === 1, value: v };
  }

  /* ---- header stats ---- */
  function stats() {
    var box = document.getElementById('stats');
    function stat(label, value, id) { box.appendChild(el('div', { 'class': 'stat', id: id }, [el('b', { text: value }), label])); }
    stat('VNets', fmt(n), 'stat-vnets');
    stat('groups', fmt(D.groups.length), 'stat-groups');
    stat('ordered pairs', fmt(D.summary.pairs), 'stat-pairs');
    stat('intent violations', fmt(D.summary.violations), 'stat-violations');
    var findings = D.readiness.findings.length;
    stat('readiness findings', fmt(findings) + (D.readiness.ready === false ? ' (not ready)' : ''), 'stat-findings');
    var kinds = document.getElementById('kinds');
    Object.keys(D.summary.byKind).forEach(function (k) {
      kinds.appendChild(el('span', null, [kindBadge(k), ' ' + fmt(D.summary.byKind[k])]));
    });
  }

  /* ---- map ---- */
  var mapBox = document.getElementById('map'), viewSelect = document.getElementById('view'), currentView = null, currentPath = null;
  function viewByKey(key) { for (var i = 0; i < D.map.views.length; i++) if (D.map.views[i].key === key) return D.map.views[i]; return null; }
  function showView(key) {
    var v = viewByKey(key);
    if (!v) return;
    currentView = v;
    mapBox.innerHTML = v.svg;
    viewSelect.value = key;
    var svg = mapBox.querySelector('svg');
    svg.setAttribute('data-view', key);
    var crumbs = document.getElementById('crumbs');
    crumbs.innerHTML = '';
    if (v.kind === 'group') {
      crumbs.appendChild(el('a', { onclick: function () { showView('overview'); redraw(); }, text: 'Overview' }));
      crumbs.appendChild(document.createTextNode(' \u203a ' + v.title + (v.omitted ? ' (first ' + (D.groups[v.group].members.length - v.omitted) + ' of ' + D.groups[v.group].members.length + ' VNets shown)' : '')));
    } else crumbs.appendChild(document.createTextNode(v.title));
    if (v.kind === 'overview') {
      mapBox.classList.add('clickable');
      Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) {
        var g = groupByResource[(node.getAttribute('data-resource-id') || '').toLowerCase()];
        if (g === undefined || !D.groups[g].view) return;
        node.setAttribute('data-group', g);
        node.addEventListener('click', function () { showView(D.groups[g].view); redraw(); });
      });
    } else mapBox.classList.remove('clickable');
  }
  function redraw() { if (currentPath) highlight(currentPath.record, false); }
  function nodesById(svg) {
    var m = {};
    Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) { m[(node.getAttribute('data-resource-id') || '').toLowerCase()] = node; });
    return m;
  }
  /* The node ids a path's hops stand at in a view: exact nodes, or on the overview the group holding each hop. */
  function anchors(at, view, nodes) {
    var out = [];
    at.forEach(function (id) {
      var key = (id || '').toLowerCase(), node = nodes[key];
      if (!node && view.kind === 'overview') {
        var g = key in vnetById ? D.vnets[vnetById[key]].group : deviceGroups[key];
        if (g !== undefined) node = nodes[D.groups[g].resourceId.toLowerCase()];
      }
      if (node && (out.length === 0 || out[out.length - 1] !== node)) out.push(node);
    });
    return out;
  }
  function bestView(record) {
    var all = record.forwardAt.concat(record.reverseAt).filter(function (x) { return x; });
    if (viewByKey('full')) return 'full';
    var g = D.vnets[record.from].group;
    if (g === D.vnets[record.to].group && D.groups[g].view) {
      var svgText = viewByKey(D.groups[g].view).svg.toLowerCase();
      if (all.every(function (id) { return svgText.indexOf('data-resource-id="' + id.toLowerCase() + '"') >= 0; })) return D.groups[g].view;
    }
    return 'overview';
  }
  function highlight(record, chooseView) {
    if (chooseView) showView(bestView(record));
    var svg = mapBox.querySelector('svg'), layer = svg.querySelector('g.diagram');
    Array.prototype.forEach.call(svg.querySelectorAll('.node.hl'), function (x) { x.classList.remove('hl'); x.removeAttribute('data-hl-step'); x.removeAttribute('data-hl-reverse-step'); });
    var old = svg.querySelector('.hl-overlay'); if (old) old.remove();
    var nodes = nodesById(svg), ns = 'http://www.w3.org/2000/svg';
    var overlay = document.createElementNS(ns, 'g'); overlay.setAttribute('class', 'hl-overlay');
    function centre(node) { var b = node.getBBox(); return { x: b.x + b.width / 2, y: b.y + b.height / 2, h: b.height }; }
    function draw(list, colour, reverse) {
      list.forEach(function (node, k) {
        node.classList.add('hl');
        var attr = reverse ? 'data-hl-reverse-step' : 'data-hl-step';
        node.setAttribute(attr, ((node.getAttribute(attr) || '') + ' ' + (k + 1)).trim());
        var c = centre(node);
        if (k > 0) {
          var p = centre(list[k - 1]), off = reverse ? 5 : -5;
          var line = document.createElementNS(ns, 'line');
          line.setAttribute('x1', p.x + off); line.setAttribute('y1', p.y + off); line.setAttribute('x2', c.x + off); line.setAttribute('y2', c.y + off);
          line.setAttribute('stroke', colour); line.setAttribute('stroke-width', '4'); line.setAttribute('opacity', '0.8');
          if (reverse) line.setAttribute('stroke-dasharray', '8 5');
          overlay.appendChild(line);
        }
        var badge = document.createElementNS(ns, 'g'); badge.setAttribute('class', 'hl-badge');
        var bx = c.x + (reverse ? 14 : -14), by = c.y - c.h / 2 - 2;
        var circle = document.createElementNS(ns, 'circle'); circle.setAttribute('cx', bx); circle.setAttribute('cy', by); circle.setAttribute('r', '9'); circle.setAttribute('fill', colour);
        var text = document.createElementNS(ns, 'text'); text.setAttribute('x', bx); text.setAttribute('y', by + 4); text.setAttribute('text-anchor', 'middle'); text.textContent = (reverse ? 'R' : '') + (k + 1);
        badge.appendChild(circle); badge.appendChild(text); overlay.appendChild(badge);
      });
    }
    var fwd = anchors(record.forwardAt, currentView, nodes), rev = anchors(record.reverseAt, currentView, nodes);
    draw(rev, REV, true);
    draw(fwd, FWD, false);
    (layer || svg).appendChild(overlay);
    svg.setAttribute('data-highlighted', fwd.length);
  }

  /* ---- explorer ---- */
  var chosen = { source: null, destination: null };
  function picker(id) {
    var box = document.getElementById(id), input = box.querySelector('input'), list = box.querySelector('ul');
    function fill() {
      var q = input.value.trim().toLowerCase(), shown = 0;
      list.innerHTML = '';
      for (var i = 0; i < n && shown < 30; i++) {
        var v = D.vnets[i];
        // Names match anywhere; resource ids only for a query that looks like one (a GUID would match almost any text).
        if (q && v.name.toLowerCase().indexOf(q) < 0 && (q.indexOf('/') < 0 || v.id.toLowerCase().indexOf(q) < 0)) continue;
        shown++;
        (function (i) {
          list.appendChild(el('li', { 'data-index': i, onclick: function () { choose(i); } }, [v.name + ' ', el('small', { text: v.region + ' \u00b7 ' + D.groups[v.group].label })]));
        })(i);
      }
      list.classList.toggle('open', shown > 0 && document.activeElement === input);
    }
    function choose(i) {
      input.value = D.vnets[i].name;
      list.classList.remove('open');
      chosen[id] = i;
      if (chosen.source != null && chosen.destination != null) showPair(chosen.source, chosen.destination);
    }
    input.addEventListener('input', fill);
    input.addEventListener('focus', fill);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var first = list.querySelector('li'); if (first) choose(+first.getAttribute('data-index')); }
    });
    input.addEventListener('blur', function () { setTimeout(function () { list.classList.remove('open'); }, 200); });
    return { set: function (i) { input.value = D.vnets[i].name; chosen[id] = i; } };
  }
  var pickSource, pickDestination;
  function hopsTable(path, at, direction) {
    var t = el('table', { 'class': 'hops ' + direction }, [el('tr', null, ['#', 'Location', 'Prefix', 'Source', 'Next hop', 'Next hop IP'].map(function (h) { return el('th', { text: h }); }))]);
    path.hops.forEach(function (h, k) {
      var r = h.route || {};
      t.appendChild(el('tr', { 'data-at': at[k] || '' }, [
        el('td', { text: String(k + 1) }), el('td', { text: h.location }), el('td', { text: r.addressPrefix || '' }),
        el('td', { text: r.source || '' }), el('td', { text: r.nextHopType || '' }), el('td', { text: (r.nextHopIpAddress || []).join(', ') })]));
    });
    return t;
  }
  function showPair(i, j) {
    pickSource.set(i); pickDestination.set(j);
    var out = document.getElementById('result');
    out.innerHTML = '';
    var info = pairInfo(i, j);
    if (!info) { out.appendChild(el('p', { 'class': 'note', text: i === j ? 'Choose two different VNets.' : 'This VNet is not in the pair matrix (see skipped VNets).' })); return; }
    var s = info.summary, card = el('div', { 'class': 'card', id: 'pair-result', 'data-pair': i + ',' + j });
    card.appendChild(el('div', null, [el('b', { text: D.vnets[i].name + ' \u2192 ' + D.vnets[j].name }), ' ', kindBadge(s.kind), ' ' + s.outcome]));
    card.appendChild(el('div', { 'class': 'note', text: 'Transits: ' + (s.transits.length ? s.transits.join(', ') : 'none') }));
    if (info.compliant !== null) card.appendChild(el('div', { 'class': info.compliant ? 'good' : 'bad', text: info.compliant ? 'Meets the intent' : 'Violates the intent' }));
    out.appendChild(card);
    var k = pathIndex[i + ',' + j], exact = k !== undefined;
    if (!exact) k = classIndex[D.vnets[i].group + ',' + D.vnets[j].group + ',' + info.value];
    if (k === undefined) {
      out.appendChild(el('p', { 'class': 'note', text: 'No traced path of this class is embedded; run: azspoke path --from ' + D.vnets[i].name + ' --to ' + D.vnets[j].name }));
      currentPath = null;
      return;
    }
    var record = D.paths[k], p = record.path;
    if (!exact) out.appendChild(el('p', { 'class': 'note', id: 'example-note', text: 'The hops below are those of ' + D.vnets[record.from].name + ' \u2192 ' + D.vnets[record.to].name +
      ', traced as the example of every pair between these groups with the same result. For this exact pair run: azspoke path --from ' + D.vnets[i].name + ' --to ' + D.vnets[j].name }));
    if (p.intended) out.appendChild(el('div', null, ['Intended: ' + p.intended.join(' or ') + (p.compliant === false ? ' \u2014 ' : ''), p.compliant === false ? el('span', { 'class': 'bad', text: 'not compliant' }) : '']));
    if (p.symmetric === false) out.appendChild(el('div', { 'class': 'bad', text: 'Asymmetric: the reverse path crosses other devices' }));
    out.appendChild(el('h3', { text: 'Forward path' }));
    out.appendChild(el('div', { 'class': 'hopbox' }, [hopsTable(p, record.forwardAt, 'forward')]));
    if (p.reverse) { out.appendChild(el('h3', { text: 'Reverse path' })); out.appendChild(el('div', { 'class': 'hopbox' }, [hopsTable(p.reverse, record.reverseAt, 'reverse')])); }
    if (p.reasons.length) {
      out.appendChild(el('h3', { text: 'Reasons' }));
      out.appendChild(el('ul', { id: 'reasons' }, p.reasons.map(function (r) { return el('li', { text: r }); })));
    }
    currentPath = { record: record };
    highlight(record, true);
    document.getElementById('explorer').scrollIntoView({ block: 'nearest' });
  }
  function pairButton(i, j, label) {
    return el('button', { 'class': 'pair', 'data-pair': i + ',' + j, onclick: function () { showPair(i, j); }, text: label || (D.vnets[i].name + ' \u2192 ' + D.vnets[j].name) });
  }

  /* ---- heatmap ---- */
  var heatBy = 'group';
  function heatmap() {
    var box = document.getElementById('heat'), cells = D.heatmap[heatBy], labels = heatBy === 'group' ? D.groups.map(function (g) { return g.label; }) : D.regions;
    var agg = {};
    cells.forEach(function (c) {
      var key = c[0] + ',' + c[1], a = agg[key] || (agg[key] = { pairs: 0, violations: 0, byKind: {} });
      a.pairs += c[3]; a.violations += c[4]; a.byKind[D.kinds[c[2]]] = (a.byKind[D.kinds[c[2]]] || 0) + c[3];
    });
    var t = el('table', { 'class': 'heat' });
    t.appendChild(el('tr', null, [el('th', { text: 'from \\ to' })].concat(labels.map(function (l) { return el('th', { text: l }); }))));
    labels.forEach(function (la, a) {
      var tr = el('tr', null, [el('th', { 'class': 'rowh', text: la })]);
      labels.forEach(function (lb, b) {
        var x = agg[a + ',' + b];
        if (!x) { tr.appendChild(el('td')); return; }
        var top = Object.keys(x.byKind).sort(function (p, q) { return x.byKind[q] - x.byKind[p]; })[0];
        var td = el('td', {
          'class': 'cell' + (x.violations ? ' viol' : ''), style: 'background:' + KIND_COLOURS[top], 'data-from': a, 'data-to': b,
          title: Object.keys(x.byKind).map(function (k) { return k + ': ' + fmt(x.byKind[k]); }).join('\n') + (x.violations ? '\nviolations: ' + fmt(x.violations) : ''),
          text: fmt(x.pairs)
        });
        td.addEventListener('click', function () {
          Array.prototype.forEach.call(t.querySelectorAll('.sel'), function (s) { s.classList.remove('sel'); });
          td.classList.add('sel');
          cellPairs(a, b, la, lb, x);
        });
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    box.innerHTML = '';
    box.appendChild(t);
  }
  function cellPairs(a, b, la, lb, x) {
    var box = document.getElementById('cell-pairs'), list = [], inA, inB;
    function members(idx) {
      return heatBy === 'group' ? D.groups[idx].members : D.vnets.map(function (v, i) { return v.region === D.regions[idx] ? i : -1; }).filter(function (i) { return i >= 0; });
    }
    inA = members(a); inB = members(b);
    for (var p = 0; p < inA.length && list.length < 60; p++)
      for (var q = 0; q < inB.length && list.length < 60; q++) {
        if (inA[p] === inB[q]) continue;
        var info = pairInfo(inA[p], inB[q]);
        if (info) list.push([inA[p], inB[q], info]);
      }
    box.innerHTML = '';
    box.appendChild(el('h3', { text: la + ' \u2192 ' + lb + ': ' + fmt(x.pairs) + ' pairs' + (x.violations ? ', ' + fmt(x.violations) + ' violating intent' : '') }));
    box.appendChild(el('div', { 'class': 'pairlist' }, list.map(function (e) {
      return pairButton(e[0], e[1], D.vnets[e[0]].name + ' \u2192 ' + D.vnets[e[1]].name + ' (' + e[2].summary.kind + (e[2].compliant === false ? ', violation' : '') + ')');
    })));
    if (x.pairs > list.length) box.appendChild(el('p', { 'class': 'note', text: 'First ' + list.length + ' pairs shown; pick any pair in the explorer.' }));
  }

  /* ---- intent ---- */
  function intent() {
    var box = document.getElementById('rules');
    if (!D.rules.length) { box.appendChild(el('p', { 'class': 'note', text: 'No intent applies (no intent file and no AVNM connectivity configuration).' })); return; }
    var t = el('table', null, [el('tr', null, ['Rule', 'Expected kinds', 'Pairs', 'Violations'].map(function (h) { return el('th', { text: h }); }))]);
    D.rules.forEach(function (r) {
      t.appendChild(el('tr', null, [el('td', { text: r.name }), el('td', { text: r.expect.join(', ') }), el('td', { text: fmt(r.pairs) }),
        el('td', { 'class': r.failed ? 'bad' : 'good', text: fmt(r.failed) })]));
    });
    box.appendChild(t);
    var examples = D.paths.filter(function (p) { return p.path.compliant === false && !p.example; });
    var list = document.getElementById('violations');
    if (!examples.length) { list.appendChild(el('p', { 'class': 'good', text: 'No pair violates the intent.' })); return; }
    list.appendChild(el('p', { 'class': 'note', text: 'Violating pairs (the first per rule, traced in full); click one to see its path on the map.' }));
    examples.slice(0, 200).forEach(function (p) {
      list.appendChild(el('div', { 'class': 'card violation' }, [
        pairButton(p.from, p.to), ' ', kindBadge(p.path.kind), ' expected ' + (p.path.intended || []).join(' or '),
        el('ul', null, p.path.reasons.map(function (r) { return el('li', { text: r }); }))]));
    });
  }

  /* ---- readiness ---- */
  function readiness() {
    var box = document.getElementById('readiness-body'), R = D.readiness;
    if (R.error) { box.appendChild(el('p', { 'class': 'note', text: 'Not checked: ' + R.error })); return; }
    box.appendChild(el('p', null, [el('b', { 'class': R.ready ? 'good' : 'bad', text: R.ready ? 'Ready for AVNM mesh' : 'Not ready for AVNM mesh' }),
      ' \u2014 ' + R.selection + '; ' + R.findings.length + ' findings']));
    var rules = {}; R.findings.forEach(function (f) { rules[f.ruleId] = (rules[f.ruleId] || 0) + 1; });
    var filter = el('input', { placeholder: 'filter findings', id: 'finding-filter' }), rule = el('select', null, [el('option', { value: '', text: 'every rule' })].concat(
      Object.keys(rules).sort().map(function (r) { return el('option', { value: r, text: r + ' (' + rules[r] + ')' }); })));
    var holder = el('div', { 'class': 'scroll' });
    function render() {
      var q = filter.value.toLowerCase(), shown = 0;
      var t = el('table', null, [el('tr', null, ['Rule', 'Severity', 'Resource', 'Message', 'Fix'].map(function (h) { return el('th', { text: h }); }))]);
      for (var i = 0; i < R.findings.length && shown < 300; i++) {
        var f = R.findings[i];
        if (rule.value && f.ruleId !== rule.value) continue;
        if (q && (f.message + ' ' + f.resourceId).toLowerCase().indexOf(q) < 0) continue;
        shown++;
        t.appendChild(el('tr', { 'class': 'finding' }, [el('td', { text: f.ruleId }), el('td', { 'class': f.severity === 'Error' ? 'bad' : '', text: f.severity }),
          el('td', { text: f.resourceId.split('/').pop(), title: f.resourceId }), el('td', { text: f.message }), el('td', { text: f.fix })]));
      }
      holder.innerHTML = '';
      holder.appendChild(t);
    }
    filter.addEventListener('input', render); rule.addEventListener('change', render);
    box.appendChild(el('div', { 'class': 'toolbar' }, [filter, rule]));
    box.appendChild(holder);
    render();
  }

  /* ---- migration plan ---- */
  function plan() {
    var section = document.getElementById('plan');
    if (!D.plan) { section.style.display = 'none'; document.getElementById('nav-plan').style.display = 'none'; return; }
    var box = document.getElementById('plan-body'), P = D.plan;
    var t = el('table', { id: 'waves' }, [el('tr', null, ['Wave', 'Name', 'VNets', 'Regions', 'Limits', 'Why'].map(function (h) { return el('th', { text: h }); }))]);
    P.waves.forEach(function (w) {
      t.appendChild(el('tr', null, [el('td', { text: String(w.number) }), el('td', { text: w.name }), el('td', { text: w.members.length + ': ' + w.members.slice(0, 12).join(', ') + (w.members.length > 12 ? ', ...' : '') }),
        el('td', { text: w.regions.join(', ') }), el('td', { 'class': w.withinLimits ? 'good' : 'bad', text: w.withinLimits ? 'ok' : 'exceeded' }), el('td', { text: w.why })]));
    });
    box.appendChild(el('h3', { text: 'Waves' })); box.appendChild(t);
    if (P.whatIf) {
      var W = P.whatIf, kinds = {};
      Object.keys(W.before).concat(Object.keys(W.after)).forEach(function (k) { kinds[k] = 1; });
      var wt = el('table', { id: 'whatif' }, [el('tr', null, ['Kind', 'Before', 'After'].map(function (h) { return el('th', { text: h }); }))]);
      Object.keys(kinds).forEach(function (k) { wt.appendChild(el('tr', null, [el('td', null, [kindBadge(k)]), el('td', { text: fmt(W.before[k] || 0) }), el('td', { text: fmt(W.after[k] || 0) })])); });
      box.appendChild(el('h3', { text: 'What-if: ' + fmt(W.pairs) + ' member pairs before and after' })); box.appendChild(wt);
      box.appendChild(el('p', null, [el('span', { 'class': W.losingConnectivity ? 'bad' : 'good', text: fmt(W.losingConnectivity) + ' pairs lose connectivity' }), '; ',
        el('span', { 'class': W.losingInspection ? 'bad' : 'good', text: fmt(W.losingInspection) + ' pairs lose inspection' })]));
      var tt = el('table', null, [el('tr', null, [el('th', { text: 'Transition' }), el('th', { text: 'Pairs' })])]);
      Object.keys(W.transitions).forEach(function (k) { tt.appendChild(el('tr', null, [el('td', { text: k }), el('td', { text: fmt(W.transitions[k]) })])); });
      box.appendChild(tt);
    }
    if (P.changes.length) {
      var hasWave = P.changes.some(function (c) { return c.wave !== null; });
      var ct = el('table', null, [el('tr', null, (hasWave ? ['Wave'] : []).concat(['From', 'To', 'Before', 'After']).map(function (h) { return el('th', { text: h }); }))]);
      P.changes.slice(0, 300).forEach(function (c) {
        ct.appendChild(el('tr', null, (hasWave ? [el('td', { text: String(c.wave) })] : []).concat([el('td', { text: c.from }), el('td', { text: c.to }), el('td', { text: c.before }), el('td', { text: c.after })])));
      });
      box.appendChild(el('h3', { text: 'Pairs whose path changes (' + fmt(P.changedPairs) + ')' }));
      box.appendChild(el('div', { 'class': 'scroll' }, [ct]));
    }
  }

  /* ---- start ---- */
  indexPaths();
  stats();
  D.map.views.forEach(function (v) { viewSelect.appendChild(el('option', { value: v.key, text: v.title })); });
  viewSelect.addEventListener('change', function () { showView(viewSelect.value); redraw(); });
  showView(viewByKey('full') ? 'full' : 'overview');
  pickSource = picker('source'); pickDestination = picker('destination');
  document.getElementById('heat-by').addEventListener('change', function (e) { heatBy = e.target.value; heatmap(); document.getElementById('cell-pairs').innerHTML = ''; });
  heatmap(); intent(); readiness(); plan();
  if (D.skipped.length) document.getElementById('skipped').textContent = 'Not in the matrix: ' + D.skipped.join('; ');
  window.azspokeReport = { showPair: showPair, showView: showView, cell: pairInfo };
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-ready', 'true');
})();
