"""Writes a PNG of every page of the web UI at 1440 px and 390 px wide, in light and dark mode,
under build/screenshots/, against a server seeded with a demo library. Fails when a page logs a
console error, a CSP violation or a failed request.

Run through scripts/screenshots.sh."""

import os
import sys
import time

from selenium.webdriver.common.by import By

from harness import ROOT, Server, browser, console_problems, find, go, sign_in, wait
from fake_provider import FakeProvider
from seed import seed


def pages(featured, share_url, job):
    pid = featured["id"]
    return [
        ("dashboard", "/"), ("library", "/library"), ("library-filtered", "/library?tag=ecommerce&folder=marketing"),
        ("prompt", f"/prompts/{pid}"), ("history", f"/prompts/{pid}/history"), ("render", f"/prompts/{pid}/render"),
        ("playground", f"/prompts/{pid}/playground"), ("enhance", f"/prompts/{job['prompt_id']}/enhance?job={job['id']}"),
        ("ratings", f"/prompts/{pid}/ratings"), ("share", f"/prompts/{pid}/share"), ("editor", f"/prompts/{pid}/edit"),
        ("new-prompt", "/new"), ("exchange", "/exchange"), ("connections", "/connections"), ("api-keys", "/keys"),
        ("users", "/admin/users"), ("audit", "/admin/audit"), ("account", "/account"),
    ]


def capture(driver, path, width):
    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, 600)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": width < 500})
    time.sleep(0.15)
    driver.save_screenshot(path)


def main():
    out = os.path.join(ROOT, "build", "screenshots")
    os.makedirs(out, exist_ok=True)
    server = Server().start()
    fake = FakeProvider()
    failures = []
    written = 0
    try:
        featured = seed(server)
        _, share = server.call("POST", f"/api/v1/prompts/{featured['id']}/shares", {"expires_in_hours": 24, "password": "demo password"}, token=server.token())
        # A model to run against (a fake speaking OpenAI's API), and an enhancement awaiting answers.
        server.call("POST", "/api/v1/connections", {"name": "Local model", "provider": "openai_compatible", "base_url": fake.url + "/v1"}, token=server.token())
        vague = server.create_prompt({"name": "support/ticket-reply", "title": "Ticket reply", "prompt": {"goal": "Write a good reply to [TICKET_TEXT] and keep it short.",
                                      "constraints": ["Be concise.", "Give a comprehensive answer covering every option."]}})
        _, job = server.call("POST", f"/api/v1/prompts/{vague['id']}/enhancements", {}, token=server.token())
        for width in (1440, 390):
            for mode in ("light", "dark"):
                driver = browser(width=width, height=900, dark=mode == "dark")
                try:
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
                    driver.get(server.base + "/")
                    find(driver, "input[name=login]")
                    capture(driver, os.path.join(out, f"sign-in-{width}-{mode}.png"), width)
                    sign_in(driver, server)
                    for name, route in pages(featured, share["url"], job):
                        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
                        go(driver, server, route)
                        if name == "render":
                            # The page at work: two providers side by side.
                            find(driver, "textarea[name=var-product_name]").send_keys("a garden rake")
                            driver.find_element(By.CSS_SELECTOR, "input[value=anthropic]").click()
                            driver.find_element(By.ID, "render").click()
                            wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".render-result")) == 2)
                        if name == "playground":
                            find(driver, "textarea[name=var-product_name]").send_keys("a garden rake")
                            driver.find_element(By.ID, "run").click()
                            wait(driver).until(lambda d: "logged" in d.find_element(By.CSS_SELECTOR, ".run-status").text)
                        if name == "enhance":
                            find(driver, "select[name=answer-output_format]")
                        time.sleep(0.4)
                        capture(driver, os.path.join(out, f"{name}-{width}-{mode}.png"), width)
                        written += 1
                        problems = console_problems(driver)
                        if problems:
                            failures.append(f"{name} ({width} px, {mode}): {problems}")
                    # The public share page, signed out, with its password form and then the prompt.
                    visitor = browser(width=width, height=900, dark=mode == "dark")
                    try:
                        visitor.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
                        visitor.get(share["url"])  # FRONTEND_URL is the test server's address
                        find(visitor, "input[name=share_password]")
                        capture(visitor, os.path.join(out, f"shared-password-{width}-{mode}.png"), width)
                        visitor.find_element(By.NAME, "share_password").send_keys("demo password\n")
                        find(visitor, "#shared-prompt")
                        capture(visitor, os.path.join(out, f"shared-{width}-{mode}.png"), width)
                        written += 3
                    finally:
                        visitor.quit()
                finally:
                    driver.quit()
    finally:
        server.stop()
        fake.stop()
    print(f"{written} screenshots in {os.path.relpath(out, ROOT)}/")
    if failures:
        print("pages with console errors, CSP violations or failed requests:", *failures, sep="\n  ", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
