/* graphkit influence map: filters, search, evidence tooltips and panel around vis-network.
   Article text is untrusted: every string from the data reaches the page through
   textContent or a property, never through innerHTML, and only http(s) URLs become links. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script && script.closest ? script.closest(".graphkit-map") : null;
  if (!root) {
    // Hosts that re-insert scripts may run this without currentScript: take the last map
    // on the page that has not started yet.
    var waiting = document.querySelectorAll(".graphkit-map:not([data-ready])");
    root = waiting[waiting.length - 1] || null;
  }
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");

  var data = JSON.parse(root.querySelector("script.gk-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var canvas = root.querySelector(".gk-canvas");
  var tip = root.querySelector(".gk-tip");
  var panel = root.querySelector(".gk-panel");
  var status = root.querySelector(".gk-status");
  var state = {
    network: null, nodes: nodes, edges: edges, data: data, root: root,
    stable: false, startedAt: performance.now(), createdAt: null, stableAt: null,
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clip(text, limit) {
    return limit && text.length > limit ? text.slice(0, limit - 1) + "\u2026" : text;
  }
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function relationLine(e) {
    return byId[e.from].label + " " + data.verbs[e.type] + " " + byId[e.to].label;
  }

  function quoteList(evidence, limit, clipAt) {
    var list = el("ul", "gk-evs");
    evidence.slice(0, limit || evidence.length).forEach(function (ev) {
      var item = el("li", "gk-ev");
      item.appendChild(el("q", null, clip(ev.text, clipAt)));
      var where = [ev.source || "unknown outlet", ev.date || "undated",
        "article " + ev.article + (ev.part ? "#" + ev.part : "")];
      if (ev.title) where.push(clip(ev.title, 80));
      var meta = el("div", "gk-meta", where.join(" \u00b7 "));
      if (!clipAt && ev.url && /^https?:\/\/[^\s]+$/i.test(ev.url)) {
        var link = el("a", null, "open article");
        link.href = ev.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        meta.appendChild(link);
      }
      item.appendChild(meta);
      list.appendChild(item);
    });
    if (limit && evidence.length > limit) {
      list.appendChild(el("li", "gk-sub", "+ " + (evidence.length - limit) + " more; click to read all"));
    }
    return list;
  }

  function edgeView(id, brief) {
    var e = edges.get(id);
    var box = el("div");
    box.appendChild(el("h3", null, relationLine(e)));
    box.appendChild(el("p", "gk-sub", plural(e.count, "piece") + " of evidence"));
    box.appendChild(quoteList(e.evidence, brief ? 2 : 0, brief ? 240 : 0));
    return box;
  }

  function nodeView(id, brief) {
    var n = byId[id];
    var box = el("div");
    box.appendChild(el("h3", null, n.label));
    var sub = n.kind + " \u00b7 " + plural(n.weight, "piece") + " of evidence";
    box.appendChild(el("p", "gk-sub", sub));
    if (n.aliases.length) box.appendChild(el("p", "gk-sub", "Also: " + n.aliases.join(", ")));
    var touching = edges.get({
      filter: function (e) { return (e.from === id || e.to === id) && !e.hidden; },
    }).sort(function (a, b) { return b.count - a.count || (a.id < b.id ? -1 : 1); });
    touching.slice(0, brief ? 3 : touching.length).forEach(function (e) {
      box.appendChild(el("h4", null, relationLine(e) + " (" + e.count + ")"));
      box.appendChild(quoteList(e.evidence, brief ? 1 : 0, brief ? 200 : 0));
    });
    if (brief && touching.length > 3) {
      box.appendChild(el("p", "gk-sub", "+ " + (touching.length - 3) + " more relations; click to read all"));
    }
    return box;
  }

  function showPanel(view) {
    panel.replaceChildren(view);
    panel.scrollTop = 0;
  }
  function showTip(view, pointer) {
    tip.replaceChildren(view);
    tip.hidden = false;
    var maxX = canvas.clientWidth - tip.offsetWidth - 8;
    var maxY = canvas.clientHeight - tip.offsetHeight - 8;
    tip.style.left = Math.max(4, Math.min(pointer.x + 14, maxX)) + "px";
    tip.style.top = Math.max(4, Math.min(pointer.y + 14, maxY)) + "px";
  }
  function hideTip() { tip.hidden = true; }

  function checked(selector, attr) {
    var on = {};
    root.querySelectorAll(selector).forEach(function (box) { on[box.getAttribute(attr)] = box.checked; });
    return on;
  }
  function applyFilters() {
    var kinds = checked("input[data-kind]", "data-kind");
    var types = checked("input[data-type]", "data-type");
    var unlinked = root.querySelector("input[data-unlinked]");
    var showUnlinked = !unlinked || unlinked.checked;
    var shown = {};
    // Only changed items are updated: vis-network re-reads every item it is given, which
    // for ten thousand edges would freeze the page for a moment on each click.
    var nodeChanges = [];
    data.nodes.forEach(function (n) {
      shown[n.id] = kinds[n.kind] !== false && (n.linked || showUnlinked);
      if (!nodes.get(n.id).hidden !== shown[n.id]) nodeChanges.push({ id: n.id, hidden: !shown[n.id] });
    });
    var edgeChanges = [];
    data.edges.forEach(function (e) {
      var show = types[e.type] !== false && shown[e.from] && shown[e.to];
      if (!edges.get(e.id).hidden !== show) edgeChanges.push({ id: e.id, hidden: !show });
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    hideTip();
    var seen = visible();
    status.textContent = seen.nodes.length + " of " + data.nodes.length + " actors, " +
      seen.edges.length + " of " + data.edges.length + " relations";
  }
  function visible() {
    var open = { filter: function (item) { return !item.hidden; } };
    return { nodes: nodes.getIds(open), edges: edges.getIds(open) };
  }

  var names = [];
  data.nodes.forEach(function (n) {
    [n.label, n.id].concat(n.aliases).forEach(function (name) { names.push([fold(name), n.id]); });
  });
  function findActor(query) {
    var q = fold(query);
    if (!q) return null;
    var tests = [
      function (name) { return name === q; },
      function (name) { return name.indexOf(q) === 0; },
      function (name) { return name.indexOf(q) >= 0; },
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < names.length; i++) if (tests[t](names[i][0])) return names[i][1];
    }
    return null;
  }
  function focusActor(query) {
    var id = findActor(query);
    if (!id) {
      status.textContent = "No actor matches \u201c" + query + "\u201d";
      return null;
    }
    var boxes = [root.querySelector('input[data-kind="' + byId[id].kind + '"]')];
    if (!byId[id].linked) boxes.push(root.querySelector("input[data-unlinked]"));
    var changed = false;
    boxes.forEach(function (box) {
      if (box && !box.checked) changed = box.checked = true;
    });
    if (changed) applyFilters();
    state.network.selectNodes([id]);
    state.network.focus(id, { scale: 1.3, animation: { duration: 300 } });
    showPanel(nodeView(id, false));
    status.textContent = "Showing " + byId[id].label;
    return id;
  }

  // The layout is fitted to the canvas, which on a big graph shrinks 14 px labels below
  // the drawing threshold. The most-evidenced actors' labels are then enlarged so that they
  // read on opening (vis-network caps them at maxVisible on zoom); the others appear on zoom.
  function sizeLabels() {
    var scale = state.network.getScale();
    var base = data.options.nodes.font.size;
    var size = Math.min(Math.max(base, Math.ceil(data.majorLabelPx / scale)), base * 6);
    var changes = data.nodes.filter(function (n) { return n.major; }).map(function (n) {
      return { id: n.id, font: { size: size } };
    });
    if (changes.length) nodes.update(changes);
    state.labelScale = scale;
  }

  function freeze() {
    if (state.stable) return;
    state.network.setOptions({ physics: false });
    state.network.fit({ animation: false });
    sizeLabels();
    state.stable = true;
    state.stableAt = performance.now();
    root.setAttribute("data-stable", "1");
    applyFilters();
  }

  var network = new vis.Network(canvas, { nodes: nodes, edges: edges }, data.options);
  state.network = network;
  state.createdAt = performance.now();
  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out\u2026 " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", freeze);
  network.once("stabilized", freeze);
  if (!data.nodes.length) freeze();

  network.on("hoverNode", function (p) { showTip(nodeView(p.node, true), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeView(p.edge, true), p.pointer.DOM); });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) showPanel(nodeView(p.nodes[0], false));
    else if (p.edges.length) showPanel(edgeView(p.edges[0], false));
  });

  root.querySelectorAll("input[data-kind], input[data-type], input[data-unlinked]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  var list = root.querySelector("datalist");
  data.nodes.slice().sort(function (a, b) { return a.label < b.label ? -1 : 1; }).forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.label;
    list.appendChild(option);
  });
  var form = root.querySelector(".gk-search");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    focusActor(form.querySelector("input").value);
  });

  state.visible = visible;
  state.focusActor = focusActor;
  state.applyFilters = applyFilters;
  window.graphkitMaps = (window.graphkitMaps || []).concat([state]);
  window.graphkitMap = state;
})();
