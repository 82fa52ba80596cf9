"""The demo journey in headless Chromium: `scripts/demo` starts the hub and the demo web app, and a browser signs
in on the hub and opens the web app, as a new user does after `make demo`.

Chromium, chromedriver and Selenium come from Debian (`scripts/install-deps test`). Screenshots of the pages each
journey ends on go to $TEST_OUTPUT/screenshots/."""

import os
import re
import signal
import socket
import subprocess
import threading
from dataclasses import dataclass, field

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The directory of the debug build that `make test` makes; scripts/demo runs doorman and doorman-demo-webapp
# from it instead of building a release.
BIN_DIR = os.path.dirname(os.environ.get("DOORMAN_BIN", os.path.join(REPOSITORY, ".build", "debug", "doorman")))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# The first run seeds the database, which hashes three passwords with Argon2id.
DEMO_START_TIMEOUT_SECONDS = 120
DEMO_STOP_TIMEOUT_SECONDS = 30
PAGE_TIMEOUT_SECONDS = 20

# The four lines that scripts/demo prints once both servers respond, in order.
OUTPUT_PATTERNS = [
    re.compile(r"^Hub: (http://127\.0\.0\.1:\d+)$"),
    re.compile(r"^Web app: (http://127\.0\.0\.1:\d+)$"),
    re.compile(r"^Buyer: buyer / (\S+)$"),
    re.compile(r"^Visitor: visitor / (\S+)$"),
]

# Chromium's own background requests (updates, metrics, safe browsing) are switched off, and every host name
# fails to resolve, so the browser reaches only the two servers on 127.0.0.1.
CHROMIUM_ARGUMENTS = [
    "--headless=new",
    # Chromium's sandbox cannot start as root, which is how the tests run in CI.
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--window-size=1100,900",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def free_port():
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def screenshot_path(name):
    output = os.environ.get("TEST_OUTPUT", "test-output")
    directory = os.path.join(REPOSITORY, output, "screenshots")
    os.makedirs(directory, exist_ok=True)
    return os.path.join(directory, name + ".png")


@dataclass
class Demo:
    """A running `scripts/demo`: the addresses and passwords it printed, and its standard error."""

    process: subprocess.Popen
    hub_url: str = ""
    webapp_url: str = ""
    passwords: dict = field(default_factory=dict)
    error_lines: list = field(default_factory=list)

    @property
    def errors(self):
        return "".join(self.error_lines)

    def read_output(self):
        """Read the four lines, or fail with what scripts/demo wrote to standard error."""
        values = []
        for pattern in OUTPUT_PATTERNS:
            line = self.process.stdout.readline().rstrip("\n")
            match = pattern.match(line)
            assert match, f"scripts/demo printed {line!r} where {pattern.pattern} was expected:\n{self.errors}"
            values.append(match.group(1))
        self.hub_url, self.webapp_url = values[0], values[1]
        self.passwords = {"buyer": values[2], "visitor": values[3]}

    def collect_errors(self):
        # Reading every line also keeps the pipe from filling up and blocking the script.
        for line in self.process.stderr:
            self.error_lines.append(line)

    def stop(self):
        """Press Ctrl-C, as a user does, and return the exit status."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(DEMO_STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"scripts/demo still ran {DEMO_STOP_TIMEOUT_SECONDS} s after SIGINT; killed it")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`scripts/demo` on a new data directory and free ports, stopped with SIGINT afterwards, which must exit 0."""
    environment = dict(
        os.environ,
        DOORMAN_DATA_DIR=str(tmp_path_factory.mktemp("demo-data")),
        DEMO_PORT=str(free_port()),
        DEMO_WEBAPP_PORT=str(free_port()),
        DEMO_BIN_DIR=BIN_DIR,
    )
    process = subprocess.Popen(
        ["bash", os.path.join(REPOSITORY, "scripts", "demo")], cwd=REPOSITORY, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    running = Demo(process=process)
    threading.Thread(target=running.collect_errors, daemon=True).start()

    timer = threading.Timer(DEMO_START_TIMEOUT_SECONDS, process.kill)
    timer.start()
    try:
        running.read_output()
    except BaseException:
        process.kill()
        process.wait()
        raise
    finally:
        timer.cancel()

    try:
        yield running
    finally:
        status = running.stop()
    assert status == 0, f"scripts/demo exited with {status} after SIGINT:\n{running.errors}"


@pytest.fixture
def browser():
    """A new headless Chromium with an empty profile, so each journey starts signed out everywhere."""
    options = Options()
    options.binary_location = CHROMIUM
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(PAGE_TIMEOUT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


def heading_contains(text):
    """A wait condition: the first `h1` contains `text`.

    While the browser moves to the next page, a heading found on the old page can vanish before its text is read,
    and Chromium then reports an error such as "Node with given id does not belong to the document". The
    condition treats every such error as "not yet" and lets the wait look again.
    """
    def condition(driver):
        try:
            return text in driver.find_element(By.TAG_NAME, "h1").text
        except WebDriverException:
            return False
    return condition


def wait_for_heading(driver, text):
    """Wait until the page's first `h1` reads `text`, or fail with the page's address and heading."""
    try:
        WebDriverWait(driver, PAGE_TIMEOUT_SECONDS).until(heading_contains(text))
    except Exception as error:
        headings = [heading.text for heading in driver.find_elements(By.TAG_NAME, "h1")]
        raise AssertionError(f"expected the heading {text!r} at {driver.current_url}, found {headings}") from error


def sign_in_on_hub(driver, demo, username):
    """Open the hub signed out, follow its Sign in link, and sign in as `username`."""
    driver.get(demo.hub_url + "/")
    driver.find_element(By.LINK_TEXT, "Sign in").click()

    WebDriverWait(driver, PAGE_TIMEOUT_SECONDS).until(
        expected_conditions.presence_of_element_located((By.NAME, "username")))
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(demo.passwords[username])
    driver.find_element(By.XPATH, "//form//button[normalize-space()='Sign in']").click()
    wait_for_heading(driver, "Your products")


def test_buyer_opens_web_app_from_hub(demo, browser):
    sign_in_on_hub(browser, demo, "buyer")
    assert "Demo Course" in browser.page_source
    browser.save_screenshot(screenshot_path("buyer-hub-home"))

    open_button = "//form[contains(@action, '/hub/webapps/')]//button[normalize-space()='Open']"
    browser.find_element(By.XPATH, open_button).click()
    wait_for_heading(browser, "Members only")
    browser.save_screenshot(screenshot_path("buyer-members-page"))

    body = browser.find_element(By.TAG_NAME, "body").text
    assert browser.current_url == demo.webapp_url + "/members"
    assert "code=" not in browser.current_url
    assert "Welcome, Bea Buyer (@buyer)." in body
    assert re.search(r"Status\s+active", body), body
    assert re.search(r"Valid\s+yes", body), body
    assert re.search(r"Product\s+prod_\S+", body), body


def test_buyer_session_survives_reload(demo, browser):
    sign_in_on_hub(browser, demo, "buyer")
    browser.find_element(By.XPATH, "//button[normalize-space()='Open']").click()
    wait_for_heading(browser, "Members only")

    browser.get(demo.webapp_url + "/")
    wait_for_heading(browser, "Members only")
    browser.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_for_heading(browser, "Welcome")

    assert browser.current_url == demo.webapp_url + "/"


def test_visitor_ends_on_purchase_required(demo, browser):
    sign_in_on_hub(browser, demo, "visitor")
    assert "You hold no products yet" in browser.page_source
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Open']")

    browser.get(demo.webapp_url + "/")
    browser.find_element(By.XPATH, "//button[normalize-space()='Sign in with Doorman']").click()
    wait_for_heading(browser, "Purchase required")
    browser.save_screenshot(screenshot_path("visitor-purchase-required"))

    assert browser.current_url.startswith(demo.webapp_url + "/callback/whop?")
    assert "code=" not in browser.current_url
    product_url = browser.find_element(By.LINK_TEXT, "View the product on the hub").get_attribute("href")
    assert re.fullmatch(re.escape(demo.hub_url) + r"/products/prod_[A-Za-z0-9_-]+", product_url), product_url

    # The web app did not sign the visitor in, and its link leads to the product's page on the hub.
    browser.get(demo.webapp_url + "/members")
    wait_for_heading(browser, "Welcome")
    browser.get(product_url)
    wait_for_heading(browser, "Demo Course")
