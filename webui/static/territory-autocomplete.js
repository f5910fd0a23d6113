/* Progressive enhancement of place fields: as the user types a name, the field's datalist is
   filled with matching communes, départements and régions from /api/suggest?kind=territory.
   Each option's value is the place as a person writes it (« Saint-Denis (93) »), which the server
   reads back as that very place: no code is shown. Without JavaScript the field still takes
   names, postal codes and the static list. */
(function () {
  "use strict";
  if (!window.fetch) { return; }
  document.querySelectorAll("input[data-suggest=territory]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var last = "";
    if (!list) { return; }
    input.addEventListener("input", function () {
      var q = input.value.trim();
      window.clearTimeout(timer);
      if (q.length < 2 || q === last || /^(region|departement|epci|commune):/i.test(q)) { return; }
      timer = window.setTimeout(function () {
        last = q;
        fetch("/api/suggest?kind=territory&limit=12&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.suggestions.forEach(function (s) {
              var option = document.createElement("option");
              option.value = s.text || s.label;
              option.textContent = s.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* keep the static list */ });
      }, 150);
    });
  });
}());
