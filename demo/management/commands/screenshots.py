"""Save PNG screenshots of the main page types at phone and desktop widths, for design review."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.testcases import LiveServerThread
from django.urls import get_resolver
from selenium.webdriver.common.by import By

from demo.browser import set_viewport, start_browser, stop_browser

PAGES = {
    "home": "/sv/",
    "news-index": "/sv/nyheter/",
    "article": "/sv/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/",
    "promise-page": "/sv/medborgarloften-2021/",
    "promise-permalink": "/sv/medborgarloften-2021/trygghetsvandringar/",
    "standard-page": "/sv/om-medborgarloften/",
    "accessibility-statement": "/sv/tillganglighetsredogorelse/",
    "search": "/sv/sok/?q=trygghetsvandringar",
    "home-en": "/en/",
    "404": "/en/does-not-exist/",
}
WIDTHS = {"phone": 390, "desktop": 1280}


class Command(BaseCommand):
    help = "Loads the demo content and saves screenshots to screenshots/ (git-ignored)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "screenshots"))

    def handle(self, *args, out: str, **options):

        call_command("load_demo")
        # Load the URLs while DEBUG adds the media routes, then turn DEBUG off so that the
        # 404 screenshot shows our page rather than Django's technical one.
        get_resolver().url_patterns  # noqa: B018 (imports the URLconf now)

        settings.DEBUG = False
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        base = f"http://127.0.0.1:{server.port}"
        try:
            for device, width in WIDTHS.items():
                driver = start_browser(width=width, height=900)
                try:
                    for name, path in PAGES.items():
                        set_viewport(driver, width, 900)
                        driver.get(base + path)
                        height = driver.execute_script(
                            "return document.documentElement.scrollHeight"
                        )
                        set_viewport(driver, width, min(max(height, 600), 6000))
                        target = folder / f"{name}-{device}.png"
                        driver.save_screenshot(str(target))
                        self.stdout.write(str(target))
                    if device == "phone":
                        self.menu_open(driver, base, folder)
                finally:
                    stop_browser(driver)
        finally:
            server.terminate()

    def menu_open(self, driver, base: str, folder: Path) -> None:
        """The phone header with its menu opened (a details/summary button, no JavaScript)."""
        set_viewport(driver, WIDTHS["phone"], 844)
        driver.get(base + PAGES["home"])
        driver.find_element(By.CSS_SELECTOR, "summary.menu-toggle__button").click()
        target = folder / "home-menu-open-phone.png"
        driver.save_screenshot(str(target))
        self.stdout.write(str(target))
