"""Real-time in a real Chromium: two people on one prompt see each other, changes appear without
reloading, the editor warns before a save that would conflict, and the page reconnects (and
re-joins) when the server restarts.

Run by scripts/browser/run.sh (part of scripts/test.sh)."""

import unittest

from selenium.webdriver.common.by import By

from harness import Server, browser, click_button, console_problems, find, find_text, go, sign_in, wait

SERVER = None
PASSWORD = "Another-good-passphrase-9"


def setUpModule():
    global SERVER
    SERVER = Server().start()
    SERVER.create_user("ana", PASSWORD)


def tearDownModule():
    SERVER.stop()


def new_prompt(name):
    return SERVER.create_prompt({"name": name, "title": "Greeter", "prompt": {"goal": "Greet {{who}} warmly."},
                                 "variables": [{"name": "who", "type": "string", "required": True}]})


def save_version(prompt_id, version, goal):
    status, body = SERVER.call("PUT", f"/api/v1/prompts/{prompt_id}", {"name": body_name(prompt_id), "title": "Greeter", "prompt": {"goal": goal},
                                                                       "variables": [{"name": "who", "type": "string", "required": True}]},
                               token=SERVER.token(), headers={"If-Match": f'"v{version}"'})
    assert status == 200, body
    return body


def body_name(prompt_id):
    status, body = SERVER.call("GET", f"/api/v1/prompts/{prompt_id}", token=SERVER.token())
    assert status == 200, body
    return body["name"]


class LiveTests(unittest.TestCase):
    def setUp(self):
        self.drivers = []
        self.allowed_console = []

    def open(self, login="admin", password=None):
        driver = browser()
        self.drivers.append(driver)
        if password:
            sign_in(driver, SERVER, login, password)
        else:
            sign_in(driver, SERVER)
        find_text(driver, "Live", "#live-status")
        return driver

    def tearDown(self):
        for driver in self.drivers:
            problems = [p for p in console_problems(driver) if not any(allowed in p for allowed in self.allowed_console)]
            self.assertEqual(problems, [])
            driver.quit()

    def test_two_people_see_each_other_changes_appear_and_the_editor_warns_before_a_conflicting_save(self):
        prompt = new_prompt("live/greeter")
        status, _ = SERVER.call("PUT", f"/api/v1/prompts/{prompt['id']}/collaborators/ana", {}, token=SERVER.token())
        self.assertIn(status, (200, 201, 204))
        admin = self.open()
        go(admin, SERVER, f"/prompts/{prompt['id']}/history")
        ana = self.open("ana", PASSWORD)
        go(ana, SERVER, f"/prompts/{prompt['id']}/edit")
        ana.find_element(By.CSS_SELECTOR, "input[name=commit_message]").send_keys("Warmer")

        # The admin sees ana arrive and start editing.
        find_text(admin, "Also here: ana (editing)", "#presence")
        # A version saved elsewhere appears on the admin's history without a reload...
        marker = admin.execute_script("window.__notReloaded = true; return 1")
        self.assertEqual(marker, 1)
        save_version(prompt["id"], 1, "Greet {{who}} like an old friend.")
        find_text(admin, "v2", ".page-header .meta")
        self.assertTrue(admin.execute_script("return window.__notReloaded === true"), "the page was redrawn, not reloaded")
        find_text(admin, "Also here: ana (editing)", "#presence")
        # ...and ana's editor says her save would now conflict, and asks before saving.
        find_text(ana, "Version 2 was saved while you edit version 1", "#live-newer")
        # The save goes ahead when confirmed and meets the server's 409, which the browser logs.
        self.allowed_console = ["status of 409 (Conflict)"]
        click_button(ana, "Save new version")
        find_text(ana, "Version 2 was saved since you started editing version 1", "dialog[open]")
        find(ana, "dialog[open] [data-confirm]").click()
        find(ana, "#conflict")
        find_text(ana, "Someone else saved first", "#conflict")

    def test_the_page_says_reconnecting_when_the_server_goes_and_rejoins_when_it_is_back(self):
        prompt = new_prompt("live/restart")
        admin = self.open()
        go(admin, SERVER, f"/prompts/{prompt['id']}")
        ana = self.open("ana", PASSWORD)
        go(ana, SERVER, f"/prompts/{prompt['id']}")
        find_text(admin, "Also here: ana", "#presence")
        # A restart cuts the sockets; the browser logs the failed reconnection attempts.
        self.allowed_console = ["WebSocket", "Failed to load resource", "ERR_CONNECTION_REFUSED"]
        admin.execute_script("""window.__statuses = [];
            const el = document.getElementById('live-status');
            new MutationObserver(() => window.__statuses.push(el.dataset.status)).observe(el, { attributes: true });""")
        SERVER.restart()
        find_text(admin, "Live", "#live-status", seconds=40)
        find_text(ana, "Live", "#live-status", seconds=40)
        self.assertIn("reconnecting", admin.execute_script("return window.__statuses"))
        # Both re-joined the room: presence and events flow again.
        find_text(admin, "Also here: ana", "#presence", seconds=15)
        save_version(prompt["id"], 1, "Greet {{who}} after the restart.")
        find_text(admin, "v2", ".page-header .meta")


if __name__ == "__main__":
    unittest.main()
