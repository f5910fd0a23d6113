/* Progressive enhancement for every page (works without it):
   - marks <html> with the class "js";
   - the menu link of small screens becomes a button that opens and closes the navigation;
   - filter panels marked data-collapse-narrow start closed on small screens;
   - forms marked data-autosubmit apply their filters as soon as a checkbox changes. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 52rem)") : { matches: false };

  function menu() {
    var toggle = document.querySelector("[data-menu-toggle]");
    var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!toggle || !nav) { return; }
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function (ev) {
      ev.preventDefault();
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) { var first = nav.querySelector("a"); if (first) { first.focus(); } }
    });
    toggle.addEventListener("keydown", function (ev) {
      if (ev.key === " ") { ev.preventDefault(); toggle.click(); }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && nav.classList.contains("open")) {
        nav.classList.remove("open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  function panels() {
    if (!narrow.matches) { return; }
    document.querySelectorAll("details[data-collapse-narrow]").forEach(function (d) {
      d.open = false;
    });
  }

  function autosubmit() {
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function (ev) {
        var t = ev.target;
        if (t && (t.type === "checkbox" || t.tagName === "SELECT")) {
          var page = form.querySelector("input[name=page]");
          if (page) { page.remove(); }
          form.requestSubmit ? form.requestSubmit() : form.submit();
        }
      });
    });
  }

  function start() { menu(); panels(); autosubmit(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
}());
