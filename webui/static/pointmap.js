/* The map of actors as points (templates/_pointmap.html, webui/pointmap.py).
   Fetches the clustered points of the section's data-src (JSON, map units), draws them in the
   SVG over the server-drawn contours, and lists the same places in the table. Selecting a cluster
   (click, Enter) zooms in on it; "Zoom out" and "Whole map" go back. Every text from the data is
   set with textContent or setAttribute: names are shown as text, never parsed as markup.
   Sets data-state="ready" (and data-ms, the time from navigation start) once drawn. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var lang = document.documentElement.lang || "fr";
  var numbers = window.Intl ? new Intl.NumberFormat(lang) : null;
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var MAX_ROWS = 300;

  function fmt(n) { return numbers ? numbers.format(n) : String(n); }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m;
    });
  }

  function count(sec, what, n) {
    var one = plurals ? plurals.select(n) === "one" : n <= 1;
    return fill(sec.getAttribute("data-" + what + (one ? "-one" : "-other")), { n: fmt(n) });
  }

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function html(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function Map(sec) {
    this.sec = sec;
    this.svg = sec.querySelector("svg.pointmap-svg");
    this.marks = sec.querySelector("g.marks");
    this.body = sec.querySelector("tbody");
    this.status = sec.querySelector(".pointmap-status");
    this.out = sec.querySelector("[data-act=out]");
    this.reset = sec.querySelector("[data-act=reset]");
    this.views = [];
    this.first = null;
    var self = this;
    this.out.addEventListener("click", function () {
      self.views.pop();
      var back = self.views.pop();
      self.load(back || null);
    });
    this.reset.addEventListener("click", function () { self.views = []; self.load(null); });
  }

  Map.prototype.load = function (view) {
    var self = this;
    var url = this.sec.getAttribute("data-src");
    if (view) { url += (url.indexOf("?") < 0 ? "?" : "&") + "bbox=" + view.join(","); }
    this.sec.setAttribute("data-state", "loading");
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) { self.draw(data); })
      .catch(function () {
        self.status.textContent = self.sec.getAttribute("data-error");
        self.sec.setAttribute("data-state", "error");
      });
  };

  Map.prototype.zoom = function (x, y) {
    var v = this.current;
    var w = Math.max(v[2] / 4, 4), h = Math.max(v[3] / 4, 4 * v[3] / v[2]);
    this.load([x - w / 2, y - h / 2, w, h].map(function (n) { return n.toFixed(2); }));
  };

  Map.prototype.draw = function (data) {
    var self = this, sec = this.sec, v = data.view;
    this.current = v;
    this.views.push(v);
    if (!this.first) { this.first = v; }
    this.svg.setAttribute("viewBox", v.join(" "));
    var zoomed = v[2] < data.size[0] * 0.99;
    this.out.hidden = this.views.length < 2;
    this.reset.hidden = !zoomed && this.views.length < 2;
    var unit = v[2] / 600;  // map units per pixel of the full-width map
    while (this.marks.firstChild) { this.marks.removeChild(this.marks.firstChild); }
    while (this.body.firstChild) { this.body.removeChild(this.body.firstChild); }
    var frag = document.createDocumentFragment();
    var rows = [];
    data.clusters.forEach(function (c) {
      var n = c[2], place = c[4] || sec.getAttribute("data-unknown");
      var label = fill(sec.getAttribute("data-around"), { actors: count(sec, "actor", n), place: place });
      var a = el("a", { href: "#", "class": "cluster" });
      a.appendChild(el("title", {}, label));
      var r = (6 + 3 * Math.log10(n)) * unit;
      a.appendChild(el("circle", { cx: c[0], cy: c[1], r: r.toFixed(2) }));
      a.appendChild(el("text", { x: c[0], y: (c[1] + r * 0.35).toFixed(2), "font-size": (r * 0.95).toFixed(2) }, fmt(n)));
      a.addEventListener("click", function (ev) { ev.preventDefault(); self.zoom(c[0], c[1]); });
      frag.appendChild(a);
      rows.push({ n: n, label: place, zoom: c });
    });
    data.points.forEach(function (p) {
      var href = sec.getAttribute("data-actor-href").replace(/ID$/, encodeURIComponent(p[2]));
      var a = el("a", { href: href, "class": "point" });
      var where = [p[4], sec.getAttribute("data-precision-" + p[5])].filter(Boolean).join(", ");
      a.appendChild(el("title", {}, p[3] + (where ? " — " + where : "")));
      a.appendChild(el("circle", { cx: p[0], cy: p[1], r: (3.6 * unit).toFixed(2) }));
      frag.appendChild(a);
      rows.push({ n: 1, label: p[3], where: where, href: href });
    });
    this.marks.appendChild(frag);
    rows.sort(function (a, b) { return b.n - a.n || (a.label < b.label ? -1 : 1); });
    rows.slice(0, MAX_ROWS).forEach(function (row) { self.row(row); });
    var text = data.in_view ? fill(sec.getAttribute("data-status"), {
      actors: count(sec, "actor", data.in_view)
    }) : sec.getAttribute("data-none");
    if (data.scope === "search" && data.matches > data.limit) {
      text += " " + fill(sec.getAttribute("data-search-cap"), { shown: fmt(data.limit), total: fmt(data.matches) });
    }
    if (data.outside) {
      text += " " + fill(sec.getAttribute("data-outside"), { actors: count(sec, "actor", data.outside) });
    }
    this.status.textContent = text;
    sec.setAttribute("data-state", "ready");
    if (!sec.hasAttribute("data-ms") && window.performance) {
      sec.setAttribute("data-ms", String(Math.round(performance.now())));
    }
  };

  Map.prototype.row = function (row) {
    var self = this, sec = this.sec;
    var tr = html("tr"), th = html("th"), td = html("td", fmt(row.n)), act = html("td");
    th.setAttribute("scope", "row");
    if (row.href) {
      var link = html("a", row.label);
      link.href = row.href;
      th.appendChild(link);
      if (row.where) { th.appendChild(html("span", " — " + row.where)); }
    } else {
      th.textContent = row.label;
      var b = html("button", sec.getAttribute("data-zoom"));
      b.type = "button";
      b.className = "small secondary";
      b.addEventListener("click", function () { self.zoom(row.zoom[0], row.zoom[1]); });
      act.appendChild(b);
    }
    tr.appendChild(th); tr.appendChild(td); tr.appendChild(act);
    this.body.appendChild(tr);
  };

  function start() {
    document.querySelectorAll("section.pointmap[data-src]").forEach(function (sec) {
      if (!window.fetch) { return; }
      new Map(sec).load(null);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
