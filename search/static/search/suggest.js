// Autocomplete for the search box: a short list of matching titles as you type.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var latest = 0;
  function clear() { list.hidden = true; list.textContent = ""; }
  function show(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { clear(); return; }
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (ticket === latest) { show(data.suggestions || []); } })
        .catch(clear);
    }, 150);
  });
  input.addEventListener("keydown", function (event) { if (event.key === "Escape") { clear(); } });
  document.addEventListener("click", function (event) { if (!list.contains(event.target)) { clear(); } });
}());
