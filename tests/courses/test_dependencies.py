"""The courses app stands on its own: apps that report on learners (open data,
xAPI) listen to its signals, and it imports none of them."""

import ast
from pathlib import Path

import courses

REPORTING_APPS = ("opendata", "search")


def imported_modules(source: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_courses_imports_no_app_that_reports_on_it():
    root = Path(courses.__file__).parent
    offenders = {
        f"{path.relative_to(root.parent)} imports {name}"
        for path in root.rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[0] in REPORTING_APPS
    }
    assert not offenders, sorted(offenders)
