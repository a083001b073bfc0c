"""What the browser suite and the screenshots share: a real `promptlib serve` on a free port,
a headless Chromium driven by Debian's chromium-driver, the API for seeding, and the checks that
every page makes no console errors, CSP violations or failed requests."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ADMIN_PASSWORD = "Browser-operator-pass-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`promptlib serve` on SQLite in a temporary directory, with an admin account."""

    def __init__(self, binary=None, **env):
        self.binary = binary or os.environ.get("PROMPTLIB_BIN") or os.path.join(ROOT, ".build/debug/promptlib")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.dir = tempfile.mkdtemp(prefix="promptlib-browser.")
        self.env = {
            **os.environ, "STORAGE_DIR": os.path.join(self.dir, "data"), "PORT": str(self.port), "HOST": "127.0.0.1",
            "ADMIN_PASSWORD": ADMIN_PASSWORD, "BCRYPT_COST": "4", "LOG_LEVEL": "warning",
            "FRONTEND_URL": self.base, "RATE_LIMIT_PER_USER": "100000", "RATE_LIMIT_PER_IP": "100000", **env,
        }
        self.env.pop("DATABASE_URL", None)
        self.env.pop("REDIS_URL", None)
        self.process = None

    def start(self):
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        self.process = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/api/health", timeout=1)
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("the server stopped: " + open(self.log.name).read()[-2000:])
                time.sleep(0.1)
        raise RuntimeError("the server did not start within 30 s")

    def restart(self):
        """Stops the server and starts it again on the same port and data: what a deploy does."""
        self.process.terminate()
        self.process.wait(10)
        self.log.close()
        return self.start()

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # The API, for seeding and for checking what the UI did.
    def call(self, method, path, body=None, token=None, headers=None, raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None and raw is None:
            request.add_header("Content-Type", "application/json")
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
                return response.status, (json.loads(text) if text and response.headers.get_content_type() == "application/json" else text)
        except urllib.error.HTTPError as error:
            text = error.read()
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, text

    def token(self, login="admin", password=ADMIN_PASSWORD):
        status, body = self.call("POST", "/api/v1/auth/login", {"login": login, "password": password})
        assert status == 200, body
        return body["access_token"]

    def create_user(self, username, password, role="user"):
        status, body = self.call("POST", "/api/v1/users", {"username": username, "email": f"{username}@example.com", "password": password, "role": role}, token=self.token())
        assert status == 201, body
        return body

    def create_prompt(self, document, token=None):
        status, body = self.call("POST", "/api/v1/prompts", document, token=token or self.token())
        assert status == 201, body
        return body


def browser(width=1440, height=1000, downloads=None, dark=False, host_rules=None):
    """A headless Chromium that keeps its console log for `console_problems`. `host_rules`
    ("MAP name 127.0.0.1") lets a test reach the server by a name that is not localhost: a page
    there is not a secure context (no Web Locks, no clipboard)."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", shutil.which("chromium") or "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}",
                     "--disable-background-networking", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    if host_rules:
        options.add_argument(f"--host-resolver-rules={host_rules}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(0)
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    if downloads:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def wait(driver, seconds=10):
    return WebDriverWait(driver, seconds, poll_frequency=0.05)


def find(driver, css, seconds=10):
    """The first element matching `css` once it is visible."""
    return wait(driver, seconds).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def find_text(driver, text, css="body", seconds=10):
    """Waits until an element matching `css` contains `text`."""
    wait(driver, seconds).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))


def click_button(driver, text, seconds=10):
    """Clicks the visible button or link whose text is exactly `text`."""
    def found(d):
        for element in d.find_elements(By.XPATH, f"//button[normalize-space()={json.dumps(text)}] | //a[normalize-space()={json.dumps(text)}]"):
            if element.is_displayed() and element.is_enabled():
                return element
        return False
    element = wait(driver, seconds).until(found)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    return element


def confirm(driver):
    """Accepts the open confirmation dialog."""
    find(driver, "dialog[open] [data-confirm]").click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"))


def sign_in(driver, server, login="admin", password=ADMIN_PASSWORD):
    driver.get(server.base + "/")
    find(driver, "input[name=login]").send_keys(login)
    driver.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    find(driver, "#sign-out")


def go(driver, server, route):
    """Opens a page of the UI and waits for its heading."""
    driver.get(f"{server.base}/#{route}")
    find(driver, "main h1")
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "main > .loading"))


def console_problems(driver):
    """Console errors and warnings since the last call: script errors, CSP violations ("Refused
    to …") and failed requests ("Failed to load resource") all land here."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
