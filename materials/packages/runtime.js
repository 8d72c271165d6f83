/* The SCORM run-time a package finds as window.API (1.2) and
 * window.API_1484_11 (2004). It works on a local copy of the learner's data,
 * embedded in the page when it was served, so GetValue answers at once; the
 * elements the site keeps are sent to the lesson page (our parent) on
 * Commit/Finish/Terminate, and shortly after a status or score changes. The
 * page runs in a sandbox without a site origin: it cannot call the site
 * itself, only post a message to the page that framed it. */
(function () {
  "use strict";
  var start = JSON.parse(document.getElementById("lms-scorm-data").textContent);
  var v12 = start.version === "1.2";
  var values = start.values;
  var changed = {};
  var state = "new"; // new → running → ended
  var lastError = 0;
  var timer = null;

  // Mode of each element: r read-only, w write-only, rw both; "kept" ones are
  // sent to the site, the others live only as long as the page.
  var ELEMENTS = v12 ? {
    "cmi.core.student_id": "r", "cmi.core.student_name": "r",
    "cmi.core.entry": "r", "cmi.core.credit": "r", "cmi.core.total_time": "r",
    "cmi.core.lesson_mode": "r", "cmi.launch_data": "r",
    "cmi.core.lesson_location": "rw kept", "cmi.core.lesson_status": "rw kept",
    "cmi.core.score.raw": "rw kept", "cmi.core.score.min": "rw kept",
    "cmi.core.score.max": "rw kept", "cmi.suspend_data": "rw kept",
    "cmi.core.exit": "w kept", "cmi.core.session_time": "w kept",
    "cmi.core._children": "r", "cmi.core.score._children": "r"
  } : {
    "cmi.learner_id": "r", "cmi.learner_name": "r", "cmi.entry": "r",
    "cmi.credit": "r", "cmi.mode": "r", "cmi.total_time": "r",
    "cmi.launch_data": "r",
    "cmi.location": "rw kept", "cmi.completion_status": "rw kept",
    "cmi.success_status": "rw kept", "cmi.score.raw": "rw kept",
    "cmi.score.min": "rw kept", "cmi.score.max": "rw kept",
    "cmi.score.scaled": "rw kept", "cmi.progress_measure": "rw kept",
    "cmi.suspend_data": "rw kept", "cmi.exit": "w kept",
    "cmi.session_time": "w kept", "cmi.score._children": "r"
  };
  values["cmi.core._children"] = "student_id,student_name,lesson_location," +
    "credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time";
  values["cmi.core.score._children"] = values["cmi.score._children"] =
    v12 ? "raw,min,max" : "scaled,raw,min,max";

  var VOCABULARY = {
    "cmi.core.lesson_status": ["passed", "completed", "failed", "incomplete",
      "browsed", "not attempted"],
    "cmi.core.exit": ["", "time-out", "suspend", "logout"],
    "cmi.completion_status": ["completed", "incomplete", "not attempted",
      "unknown"],
    "cmi.success_status": ["passed", "failed", "unknown"],
    "cmi.exit": ["", "timeout", "suspend", "logout", "normal"]
  };
  var LIMITS = {"cmi.suspend_data": v12 ? 4096 : 64000,
    "cmi.core.lesson_location": 255, "cmi.location": 1000};
  var URGENT = /status|score/;
  // Interactions and objectives are accepted for the package's own use.
  var LOCAL = /^cmi\.(interactions|objectives|comments_from_learner|comments)(\.|$)/;

  var ERRORS = v12 ? {
    0: "No error", 101: "General exception", 201: "Invalid argument error",
    301: "Not initialized", 401: "Not implemented error",
    402: "Invalid set value, element is a keyword",
    403: "Element is read only", 404: "Element is write only",
    405: "Incorrect data type"
  } : {
    0: "No error", 101: "General exception", 103: "Already initialized",
    104: "Content instance terminated",
    112: "Termination before initialization",
    113: "Termination after termination",
    122: "Retrieve data before initialization",
    123: "Retrieve data after termination",
    132: "Store data before initialization",
    133: "Store data after termination",
    142: "Commit before initialization", 143: "Commit after termination",
    201: "General argument error", 401: "Undefined data model element",
    404: "Data model element is read only",
    405: "Data model element is write only", 406: "Data model element type mismatch",
    407: "Data model element value out of range"
  };
  var CODES = v12 ? {
    notStarted: 301, started: 101, ended: 101, endBefore: 301, endTwice: 101,
    getBefore: 301, getAfter: 101, setBefore: 301, setAfter: 101,
    commitBefore: 301, commitAfter: 101, unknown: 401, readOnly: 403,
    writeOnly: 404, badValue: 405, keyword: 402, range: 405
  } : {
    notStarted: 102, started: 103, ended: 104, endBefore: 112, endTwice: 113,
    getBefore: 122, getAfter: 123, setBefore: 132, setAfter: 133,
    commitBefore: 142, commitAfter: 143, unknown: 401, readOnly: 404,
    writeOnly: 405, badValue: 406, keyword: 404, range: 407
  };

  function fail(code) { lastError = code; return "false"; }
  function ok(value) { lastError = 0; return value; }

  function send(reason) {
    clearTimeout(timer);
    timer = null;
    if (!start.saving || Object.keys(changed).length === 0) { return; }
    window.parent.postMessage(
      {type: "lms-scorm", reason: reason, cmi: changed}, start.parentOrigin);
    changed = {};
  }

  function initialize(argument) {
    if (argument !== "") { return fail(201); }
    if (state === "running") { return fail(CODES.started); }
    if (state === "ended") { return fail(CODES.ended); }
    state = "running";
    return ok("true");
  }

  function finish(argument) {
    if (argument !== "") { return fail(201); }
    if (state === "new") { return fail(CODES.endBefore); }
    if (state === "ended") { return fail(CODES.endTwice); }
    send("finish");
    state = "ended";
    return ok("true");
  }

  function commit(argument) {
    if (argument !== "") { return fail(201); }
    if (state === "new") { return fail(CODES.commitBefore); }
    if (state === "ended") { return fail(CODES.commitAfter); }
    send("commit");
    return ok("true");
  }

  function modeOf(name) {
    if (LOCAL.test(name)) { return "rw"; }
    return ELEMENTS[name];
  }

  function getValue(name) {
    if (state === "new") { fail(CODES.getBefore); return ""; }
    if (state === "ended") { fail(CODES.getAfter); return ""; }
    var mode = modeOf(String(name));
    if (!mode) { fail(name ? CODES.unknown : 201); return ""; }
    if (mode.indexOf("r") === -1) { fail(CODES.writeOnly); return ""; }
    if (LOCAL.test(name) && /\._count$/.test(name)) {
      return ok(values[name] || "0");
    }
    return ok(values[name] === undefined ? "" : String(values[name]));
  }

  function setValue(name, value) {
    if (state === "new") { return fail(CODES.setBefore); }
    if (state === "ended") { return fail(CODES.setAfter); }
    name = String(name);
    value = String(value);
    if (/\._(children|count|version)$/.test(name)) { return fail(CODES.keyword); }
    var mode = modeOf(name);
    if (!mode) { return fail(CODES.unknown); }
    if (mode.indexOf("w") === -1) { return fail(CODES.readOnly); }
    var words = VOCABULARY[name];
    if (words && words.indexOf(value) === -1) { return fail(CODES.badValue); }
    if (LIMITS[name] && value.length > LIMITS[name]) { return fail(CODES.range); }
    values[name] = value;
    if (mode.indexOf("kept") !== -1) {
      changed[name] = value;
      if (URGENT.test(name) && start.saving && timer === null) {
        timer = setTimeout(function () { send("change"); }, 800);
      }
    }
    return ok("true");
  }

  function errorString(code) { return ERRORS[code] || ""; }
  function lastErrorCode() { return String(lastError); }

  window.API = {
    LMSInitialize: initialize, LMSFinish: finish, LMSGetValue: getValue,
    LMSSetValue: setValue, LMSCommit: commit, LMSGetLastError: lastErrorCode,
    LMSGetErrorString: errorString, LMSGetDiagnostic: errorString
  };
  window.API_1484_11 = {
    Initialize: initialize, Terminate: finish, GetValue: getValue,
    SetValue: setValue, Commit: commit, GetLastError: lastErrorCode,
    GetErrorString: errorString, GetDiagnostic: errorString
  };
  // A package that never calls Finish still keeps what it set.
  window.addEventListener("pagehide", function () { send("leave"); });
}());
