"""SCORM packages whose page talks to the run-time, as authoring tools' do:
start, read where the learner was, write where they are now, finish."""

from tests.materials.package_files import SCORM_12_ROOT, SCORM_2004_ROOT, package

SCO_2004 = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Bài 1</title></head><body><p id="entry"></p><p id="read"></p>
<p id="done"></p><script>
var api = window.API_1484_11;
api.Initialize("");
document.getElementById("entry").textContent = "entry=" + api.GetValue("cmi.entry");
document.getElementById("read").textContent =
  "read=" + api.GetValue("cmi.suspend_data") + "@" + api.GetValue("cmi.location");
api.SetValue("cmi.location", "trang-2");
api.SetValue("cmi.suspend_data", "da-lam-bai-1");
api.SetValue("cmi.completion_status", "completed");
api.SetValue("cmi.session_time", "PT1M5S");
api.Commit("");
api.Terminate("");
document.getElementById("done").textContent = "done";
</script></body></html>"""

SCO_12 = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bai</title>
</head><body><p id="read"></p><script>
var api = window.API;
api.LMSInitialize("");
document.getElementById("read").textContent =
  "read=" + api.LMSGetValue("cmi.suspend_data");
api.LMSSetValue("cmi.core.lesson_location", "3");
api.LMSSetValue("cmi.suspend_data", "cau-3");
api.LMSSetValue("cmi.core.lesson_status", "passed");
api.LMSSetValue("cmi.core.session_time", "0000:02:10");
api.LMSCommit("");
api.LMSFinish("");
</script></body></html>"""


# The same learner's visit as SCO_2004, through the SCORM 1.2 run-time.
SCO_12_VISIT = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Bài 1</title></head><body><p id="entry"></p><p id="read"></p>
<p id="done"></p><script>
var api = window.API;
api.LMSInitialize("");
document.getElementById("entry").textContent =
  "entry=" + api.LMSGetValue("cmi.core.entry");
document.getElementById("read").textContent =
  "read=" + api.LMSGetValue("cmi.suspend_data") + "@" +
  api.LMSGetValue("cmi.core.lesson_location");
api.LMSSetValue("cmi.core.lesson_location", "trang-2");
api.LMSSetValue("cmi.suspend_data", "da-lam-bai-1");
api.LMSSetValue("cmi.core.lesson_status", "completed");
api.LMSSetValue("cmi.core.session_time", "0000:01:05");
api.LMSCommit("");
api.LMSFinish("");
document.getElementById("done").textContent = "done";
</script></body></html>"""


def _manifest(root: str, schemaversion: str, scorm_type: str) -> str:
    return (
        f'<manifest identifier="SCO" {root}><metadata><schema>ADL SCORM</schema>'
        f"<schemaversion>{schemaversion}</schemaversion></metadata>"
        '<organizations default="ORG"><organization identifier="ORG">'
        '<title>Phân số</title><item identifier="I1" identifierref="R1">'
        "<title>Bài 1</title></item></organization></organizations><resources>"
        f'<resource identifier="R1" type="webcontent" {scorm_type}="sco" '
        'href="sco/index.html"><file href="sco/index.html"/></resource>'
        "</resources></manifest>"
    )


def scorm_2004_sco() -> bytes:
    return package(
        {
            "imsmanifest.xml": _manifest(
                SCORM_2004_ROOT, "2004 4th Edition", "adlcp:scormType"
            ),
            "sco/index.html": SCO_2004,
            "sco/style.css": "p { color: #123; }",
            "sco/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
        }
    )


def scorm_12_sco() -> bytes:
    return package(
        {
            "imsmanifest.xml": _manifest(SCORM_12_ROOT, "1.2", "adlcp:scormtype"),
            "sco/index.html": SCO_12,
        }
    )


def scorm_12_visit_sco() -> bytes:
    """A SCORM 1.2 package whose page records and reads back a visit."""
    return package(
        {
            "imsmanifest.xml": _manifest(SCORM_12_ROOT, "1.2", "adlcp:scormtype"),
            "sco/index.html": SCO_12_VISIT,
        }
    )
