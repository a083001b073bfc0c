"""How fast the library page is usable in Chromium with N prompts (default 1,000): from navigation
to the first page of results drawn (session resumed from the cookie, modules loaded, list, tags and
folders fetched), and how long a search takes to redraw as you type. Prints figures; asserts
nothing. Run through scripts/bench/ui-library.sh."""

import statistics
import sys
import time

from selenium.webdriver.common.by import By

from harness import Server, browser, sign_in, wait
from seed import seed


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    server = Server(binary=sys.argv[2] if len(sys.argv) > 2 else None).start()
    driver = None
    try:
        seed(server, count)
        driver = browser()
        sign_in(driver, server)
        loads, drawn = [], []
        for _ in range(7):
            driver.get("about:blank")
            started = time.perf_counter()
            driver.get(server.base + "/#/library")
            wait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "main[data-loaded] table.prompts tbody tr"))
            loads.append((time.perf_counter() - started) * 1000)
            drawn.append(int(driver.find_element(By.TAG_NAME, "main").get_attribute("data-loaded")))
        rows = len(driver.find_elements(By.CSS_SELECTOR, "table.prompts tbody tr"))
        searches = []
        box = driver.find_element(By.NAME, "q")
        for word in ["summarise", "incident", "pull request", "translate", "customer"]:
            box.clear()
            time.sleep(0.4)  # let the cleared box's own search finish first
            # A sentinel the page's next answer replaces, whatever that answer says.
            status = driver.find_element(By.CSS_SELECTOR, "main [role=status]")
            driver.execute_script("arguments[0].textContent = 'waiting'", status)
            started = time.perf_counter()
            box.send_keys(word)
            wait(driver, 30).until(lambda d: status.text != "waiting")
            # Includes the 250 ms the page waits for typing to pause.
            searches.append((time.perf_counter() - started) * 1000)
        print(f"library page, {count + 1} prompts, first page of {rows} rows:")
        print(f"  navigation start → first page drawn (the page's own clock): median {statistics.median(drawn):.0f} ms, worst {max(drawn):.0f} ms")
        print(f"  navigation → rows seen by Selenium (polls every 50 ms): median {statistics.median(loads):.0f} ms")
        print(f"  search as you type → redrawn (incl. 250 ms debounce): median {statistics.median(searches):.0f} ms")
    finally:
        if driver:
            driver.quit()
        server.stop()


if __name__ == "__main__":
    main()
