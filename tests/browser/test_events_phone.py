"""Events on a phone (390 px): the public list, an event's page and the month calendar fit the
screen, the calendar reads as a list of days with their weekday, and an organiser's event page
with its forms fits too."""
import pytest

from netzwerk.text import seed_uid

from ..conftest import PASSWORD
from .test_phone_layout import check, log_in

pytestmark = pytest.mark.browser
EXPERT_ROUND = seed_uid("Event", "expertinnenrunde-2016")


def test_events_fit_a_phone(live_server, page, tmp_path):
    app, url = live_server
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/veranstaltungen?zeit=vergangen", f"/veranstaltungen/{EXPERT_ROUND}",
                 "/veranstaltungen/kalender?monat=2016-06"):
        response = page.goto(url + path)
        assert response.status == 200, path
        check(page, path)
    page.screenshot(path=tmp_path / "kalender-390.png", full_page=True)
    # the calendar keeps its caption; the day with the round shows its weekday and date
    assert page.locator("table.calendar caption").inner_text().startswith("Juni 2016")
    day = page.locator("table.calendar td.has-events").first
    assert day.is_visible() and "Do. 16." in day.inner_text()
    assert not page.locator("table.calendar td.no-events").first.is_visible()
    link = day.get_by_role("link", name="Expert/innenrunde")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}/veranstaltungen/{EXPERT_ROUND}")
    assert page.get_by_role("heading", name="Leitfragen").is_visible()

    app.extensions["netzwerk.accounts"].create_user("o@example.org", "Olga Organisation", "organiser", PASSWORD)
    log_in(page, url, "o@example.org")
    page.goto(f"{url}/veranstaltungen/{EXPERT_ROUND}")
    check(page, "an organiser's event page")
    page.locator("summary", has_text="Weitere Termine anlegen").click()
    check(page, "the open series form")
    page.goto(f"{url}/veranstaltungen/neu")
    check(page, "the event form")
