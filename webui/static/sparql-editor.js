/* The SPARQL page: replaces the plain form by YASGUI (vendored, no CDN) when it has loaded, with
   its controls labelled in the page's language. Config comes from the JSON block #sparql-config
   (endpoint, initial query, prefixes, tab name, and a table English label → translated label
   built from the gettext catalogue). Without JavaScript the plain form works. */
(function () {
  "use strict";
  /* The text in the page's language: an exact label, or a sentence with numbers (patterns:
     [regular expression, template with {1}, {2}… for its groups]); null when neither applies. */
  function translated(text, labels, patterns) {
    var t = text.trim();
    if (!t) { return null; }
    if (Object.prototype.hasOwnProperty.call(labels, t)) { return labels[t]; }
    for (var i = 0; i < patterns.length; i++) {
      var m = new RegExp(patterns[i][0]).exec(t);
      if (m) {
        return patterns[i][1].replace(/\{(\d)\}/g, function (_, n) { return m[+n] || ""; });
      }
    }
    return null;
  }
  function relabel(root, labels, patterns) {
    var attrs = ["title", "aria-label", "placeholder"];
    root.querySelectorAll("*").forEach(function (el) {
      attrs.forEach(function (a) {
        var v = el.getAttribute(a);
        var out = v ? translated(v, labels, patterns) : null;
        if (out !== null && out !== v) { el.setAttribute(a, out); }
      });
      if (el.children.length === 0) {
        var out = translated(el.textContent, labels, patterns);
        if (out !== null && out !== el.textContent) { el.textContent = out; }
      }
    });
  }
  /* Accessibility fixes of the vendored editor's markup (axe-core: no serious violation). */
  function repair(root, queryLabel) {
    root.querySelectorAll(".CodeMirror textarea").forEach(function (ta) {
      ta.setAttribute("aria-label", queryLabel);
    });
    root.querySelectorAll(".CodeMirror-scroll").forEach(function (el) {
      if (el.getAttribute("tabindex") !== "0") { el.setAttribute("tabindex", "0"); }
    });
    root.querySelectorAll(".yasr_btnGroup button").forEach(function (b) {
      var text = b.textContent.trim();
      if (text) { b.setAttribute("aria-label", text); }
    });
  }

  function start() {
    var cfgEl = document.getElementById("sparql-config");
    var host = document.getElementById("yasgui");
    if (typeof window.Yasgui === "undefined" || !cfgEl || !host) { return; }
    var cfg = JSON.parse(cfgEl.textContent);
    var plain = document.getElementById("plain-form");
    var initial = cfg.query || plain.querySelector("textarea").value;
    plain.hidden = true;
    var yasgui = new window.Yasgui(host, {
      requestConfig: { endpoint: cfg.endpoint, method: "POST" },
      copyEndpointOnNewTab: false,
      showEndpointField: false,
      persistenceId: null,
      tabName: cfg.tabName,
      yasqe: { value: initial, autocompleters: ["variables"], persistenceId: null },
      yasr: { persistenceId: null, prefixes: cfg.prefixes }
    });
    var labels = cfg.labels || {};
    var patterns = cfg.patterns || [];
    var observer = null;
    function watch() {
      observer = new MutationObserver(function () {
        observer.disconnect();
        relabel(host, labels, patterns);
        repair(host, cfg.tabName);
        watch();
      });
      observer.observe(host, { childList: true, subtree: true, attributes: true,
                               attributeFilter: ["title", "aria-label", "placeholder"] });
    }
    relabel(host, labels, patterns);
    repair(host, cfg.tabName);
    watch();
    var tab = yasgui.getTab();
    tab.setQuery(initial);
    if (cfg.query) { tab.query(); }
    document.querySelectorAll("a[data-example]").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        var q = new URL(a.href).searchParams.get("query");
        ev.preventDefault();
        tab.setQuery(q);
        history.replaceState(null, "", a.href);
        host.scrollIntoView();
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
}());
