/* Carries a SCORM package's data from its sandboxed frame to the site.
 * The frame has no origin of its own, so it cannot call the site; it posts
 * messages here, and only messages from that very frame, of the expected
 * shape, are sent on (with this page's CSRF token). */
(function () {
  "use strict";
  if (window.lmsPackagePlayers) { return; } // one script tag per player
  window.lmsPackagePlayers = true;

  function isMessage(data) {
    return data !== null && typeof data === "object" &&
      data.type === "lms-scorm" && data.cmi !== null &&
      typeof data.cmi === "object" && !Array.isArray(data.cmi);
  }

  function connect(player) {
    var frame = player.querySelector("iframe");
    var status = player.querySelector(".package-player__status");
    var url = player.dataset.stateUrl;
    if (!frame) { return; }
    if (!url) { frame.src = frame.dataset.src; return; } // a visitor: nothing kept
    var queue = Promise.resolve();

    function show(text) { status.textContent = text; }

    function save(cmi) {
      return fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json",
          "X-CSRFToken": player.dataset.csrf},
        body: JSON.stringify({token: player.dataset.token, cmi: cmi})
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok || !answer.saved) { throw new Error(answer.error); }
          show(answer.completed ? status.dataset.completed : status.dataset.saved);
          player.dataset.completed = answer.completed ? "true" : "false";
        });
      }).catch(function () { show(status.dataset.failed); });
    }

    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || !isMessage(event.data)) {
        return;
      }
      var cmi = event.data.cmi;
      // One after another, so a later commit never lands before an earlier one.
      queue = queue.then(function () { return save(cmi); });
    });
    // Only now, so not even a package that reports at once is missed.
    frame.src = frame.dataset.src;
  }

  document.querySelectorAll("[data-package-player]").forEach(connect);
}());
