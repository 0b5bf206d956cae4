"""axe-core in the real browser: injected from tools/axe/node_modules (pinned, installed by
`make test`), run with the WCAG 2.1 A and AA rules; serious and critical violations fail."""
import os

import pytest

from netzwerk.config import PROJECT_ROOT

AXE_JS = PROJECT_ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] + [t for t in os.environ.get("NETZWERK_AXE_EXTRA_TAGS", "").split(",") if t]
FAILING = ("serious", "critical")


def axe_path():
    if not AXE_JS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but axe-core is missing: `make test` installs it (tools/axe).")
        pytest.skip("axe-core is not installed (make tools/axe/node_modules/.installed); skipped.")
    return AXE_JS


def audit(page, where):
    """Runs axe on the page as it is now; returns every violation, printed for the log."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_path()))
    result = page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                       resultTypes: ['violations', 'incomplete']})""", WCAG_TAGS)
    violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                   "nodes": [n["target"] for n in v["nodes"]][:5],
                   "summary": (v["nodes"][0].get("failureSummary") or "")[:300] if v["nodes"] else ""}
                  for v in result["violations"]]
    assert result["passes"], f"{where}: axe checked nothing"
    print(f"axe {where}: {len(result['passes'])} rules passed, {len(result['violations'])} violated, {len(result['incomplete'])} to review")
    if os.environ.get("NETZWERK_AXE_EXTRA_TAGS"):
        for item in result["incomplete"]:
            print(f"axe {where}: needs review: {item['id']} {[n['target'] for n in item['nodes']][:5]}")
    for violation in violations:
        print(f"axe {where}: [{violation['impact']}] {violation['id']}: {violation['help']} "
              f"{violation['nodes']} {violation['summary']}")
    return violations


def assert_accessible(page, where):
    violations = audit(page, where)
    failing = [v for v in violations if v["impact"] in FAILING]
    assert failing == [], f"{where}: serious or critical axe violations: {failing}"


# WCAG 2.4.7 and 1.4.11, which axe does not check: every control shows a focus indicator
# with at least 3:1 contrast against the page behind it.
FOCUS = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; })
                                     .reduce((s, v, i) => s + v * [.2126, .7152, .0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + .05) / (y + .05); };
  const background = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
                               if (!c.endsWith(', 0)') && c !== 'transparent') return rgb(c); } return [255, 255, 255]; };
  const el = document.activeElement, style = getComputedStyle(el);
  const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  return {what: el.outerHTML.slice(0, 80), width,
          contrast: width ? ratio(rgb(style.outlineColor), background(el.parentElement)) : 0};
}"""


def assert_focus_visible(page, where, stops=40):
    """Tabs through the page; each focused control must show an outline of 2 px or more at 3:1."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = []
    for _i in range(stops):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            break
        focus = page.evaluate(FOCUS)
        seen.append(focus)
    weak = [f for f in seen if f["width"] < 2 or f["contrast"] < 3]
    assert seen and weak == [], f"{where}: focus not visible enough: {weak}"
