"""The UI's model features in a real Chromium: the playground, enhancement, and connection tests,
against a fake provider (fake_provider.py) that speaks OpenAI's Responses API.

Run by scripts/browser/run.sh (part of scripts/test.sh)."""

import json
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from fake_provider import FakeProvider, responses_reply
from harness import Server, browser, click_button, console_problems, find, find_text, go, sign_in, wait
from test_ui import CONTRAST_CHECK

SERVER = None
FAKE = None


def setUpModule():
    global SERVER, FAKE
    FAKE = FakeProvider()
    SERVER = Server(PROVIDER_MAX_RETRIES="0", PROVIDER_READ_TIMEOUT_SECONDS="5").start()


def tearDownModule():
    SERVER.stop()
    FAKE.stop()


def connection(name):
    status, body = SERVER.call("POST", "/api/v1/connections", {"name": name, "provider": "openai", "base_url": FAKE.url,
                                                                "credentials": {"api_key": "sk-browser-test-0123456789"}}, token=SERVER.token())
    assert status == 201, body
    return body


def prompt(name, document=None):
    return SERVER.create_prompt(document or {"name": name, "title": "Lamp copy", "prompt": {"goal": "Describe {{product}} for shoppers in two sentences."},
                                             "variables": [{"name": "product", "type": "string", "required": True}]})


class ModelTest(unittest.TestCase):
    def setUp(self):
        self.driver = browser()
        sign_in(self.driver, SERVER)
        FAKE.answer()
        # Requests a test makes fail on purpose (the browser logs every error status).
        self.expected_failures = []

    def tearDown(self):
        problems = [p for p in console_problems(self.driver)
                    if not ("Failed to load resource" in p and any(path in p for path in self.expected_failures))]
        self.assertEqual(problems, [])
        self.driver.quit()


class PlaygroundTests(ModelTest):
    def test_a_run_streams_in_and_is_logged_and_two_run_side_by_side(self):
        connection("Fake one")
        connection("Fake two")
        created = prompt(f"play/lamp-{time.time_ns()}")
        go(self.driver, SERVER, f"/prompts/{created['id']}/playground")
        find(self.driver, "textarea[name=var-product]").send_keys("a brass desk lamp")
        click_button(self.driver, "Run")
        find_text(self.driver, "Hello, Ada!", "[data-lane='0'] pre.run-output")
        find_text(self.driver, "logged in the run log", "[data-lane='0'] .run-status")
        self.assertIn("gpt-4.1", self.driver.find_element(By.CSS_SELECTOR, "[data-lane='0'] .run-status").text)
        self.assertIn('"stream":true', FAKE.received[-1]["body"].replace(" ", ""))
        self.assertIn("a brass desk lamp", FAKE.received[-1]["body"])

        self.driver.find_element(By.NAME, "compare").click()
        Select(find(self.driver, "select[name=connection-1]")).select_by_visible_text("Fake two (openai)")
        click_button(self.driver, "Run")
        for lane in ("0", "1"):
            find_text(self.driver, "logged in the run log", f"[data-lane='{lane}'] .run-status")
            self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, f"[data-lane='{lane}'] pre.run-output").text, "Hello, Ada!")
        status, runs = SERVER.call("GET", f"/api/v1/prompts/{created['id']}/runs", token=SERVER.token())
        self.assertEqual(len(runs["data"]), 3)
        self.assertTrue(all(run["success"] for run in runs["data"]))

    def test_a_provider_outage_shows_its_error_and_never_an_answer(self):
        connection("Fake outage")
        created = prompt(f"play/outage-{time.time_ns()}")
        FAKE.outage()
        self.expected_failures = ["/run?stream=true"]
        go(self.driver, SERVER, f"/prompts/{created['id']}/playground")
        find(self.driver, "textarea[name=var-product]").send_keys("a lamp")
        click_button(self.driver, "Run")
        find_text(self.driver, "overloaded", "[data-lane='0'] .alert.error")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "[data-lane='0'] pre.run-output").text, "")
        status, runs = SERVER.call("GET", f"/api/v1/prompts/{created['id']}/runs", token=SERVER.token())
        self.assertEqual([run["success"] for run in runs["data"]], [False])
        # The required value is checked before anything is sent.
        sent = len(FAKE.received)
        self.driver.find_element(By.NAME, "var-product").clear()
        click_button(self.driver, "Run")
        find(self.driver, ".field.invalid, [data-lane='0'] .alert.error")
        self.assertEqual(len(FAKE.received), sent)

    def test_the_connection_test_shows_latency_or_the_providers_error(self):
        made = connection(f"Fake probe {time.time_ns()}")
        go(self.driver, SERVER, "/connections")
        find(self.driver, f"[data-test='{made['id']}']").click()
        find_text(self.driver, "ms", f"#test-{made['id']}")
        self.assertIn("✓", self.driver.find_element(By.ID, f"test-{made['id']}").text)
        FAKE.answer((401, {"Content-Type": "application/json"}, json.dumps({"error": {"message": "Incorrect API key provided: sk-bro***6789.", "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}})))
        find(self.driver, f"[data-test='{made['id']}']").click()
        find_text(self.driver, "Incorrect API key", f"#test-{made['id']}")
        self.assertNotIn("sk-bro", self.driver.find_element(By.ID, f"test-{made['id']}").text, "a key echoed by the provider is scrubbed")


class EnhanceTests(ModelTest):
    def answer_form(self, output_format):
        Select(find(self.driver, "select[name=answer-output_format]")).select_by_visible_text(output_format)
        self.driver.find_element(By.NAME, "answer-audience").send_keys("new hires in support")
        click_button(self.driver, "Send answers")

    def test_the_analyzer_asks_takes_answers_shows_the_diff_and_the_draft_becomes_a_version(self):
        created = prompt(f"enh/vague-{time.time_ns()}", None)
        SERVER.call("PUT", f"/api/v1/prompts/{created['id']}", {"name": created["name"], "title": "Vague", "base_version": 1,
                    "prompt": {"goal": "Write something good about {{product}}."}, "variables": [{"name": "product", "type": "string", "required": True}]},
                    token=SERVER.token())
        go(self.driver, SERVER, f"/prompts/{created['id']}/enhance")
        find(self.driver, "#enhance").click()
        find_text(self.driver, "awaiting answers", "#enhancement-status")
        find(self.driver, "[data-code='missing_output_format']")
        self.answer_form("bulleted list")
        find_text(self.driver, "ready", "#enhancement-status")
        find_text(self.driver, "audience", ".draft .diff-summary")
        find_text(self.driver, "+  audience: new hires in support", ".draft pre.diff")
        click_button(self.driver, "Accept as new version")
        find_text(self.driver, "Accepted as version 3", ".enhancement")
        status, stored = SERVER.call("GET", f"/api/v1/prompts/{created['id']}", token=SERVER.token())
        self.assertEqual(stored["prompt"]["audience"], "new hires in support")
        self.assertEqual(stored["prompt"]["output"]["format"], "markdown")

    def test_a_draft_of_an_older_version_gets_the_conflict_screen(self):
        document = {"name": f"enh/moved-{time.time_ns()}", "title": "Moved", "prompt": {"goal": "Summarize the incident report for the on-call team in three bullet points.", "context": "{{report}}"},
                    "variables": [{"name": "report", "type": "string", "required": True}]}
        created = prompt(None, document)
        go(self.driver, SERVER, f"/prompts/{created['id']}/enhance")
        find(self.driver, "#enhance").click()
        find_text(self.driver, "ready", "#enhancement-status")
        changed = dict(document, base_version=1, prompt=dict(document["prompt"], goal=document["prompt"]["goal"].replace("three", "five")))
        status, _ = SERVER.call("PUT", f"/api/v1/prompts/{created['id']}", changed, token=SERVER.token())
        self.assertEqual(status, 200)
        click_button(self.driver, "Accept as new version")
        self.expected_failures = ["/accept"]
        find_text(self.driver, "the latest is version 2", ".conflict")
        click_button(self.driver, "Accept over version 2")
        find_text(self.driver, "Accepted as version 3", ".enhancement")

    def test_a_model_improves_the_prompt_through_a_connection(self):
        made = connection(f"Fake enhancer {time.time_ns()}")
        created = prompt(f"enh/model-{time.time_ns()}")
        improved = {"document": {"name": "ignored", "title": "Lamp copy", "prompt": {"goal": "Describe {{product}} for shoppers in two vivid sentences.",
                                  "audience": "online shoppers", "output": {"format": "text"}},
                                 "variables": [{"name": "product", "type": "string", "required": True}]},
                    "changes": [{"field": "prompt.audience", "change": "named the reader", "reason": "tone follows the reader"}],
                    "warnings": [], "questions": []}
        FAKE.answer(responses_reply(json.dumps(improved)))
        go(self.driver, SERVER, f"/prompts/{created['id']}/enhance")
        Select(find(self.driver, "select[name=engine]")).select_by_value(made["id"])
        find(self.driver, "#enhance").click()
        find_text(self.driver, "ready", "#enhancement-status")
        find_text(self.driver, "tone follows the reader", ".draft .changes")
        click_button(self.driver, "Accept as new version")
        find_text(self.driver, "Accepted as version 2", ".enhancement")
        status, stored = SERVER.call("GET", f"/api/v1/prompts/{created['id']}", token=SERVER.token())
        self.assertEqual(stored["prompt"]["goal"], "Describe {{product}} for shoppers in two vivid sentences.")

    def test_a_model_that_is_down_fails_the_job_with_its_error(self):
        made = connection(f"Fake down {time.time_ns()}")
        created = prompt(f"enh/down-{time.time_ns()}")
        FAKE.outage()
        go(self.driver, SERVER, f"/prompts/{created['id']}/enhance")
        Select(find(self.driver, "select[name=engine]")).select_by_value(made["id"])
        find(self.driver, "#enhance").click()
        find_text(self.driver, "failed", "#enhancement-status")
        find_text(self.driver, "overloaded", ".enhancement .alert.error")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, ".draft"), [])


class ModelPageQualityTests(ModelTest):
    def test_the_playground_and_a_job_are_labelled_fit_a_phone_and_meet_contrast(self):
        connection(f"Fake quality {time.time_ns()}")
        created = prompt(f"quality/vague-{time.time_ns()}", {"name": f"quality/vague-{time.time_ns()}", "title": "Vague",
                                                              "prompt": {"goal": "Write something good about {{product}}."},
                                                              "variables": [{"name": "product", "type": "string", "required": True}]})
        status, job = SERVER.call("POST", f"/api/v1/prompts/{created['id']}/enhancements", {}, token=SERVER.token())
        self.assertEqual(status, 202, job)
        pages = [f"/prompts/{created['id']}/playground", f"/prompts/{created['id']}/enhance?job={job['id']}"]
        for width in (1440, 360):
            self.driver.set_window_size(width, 900)
            for page in pages:
                go(self.driver, SERVER, page)
                if "job=" in page:
                    find_text(self.driver, "awaiting answers", "#enhancement-status")
                    find(self.driver, "select[name=answer-output_format]")
                unlabelled = self.driver.execute_script("""
                    return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.closest('label') && !el.hidden)
                      .map((el) => el.name || el.outerHTML.slice(0, 80));""")
                self.assertEqual(unlabelled, [], page)
                overflow = self.driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                self.assertLessEqual(overflow, 0, f"{page} at {width} px scrolls sideways by {overflow} px")
                self.assertEqual(self.driver.execute_script(CONTRAST_CHECK), [], page)


if __name__ == "__main__":
    unittest.main(verbosity=2)
