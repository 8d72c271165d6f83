/* Follows a running course import without reloading the page: every few
 * seconds it fetches the job page again and swaps in the job's part, so a
 * screen reader keeps its place and hears the status line change. It stops
 * once the fetched page no longer asks to be followed (the import ended).
 * Without scripts, the page's <noscript> refresh does the same, cruder. */
(function () {
  "use strict";
  var JOB = "[data-import-job]";
  var FOLLOW = "[data-import-follow]";

  function schedule(seconds) {
    window.setTimeout(poll, seconds * 1000);
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(JOB);
    var current = document.querySelector(JOB);
    if (!fresh || !current) { return null; }
    current.replaceWith(fresh);
    return fresh.querySelector(FOLLOW);
  }

  function poll() {
    var follow = document.querySelector(FOLLOW);
    var seconds = Number(follow && follow.dataset.importFollow) || 2;
    window.fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) { if (swap(html)) { schedule(seconds); } })
      .catch(function () { schedule(seconds * 3); });
  }

  if (document.querySelector(FOLLOW)) {
    schedule(Number(document.querySelector(FOLLOW).dataset.importFollow) || 2);
  }
})();
