// The filters panel is closed in the page so phones show results first;
// where the layout has room for a sidebar, open it (and keep it in step).
(function () {
  "use strict";
  var panel = document.getElementById("facets");
  if (!panel || !window.matchMedia) { return; }
  var wide = window.matchMedia("(min-width: 48rem)");
  function follow() { panel.open = wide.matches; }
  follow();
  if (wide.addEventListener) { wide.addEventListener("change", follow); }
})();
