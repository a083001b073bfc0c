"""The web UI in a real Chromium against a real `promptlib serve`: what a person does, end to end.

Run by scripts/browser/run.sh (part of scripts/test.sh)."""

import json
import os
import tempfile
import time
import unittest
import zipfile

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from harness import (ADMIN_PASSWORD, Server, browser, click_button, confirm, console_problems, find, find_text, go, sign_in, wait)

SERVER = None
PASSWORD = "Browser-user-pass-1"


def setUpModule():
    global SERVER
    # Three failed sign-ins lock an account, so the lock-out is quick to reach.
    SERVER = Server(LOGIN_FAILURES_PER_ACCOUNT="3").start()


def tearDownModule():
    SERVER.stop()


def product_prompt(name, title="Product copy"):
    return {"name": name, "title": title, "prompt": {"goal": "Describe {{product}} for {{audience}}"},
            "variables": [{"name": "product", "type": "string", "required": True},
                          {"name": "audience", "type": "enum", "options": ["shoppers", "engineers"], "default": "shoppers"}]}


class UITest(unittest.TestCase):
    def setUp(self):
        self.drivers = []

    def tearDown(self):
        for driver in self.drivers:
            driver.quit()

    def open(self, **options):
        driver = browser(**options)
        self.drivers.append(driver)
        return driver

    def admin(self):
        driver = self.open()
        sign_in(driver, SERVER)
        return driver


class SignInTests(UITest):
    def test_good_sign_in_survives_a_reload_and_keeps_tokens_out_of_storage(self):
        driver = self.admin()
        driver.refresh()
        find(driver, "#sign-out")
        self.assertEqual(driver.execute_script("return localStorage.length + sessionStorage.length"), 0)
        self.assertNotIn("promptlib_refresh", driver.execute_script("return document.cookie"))
        self.assertNotIn("plr_", driver.execute_script("return document.cookie"))
        click_button(driver, "Sign out")
        find_text(driver, "You are signed out", "main")
        driver.refresh()
        find(driver, "input[name=login]")

    def test_two_tabs_refreshing_at_once_keep_the_session(self):
        # A refresh token is single-use, and a reused one ends the session as stolen: tabs must
        # take turns. On 127.0.0.1 they do through Web Locks; on a plain-HTTP host name the
        # browser has none, and the page's own lease must do it.
        for host in ("127.0.0.1", "promptlib.test"):
            base = SERVER.base.replace("127.0.0.1", host)
            driver = self.open(host_rules="MAP promptlib.test 127.0.0.1")
            driver.get(base + "/")
            find(driver, "input[name=login]").send_keys("admin")
            driver.find_element(By.NAME, "password").send_keys(ADMIN_PASSWORD + "\n")
            find(driver, "#sign-out")
            self.assertEqual(driver.execute_script("return Boolean(navigator.locks)"), host == "127.0.0.1")
            driver.switch_to.new_window("tab")
            driver.get(base + "/#/library")
            find(driver, "#sign-out")
            tabs = driver.window_handles
            for _ in range(3):
                # Both tabs reload at the same moment, so both resume (refresh) together.
                at = driver.execute_script("return Date.now() + 400")
                for tab in tabs:
                    driver.switch_to.window(tab)
                    driver.execute_script("setTimeout(() => location.reload(), arguments[0] - Date.now())", at)
                time.sleep(1.5)
                for tab in tabs:
                    driver.switch_to.window(tab)
                    find(driver, "#sign-out")
            self.assertEqual(driver.execute_script("return localStorage.length"), 0, "the lease is given back")

    def test_signing_out_while_the_server_is_down_says_so_and_keeps_the_session(self):
        server = Server().start()
        try:
            driver = self.open()
            sign_in(driver, server)
            server.process.terminate()
            server.process.wait(10)
            click_button(driver, "Sign out")
            find_text(driver, "still signed in", "#toasts")
            self.assertTrue(driver.find_element(By.ID, "sign-out").is_displayed())
            self.assertIn("promptlib_session=1", driver.execute_script("return document.cookie"))
        finally:
            server.stop()

    def test_wrong_password_says_so(self):
        driver = self.open()
        driver.get(SERVER.base + "/")
        find(driver, "input[name=login]").send_keys("admin")
        driver.find_element(By.NAME, "password").send_keys("not the password")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        find_text(driver, "Wrong username, email or password", "[role=alert]")

    def test_locked_account_says_so(self):
        SERVER.create_user("locky", PASSWORD)
        driver = self.open()
        driver.get(SERVER.base + "/")
        find(driver, "input[name=login]").send_keys("locky")
        for _ in range(5):
            driver.find_element(By.NAME, "password").send_keys("wrong password!")
            driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            time.sleep(0.3)
            wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "form button[type=submit]").is_enabled())
        find_text(driver, "locked", "[role=alert]")
        # Even the right password is refused while the account is locked.
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        time.sleep(0.5)
        find_text(driver, "locked", "[role=alert]")
        self.assertFalse(driver.find_elements(By.ID, "sign-out"))


class EditorTests(UITest):
    def new_prompt(self, name, title, goal):
        """An admin's browser on the new-prompt form with the name, title and goal typed in."""
        driver = self.admin()
        go(driver, SERVER, "/new")
        for field, value in (("name", name), ("title", title), ("goal", goal)):
            driver.find_element(By.NAME, field).send_keys(value)
        return driver

    def test_create_a_prompt_with_variables_through_the_editor(self):
        driver = self.new_prompt("ui/welcome-email", "Welcome email", "Welcome {{customer}} to {{plan}}")
        driver.find_element(By.NAME, "tags").send_keys("onboarding, email")
        click_button(driver, "Add variable")
        rows = driver.find_elements(By.CSS_SELECTOR, "fieldset.variable")
        rows[-1].find_element(By.NAME, "variable_name").send_keys("customer")
        rows[-1].find_element(By.NAME, "variable_required").click()
        click_button(driver, "Add variable")
        row = driver.find_elements(By.CSS_SELECTOR, "fieldset.variable")[-1]
        row.find_element(By.NAME, "variable_name").send_keys("plan")
        Select(row.find_element(By.NAME, "variable_type")).select_by_value("enum")
        row.find_element(By.NAME, "variable_options").send_keys("free, pro")
        row.find_element(By.NAME, "variable_default").send_keys("free")
        driver.find_element(By.NAME, "commit_message").send_keys("First draft")
        click_button(driver, "Create prompt")
        find_text(driver, "Welcome email", "main h1")
        status, prompt = SERVER.call("GET", "/api/v1/prompts/by-name/ui%2Fwelcome-email", token=SERVER.token())
        self.assertEqual(status, 200)
        self.assertEqual(prompt["tags"], ["onboarding", "email"])
        self.assertEqual(prompt["commit_message"], "First draft")
        self.assertEqual(prompt["variables"], [{"name": "customer", "type": "string", "required": True},
                                               {"name": "plan", "type": "enum", "options": ["free", "pro"], "default": "free"}])

    def test_model_settings_and_the_owner_are_edited_in_the_form(self):
        SERVER.create_user("new-owner", PASSWORD)
        prompt = SERVER.create_prompt(product_prompt("ui/handed-over", "Handed over"))
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/edit")
        Select(driver.find_element(By.NAME, "model_provider")).select_by_value("anthropic")
        driver.find_element(By.NAME, "top_p").send_keys("0.9")
        driver.find_element(By.NAME, "params").send_keys('{"stop_sequences": ["END"]}')
        owner = driver.find_element(By.NAME, "owner")
        owner.clear()
        owner.send_keys("new-owner")
        click_button(driver, "Save new version")
        find_text(driver, "new-owner", "main .meta")
        saved = SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}", token=SERVER.token())[1]
        self.assertEqual((saved["owner"], saved["model"]), ("new-owner", {"provider": "anthropic", "top_p": 0.9, "params": {"stop_sequences": ["END"]}}))

    def test_saving_an_untouched_document_writes_it_unchanged(self):
        # What the form cannot show as typed (whitespace, empty lists and objects, an unlisted
        # provider, an empty example output) survives a save that changed nothing.
        document = {
            "name": "ui/untouched", "title": "Untouched", "summary": "  spaced summary ", "tags": ["keep"],
            "prompt": {"goal": "Indented {{code}}  ", "context": "line one\n  line two\n", "steps": ["  indented step", "plain"],
                       "examples": [{"input": "in", "output": ""}], "output": {"format": "json", "fields": []}},
            "variables": [{"name": "code", "type": "string", "default": "  padded  ", "required": False},
                          {"name": "items", "type": "list", "default": []}, {"name": "extra", "type": "json", "default": {}}],
            "model": {"provider": "mistral", "name": "mistral-large", "temperature": 0.7, "params": {"seed": 7, "stop": [], "logit_bias": {}}},
        }
        prompt = SERVER.create_prompt(document)
        token = SERVER.token()
        before = SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}", token=token)[1]
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/edit")
        driver.find_element(By.NAME, "commit_message").send_keys("Nothing changed")
        click_button(driver, "Save new version")
        find_text(driver, "v2", "main .meta")
        after = SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}", token=token)[1]
        keys = ("name", "title", "summary", "tags", "status", "owner", "prompt", "variables", "model")
        self.assertEqual({k: after.get(k) for k in keys}, {k: before.get(k) for k in keys})

    def test_problems_show_beside_their_fields_and_nothing_is_saved(self):
        driver = self.new_prompt("ui/broken", "Broken", "Uses {{undeclared}}")
        click_button(driver, "Create prompt")
        problem = find(driver, ".field.invalid .problem")
        self.assertIn("undeclared", problem.text)
        self.assertEqual(SERVER.call("GET", "/api/v1/prompts/by-name/ui%2Fbroken", token=SERVER.token())[0], 404)

    def test_yaml_view_round_trips_with_the_form(self):
        driver = self.new_prompt("ui/yaml-trip", "YAML trip", "Say hi")
        driver.find_element(By.ID, "tab-yaml").click()
        yaml = find(driver, "textarea.yaml")
        wait(driver).until(lambda d: "YAML trip" in yaml.get_attribute("value"))
        text = yaml.get_attribute("value").replace("title: YAML trip", "title: Edited in YAML")
        yaml.clear()
        yaml.send_keys(text)
        driver.find_element(By.ID, "tab-form").click()
        # The form is rebuilt from the YAML: read it by script, so a replaced element is no error.
        wait(driver).until(lambda d: d.execute_script("const t = document.querySelector('[name=title]'); return t && t.value") == "Edited in YAML")
        self.assertEqual(driver.find_element(By.NAME, "goal").get_attribute("value"), "Say hi")

    def test_a_second_session_saving_first_gives_a_conflict_screen_with_their_change(self):
        prompt = SERVER.create_prompt(product_prompt("ui/conflicted", "Conflicted"))
        first, second = self.admin(), self.admin()
        for driver in (first, second):
            go(driver, SERVER, f"/prompts/{prompt['id']}/edit")
        title = second.find_element(By.NAME, "title")
        title.clear()
        title.send_keys("Their title")
        click_button(second, "Save new version")
        find_text(second, "Their title", "main h1")
        goal = first.find_element(By.NAME, "goal")
        goal.clear()
        goal.send_keys("My goal for {{product}} and {{audience}}")
        # Live updates told the first editor of version 2 (test_live.py): it asks before saving.
        find_text(first, "Version 2 was saved while you edit version 1", "#live-newer")
        click_button(first, "Save new version")
        find(first, "dialog[open] [data-confirm]").click()
        conflict = find(first, "#conflict")
        self.assertIn("Someone else saved first", conflict.text)
        self.assertIn("+title: Their title", conflict.text)
        # Nothing was lost: the editor still holds my change, and saving on top writes version 3.
        self.assertIn("My goal", first.find_element(By.NAME, "goal").get_attribute("value"))
        click_button(first, "Save mine on top of version 2")
        find_text(first, "v3", "main .meta")
        status, latest = SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}", token=SERVER.token())
        self.assertEqual((latest["version"], latest["prompt"]["goal"]), (3, "My goal for {{product}} and {{audience}}"))


class ReleaseTests(UITest):
    def test_render_for_two_providers(self):
        prompt = SERVER.create_prompt(product_prompt("ui/render-me"))
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/render")
        find(driver, "textarea[name=var-product]").send_keys("a garden rake")
        # One provider: the model field suggests its models from the catalogue.
        wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "datalist option")) > 3)
        self.assertIn("gpt-", driver.find_element(By.CSS_SELECTOR, "datalist option").get_attribute("value"))
        driver.find_element(By.CSS_SELECTOR, "input[value=anthropic]").click()
        self.assertFalse(driver.find_element(By.NAME, "model").is_enabled(), "one model id cannot suit two providers")
        click_button(driver, "Render")
        results = wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".render-result")) == 2 and d.find_elements(By.CSS_SELECTOR, ".render-result"))
        providers = sorted(r.get_attribute("data-provider") for r in results)
        self.assertEqual(providers, ["anthropic", "openai"])
        for result in results:
            payload = json.loads(result.find_element(By.CSS_SELECTOR, "pre.payload").text)
            self.assertIn("Describe a garden rake for shoppers", json.dumps(payload))

    def test_a_missing_required_value_is_refused_where_it_was_typed(self):
        prompt = SERVER.create_prompt(product_prompt("ui/render-missing"))
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/render")
        click_button(driver, "Render")
        find_text(driver, "product", "[role=alert]")
        self.assertFalse(driver.find_elements(By.CSS_SELECTOR, ".render-result"))

    def test_move_production_then_roll_back(self):
        token = SERVER.token()
        prompt = SERVER.create_prompt(product_prompt("ui/release"))
        document = product_prompt("ui/release")
        document["prompt"]["goal"] = "Version two for {{product}} and {{audience}}"
        self.assertEqual(SERVER.call("PUT", f"/api/v1/prompts/{prompt['id']}", document, token=token, headers={"If-Match": '"v1"'})[0], 200)
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/history")
        find(driver, "button[data-action=production][data-version='2']").click()
        confirm(driver)
        find(driver, "button[data-action=production][data-version='1']")
        self.assertEqual(SERVER.call("GET", "/api/v1/prompts/by-name/ui%2Frelease?label=production", token=token)[1]["version"], 2)
        click_button(driver, "Roll back production here")
        confirm(driver)
        find(driver, "button[data-action=production][data-version='2']")
        self.assertEqual(SERVER.call("GET", "/api/v1/prompts/by-name/ui%2Frelease?label=production", token=token)[1]["version"], 1)
        find_text(driver, "v2 → v1", "main")

    def test_rate_a_version(self):
        prompt = SERVER.create_prompt(product_prompt("ui/rated"))
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/ratings")
        driver.find_element(By.CSS_SELECTOR, "input[name=score][value='4']").click()
        driver.find_element(By.NAME, "note").send_keys("Clear and short")
        click_button(driver, "Rate")
        find_text(driver, "4.00 ★", ".rating-summary")
        find_text(driver, "Clear and short", "main table")
        ratings = SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}/ratings", token=SERVER.token())[1]
        self.assertEqual((ratings["summary"]["count"], ratings["data"][0]["score"]), (1, 4))


class ExchangeTests(UITest):
    def test_export_then_import_with_the_plan_first(self):
        exported = SERVER.create_prompt(product_prompt("exported/one", "Exported one"))
        downloads = tempfile.mkdtemp(prefix="promptlib-downloads.")
        driver = self.open(downloads=downloads)
        sign_in(driver, SERVER)
        go(driver, SERVER, "/exchange")
        driver.find_element(By.NAME, "folder").send_keys("exported")
        click_button(driver, "Download archive")
        archive = self.wait_for_download(downloads, ".zip")
        with zipfile.ZipFile(archive) as zipped:
            names = zipped.namelist()
        self.assertIn("manifest.json", names)
        self.assertTrue(any(n.startswith("prompts/") and "exported" in n for n in names), names)
        # A new prompt from a YAML file: the plan first, then the import.
        path = os.path.join(downloads, "imported.yaml")
        with open(path, "w") as handle:
            handle.write("schema: promptlib/v1\nname: imported/from-ui\ntitle: Imported from the UI\nprompt:\n  goal: Hello\n")
        go(driver, SERVER, "/exchange")
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
        click_button(driver, "Show the plan")
        find_text(driver, "1 create", "#import-plan")
        self.assertEqual(SERVER.call("GET", "/api/v1/prompts/by-name/imported%2Ffrom-ui", token=SERVER.token())[0], 404)
        click_button(driver, "Import")
        find_text(driver, "Imported", "#import-plan h3")
        self.assertEqual(SERVER.call("GET", "/api/v1/prompts/by-name/imported%2Ffrom-ui", token=SERVER.token())[0], 200)
        # The exported archive again, after the prompt changed: a conflict until a strategy is chosen.
        changed = product_prompt("exported/one", "Changed since the export")
        self.assertEqual(SERVER.call("PUT", f"/api/v1/prompts/{exported['id']}", changed, token=SERVER.token(), headers={"If-Match": '"v1"'})[0], 200)
        go(driver, SERVER, "/exchange")
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(archive)
        click_button(driver, "Show the plan")
        find_text(driver, "1 conflict", "#import-plan")
        self.assertEqual(driver.find_elements(By.ID, "apply-import"), [], "a plan with conflicts cannot be applied")
        Select(driver.find_element(By.NAME, "on_conflict")).select_by_value("new_version")
        click_button(driver, "Show the plan")
        find_text(driver, "1 new version", "#import-plan")
        click_button(driver, "Import")
        find_text(driver, "Imported", "#import-plan h3")
        latest = SERVER.call("GET", f"/api/v1/prompts/{exported['id']}", token=SERVER.token())[1]
        self.assertEqual((latest["version"], latest["title"]), (3, "Exported one"))

    def wait_for_download(self, directory, suffix):
        deadline = time.time() + 15
        while time.time() < deadline:
            done = [f for f in os.listdir(directory) if f.endswith(suffix)]
            if done:
                return os.path.join(directory, done[0])
            time.sleep(0.2)
        self.fail(f"no {suffix} download in {directory}: {os.listdir(directory)}")


class AccessTests(UITest):
    def test_create_an_api_key_use_it_then_revoke_it(self):
        prompt = SERVER.create_prompt(product_prompt("ui/for-apps"))
        driver = self.admin()
        go(driver, SERVER, "/keys")
        driver.find_element(By.NAME, "name").send_keys("checkout-service")
        click_button(driver, "Create key")
        key = find(driver, "#new-key").get_attribute("value")
        self.assertTrue(key.startswith("pl_"), key)
        self.assertEqual(SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}", token=key)[0], 200)
        driver.refresh()
        find(driver, "main h1")
        # The key is never shown again: only its prefix.
        self.assertNotIn(key, driver.page_source)
        find(driver, "button[data-key='checkout-service']").click()
        confirm(driver)
        find_text(driver, "revoked", "main table")
        self.assertEqual(SERVER.call("GET", f"/api/v1/prompts/{prompt['id']}", token=key)[0], 401)

    def test_admin_disables_a_user_who_is_then_signed_out(self):
        SERVER.create_user("soon-disabled", PASSWORD)
        user = self.open()
        sign_in(user, SERVER, "soon-disabled", PASSWORD)
        admin = self.admin()
        go(admin, SERVER, "/admin/users")
        find(admin, "button[data-disable='soon-disabled']").click()
        confirm(admin)
        find_text(admin, "disabled", "main table")
        user.get(SERVER.base + "/#/library")
        find(user, "input[name=login]")
        find_text(user, "sign in again", "main")
        user.refresh()
        find(user, "input[name=login]").send_keys("soon-disabled")
        user.find_element(By.NAME, "password").send_keys(PASSWORD)
        user.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        find(user, "[role=alert]")
        self.assertFalse(user.find_elements(By.ID, "sign-out"))

    def test_a_link_to_the_latest_version_follows_it_past_production(self):
        token = SERVER.token()
        prompt = SERVER.create_prompt(product_prompt("ui/shared-latest", "Shared latest"))
        second = product_prompt("ui/shared-latest", "Shared latest, v2")
        self.assertEqual(SERVER.call("PUT", f"/api/v1/prompts/{prompt['id']}", second, token=token, headers={"If-Match": '"v1"'})[0], 200)
        SERVER.call("PUT", f"/api/v1/prompts/{prompt['id']}/labels/production", {"version": 1}, token=token)
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/share")
        click_button(driver, "Create link")
        url = find(driver, "#share-url").get_attribute("value")
        visitor = self.open()
        visitor.get(url)
        find_text(visitor, "Shared latest, v2", "main h1")
        find_text(visitor, "version 2", "main")

    def test_a_protected_share_link_opens_in_a_browser_with_its_password(self):
        prompt = SERVER.create_prompt(product_prompt("ui/shared", "Shared prompt"))
        driver = self.admin()
        go(driver, SERVER, f"/prompts/{prompt['id']}/share")
        driver.find_element(By.NAME, "password").send_keys("open sesame")
        click_button(driver, "Create link")
        url = find(driver, "#share-url").get_attribute("value")
        self.assertIn("/s/pls_", url)
        visitor = self.open()
        visitor.get(url)
        find(visitor, "input[name=share_password]").send_keys("wrong")
        click_button(visitor, "Open")
        find_text(visitor, "wrong", "[role=alert]")
        find(visitor, "input[name=share_password]").send_keys("open sesame")
        click_button(visitor, "Open")
        find_text(visitor, "Shared prompt", "main h1")
        find_text(visitor, "Describe {{product}}", "#shared-prompt")
        # Revoked: the page says so.
        go(driver, SERVER, f"/prompts/{prompt['id']}/share")
        click_button(driver, "Revoke")
        confirm(driver)
        find_text(driver, "revoked", "main table")
        visitor.get(url)
        find_text(visitor, "cannot be opened", "main h1")


class RoleTests(UITest):
    def test_controls_follow_what_the_account_may_do(self):
        prompt = SERVER.create_prompt(product_prompt("ui/owned-by-admin", "Owned by admin"))
        SERVER.create_user("reader", PASSWORD, "viewer")
        SERVER.create_user("colleague", PASSWORD, "user")
        viewer = self.open()
        sign_in(viewer, SERVER, "reader", PASSWORD)
        go(viewer, SERVER, "/")
        self.assertNotIn("New prompt", viewer.find_element(By.TAG_NAME, "body").text)
        go(viewer, SERVER, f"/prompts/{prompt['id']}")
        self.assertEqual(viewer.find_elements(By.ID, "edit"), [])
        go(viewer, SERVER, "/new")
        find_text(viewer, "needs the user role", "main")
        self.assertEqual(viewer.find_elements(By.NAME, "title"), [])
        # A user who neither owns nor collaborates: no edit, archive, release or share controls,
        # and the share tab explains instead of failing.
        user = self.open()
        sign_in(user, SERVER, "colleague", PASSWORD)
        go(user, SERVER, f"/prompts/{prompt['id']}/history")
        self.assertEqual(user.find_elements(By.ID, "edit") + user.find_elements(By.CSS_SELECTOR, "button[data-action=production]"), [])
        self.assertNotIn("Archive", user.find_element(By.CSS_SELECTOR, ".page-header").text)
        go(user, SERVER, f"/prompts/{prompt['id']}/edit")
        find_text(user, "may write it", "main")
        self.assertEqual(user.find_elements(By.NAME, "title"), [], "no editor to fill in only to be refused")
        go(user, SERVER, f"/prompts/{prompt['id']}/share")
        find_text(user, "made by those who may write", "#prompt-tab")
        self.assertEqual(console_problems(user), [])
        # The owner makes them a collaborator on the Share & access tab; they may then edit
        # (production stays the owner's).
        admin = self.admin()
        go(admin, SERVER, f"/prompts/{prompt['id']}/share")
        find(admin, "input[name=collaborator]").send_keys("colleague")
        click_button(admin, "Add collaborator")
        find(admin, "button[data-remove='colleague']")
        go(user, SERVER, f"/prompts/{prompt['id']}/history")
        find(user, "#edit")
        self.assertEqual(user.find_elements(By.CSS_SELECTOR, "button[data-action=production]"), [])


class QualityTests(UITest):
    PAGES = ["/", "/library", "/new", "/exchange", "/connections", "/keys", "/admin/users", "/admin/audit", "/account"]

    def prompt_pages(self):
        prompt = SERVER.create_prompt(product_prompt(f"ui/quality-{time.time_ns()}"))
        return [f"/prompts/{prompt['id']}{tab}" for tab in ("", "/history", "/render", "/playground", "/enhance", "/ratings", "/share", "/edit")]

    def test_paging_controls_appear_only_when_there_is_more(self):
        folder = f"paging{time.time_ns()}"
        for n in range(2):
            SERVER.create_prompt(product_prompt(f"{folder}/p{n}"))
        driver = self.admin()
        go(driver, SERVER, f"/library?folder={folder}")
        wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "main").get_attribute("data-loaded"))
        self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, "table.prompts tbody tr")), 2)
        self.assertFalse(driver.find_element(By.XPATH, "//button[normalize-space()='Load more']").is_displayed())
        go(driver, SERVER, "/connections")
        self.assertFalse(driver.find_element(By.NAME, "base_url").is_displayed(), "Base URL is for OpenAI-compatible servers only")
        Select(driver.find_element(By.NAME, "provider")).select_by_value("openai_compatible")
        self.assertTrue(driver.find_element(By.NAME, "base_url").is_displayed())

    def test_no_page_logs_an_error_a_csp_violation_or_a_failed_request(self):
        driver = self.admin()
        for page in self.PAGES + self.prompt_pages():
            go(driver, SERVER, page)
            time.sleep(0.3)
            self.assertEqual(console_problems(driver), [], page)

    def test_every_page_fits_a_360_px_screen(self):
        SERVER.create_prompt(product_prompt("ui/a-rather-long-folder-name/with-an-even-longer-prompt-name-that-goes-on", "A title that is long enough to wrap"))
        driver = self.open(width=360, height=800)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        sign_in(driver, SERVER)
        for page in self.PAGES + self.prompt_pages():
            go(driver, SERVER, page)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            self.assertLessEqual(overflow, 0, f"{page} scrolls sideways by {overflow} px")
            # Nothing sticks out past the right edge either, except inside a box that scrolls.
            cut = driver.execute_script("""
                return [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1
                  && !el.closest('.table-wrap, pre, .payload')).map((el) => el.tagName + '.' + el.className).slice(0, 5);""")
            self.assertEqual(cut, [], page)

    def test_every_input_has_a_label(self):
        driver = self.admin()
        for page in self.PAGES + self.prompt_pages():
            go(driver, SERVER, page)
            unlabelled = driver.execute_script("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.closest('label'))
                  .map((el) => el.name || el.outerHTML.slice(0, 80));""")
            self.assertEqual(unlabelled, [], page)

    def test_markup_in_stored_values_stays_text(self):
        attack = '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>'
        token = SERVER.token()
        prompt = SERVER.create_prompt({"name": "ui/markup", "title": "T " + attack, "summary": attack, "tags": ["<b>bold</b>"],
                                       "commit_message": attack, "prompt": {"goal": attack, "steps": [attack]},
                                       "variables": [{"name": "v", "type": "enum", "options": [attack], "description": attack}]}, token=token)
        SERVER.call("PUT", f"/api/v1/prompts/{prompt['id']}/ratings/mine", {"version": 1, "score": 2, "note": attack}, token=token)
        SERVER.call("POST", "/api/v1/api-keys", {"name": attack[:90], "scopes": ["prompts:read"]}, token=token)
        driver = self.admin()
        for page in ["/", "/library", "/keys", "/admin/audit"] + [f"/prompts/{prompt['id']}{tab}" for tab in ("", "/history", "/render", "/ratings", "/edit")]:
            go(driver, SERVER, page)
            time.sleep(0.2)
            self.assertIsNone(driver.execute_script("return window.__owned || null"), page)
            self.assertEqual(driver.find_elements(By.CSS_SELECTOR, "main img, main script, main b"), [], page)
            self.assertEqual(console_problems(driver), [], page)
        go(driver, SERVER, f"/prompts/{prompt['id']}")
        self.assertIn("onerror", driver.find_element(By.TAG_NAME, "h1").text, "shown as the text it is")

    def test_text_contrast_meets_wcag_aa_in_light_and_dark(self):
        for dark in (False, True):
            driver = self.open(dark=dark)
            sign_in(driver, SERVER)
            for page in self.PAGES + self.prompt_pages()[:3]:
                go(driver, SERVER, page)
                failures = driver.execute_script(CONTRAST_CHECK)
                self.assertEqual(failures, [], f"{page} ({'dark' if dark else 'light'})")

    def test_the_keyboard_reaches_the_navigation_with_a_visible_focus(self):
        driver = self.admin()
        driver.refresh()  # a fresh page: focus starts at the top
        find(driver, "#sign-out")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        seen = []
        for _ in range(6):
            element = driver.switch_to.active_element
            seen.append(element.text)
            outline = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
            self.assertNotEqual(outline, "none", f"no visible focus on {element.text!r}")
            element.send_keys(Keys.TAB)
        self.assertIn("Library", seen)


# Every visible element with its own text: its colour against the first opaque background behind
# it must reach 4.5:1 (3:1 for large text), WCAG 2.1 AA.
CONTRAST_CHECK = """
const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return parse(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255 }; };
const out = [];
for (const el of document.querySelectorAll('body *')) {
  if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none' || !el.getClientRects().length || el.disabled || el.closest('[disabled], option')) continue;
  const fg = parse(style.color); const bg = background(el);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  const size = parseFloat(style.fontSize); const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
}
return out.slice(0, 10);
"""


if __name__ == "__main__":
    unittest.main(verbosity=2)
