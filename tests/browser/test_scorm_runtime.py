"""The run-time answers a package's calls as SCORM says, in Chromium."""

import pytest

from materials.packages.player import with_runtime

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAGE = b"<!DOCTYPE html><html><head><title>SCO</title></head><body></body></html>"


def _page(browser, version: str, values: dict):
    page = browser.new_page()
    start = {"version": version, "values": values, "saving": False}
    page.set_content(with_runtime(PAGE, start).decode())
    return page


def test_scorm_2004_calls_out_of_order_or_unknown_get_their_error_codes(browser):
    page = _page(browser, "2004", {"cmi.entry": "resume", "cmi.suspend_data": "a"})
    calls = page.evaluate(
        """() => {
          const api = window.API_1484_11, out = [];
          const note = (value) => out.push([value, api.GetLastError()]);
          note(api.GetValue("cmi.entry"));
          note(api.Initialize(""));
          note(api.Initialize(""));
          note(api.GetValue("cmi.suspend_data"));
          note(api.GetValue("cmi.nonsense"));
          note(api.SetValue("cmi.entry", "ab-initio"));
          note(api.GetValue("cmi.session_time"));
          note(api.SetValue("cmi.completion_status", "done"));
          note(api.SetValue("cmi.suspend_data", "x".repeat(64001)));
          note(api.SetValue("cmi.location", "p2"));
          note(api.Terminate(""));
          note(api.GetValue("cmi.location"));
          return [out, api.GetErrorString("404")];
        }"""
    )
    assert calls == [
        [
            ["", "122"],
            ["true", "0"],
            ["false", "103"],
            ["a", "0"],
            ["", "401"],
            ["false", "404"],
            ["", "405"],
            ["false", "406"],
            ["false", "407"],
            ["true", "0"],
            ["true", "0"],
            ["", "123"],
        ],
        "Data model element is read only",
    ]
    page.close()


def test_scorm_12_calls_get_the_1_2_codes(browser):
    page = _page(browser, "1.2", {"cmi.core.entry": "ab-initio"})
    calls = page.evaluate(
        """() => {
          const api = window.API, out = [];
          const note = (value) => out.push([value, api.LMSGetLastError()]);
          note(api.LMSSetValue("cmi.suspend_data", "x"));
          note(api.LMSInitialize(""));
          note(api.LMSGetValue("cmi.core.entry"));
          note(api.LMSSetValue("cmi.core.entry", "resume"));
          note(api.LMSGetValue("cmi.core.exit"));
          note(api.LMSSetValue("cmi.core.lesson_status", "finished"));
          note(api.LMSSetValue("cmi.core._children", "x"));
          note(api.LMSGetValue("cmi.core.unknown"));
          note(api.LMSFinish(""));
          return out;
        }"""
    )
    assert calls == [
        ["false", "301"],
        ["true", "0"],
        ["ab-initio", "0"],
        ["false", "403"],
        ["", "404"],
        ["false", "405"],
        ["false", "402"],
        ["", "401"],
        ["true", "0"],
    ]
    page.close()
