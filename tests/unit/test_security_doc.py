"""docs/security.md names the tests that prove each ASVS item: every one it names must exist,
so the checklist cannot quietly point at a renamed or deleted test."""
import ast
import re

from netzwerk.config import PROJECT_ROOT

SHORT = {"w/": "tests/web/", "i/": "tests/integration/", "u/": "tests/unit/", "b/": "tests/browser/"}
# `w/test_x.py::test_name`, and `::test_other` after it meaning the same file
CITATION = re.compile(r"`(?:(?P<file>[wiub]/[\w/]+\.py|tests/[\w/]+\.py)(?:::(?P<test>\w+))?|::(?P<same>\w+))`")


def _tests_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_test_the_security_checklist_names_exists():
    text = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    missing, cited, current = [], 0, None
    for line in text.splitlines():
        current = None  # `::name` refers to the last file named on the same line
        for match in CITATION.finditer(line):
            if match["file"]:
                name = match["file"]
                for short, long in SHORT.items():
                    if name.startswith(short):
                        name = long + name[len(short):]
                current = PROJECT_ROOT / name
                if not current.exists():
                    missing.append(name)
                    continue
                test = match["test"]
            else:
                test = match["same"]
            if test and current is not None and current.exists():
                cited += 1
                if test not in _tests_of(current):
                    missing.append(f"{current.relative_to(PROJECT_ROOT)}::{test}")
    assert cited > 60
    assert not missing, "docs/security.md names tests that do not exist: " + ", ".join(missing)
