"""Seeds N prompts straight into a migrated PromptLib database and measures the API over HTTP.

Figures only: p50/p95 of full-text search, fetch by name@label, and list pages. Asserts nothing.

  library.py seed-sqlite DB_PATH N       (after `promptlib migrate`)
  library.py seed-postgres PSQL_URL N    (after `promptlib migrate`; needs psql)
  library.py measure BASE_URL TOKEN N
"""
import http.client
import json
import random
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

WORDS = ("kettle garden refund invoice summary email headline translate classify extract support onboarding "
         "pricing legal review feedback release changelog tweet product search answer policy travel recipe").split()
FOLDERS = ["marketing", "support", "sales", "legal", "product", "eng/docs", "eng/ops", "hr"]


def prompt(i, rng):
    folder = FOLDERS[i % len(FOLDERS)]
    words = rng.sample(WORDS, 4)
    name = f"{folder}/{words[0]}-{i}"
    tags = sorted(set(rng.sample(WORDS, 2)))
    goal = f"Write a {words[1]} for {{{{topic}}}} about {words[2]} and {words[3]}"
    steps = [f"Consider the {rng.choice(WORDS)}", f"Draft the {rng.choice(WORDS)}"]
    context = f"The team handles {rng.choice(WORDS)} requests"
    doc = {"schema": "promptlib/v1", "name": name, "title": f"{words[0].title()} {words[1]} {i}", "summary": f"{words[2]} helper",
           "tags": tags, "owner": "admin", "status": "active", "version": 1,
           "prompt": {"goal": goal, "context": context, "steps": steps}, "variables": [{"name": "topic", "type": "string", "required": True}]}
    # As SQLPromptRepository.searchText: name words, title, summary, tags, then every body text.
    search = " ".join([name.replace("/", " ").replace("-", " "), doc["title"], doc["summary"]] + tags + [goal, context] + steps).lower()
    return str(uuid.UUID(int=rng.getrandbits(128))), name, doc, tags, search


def seed_sqlite(path, n):
    rng = random.Random(7)
    db = sqlite3.connect(path)
    now = time.time()
    for start in range(0, n, 5000):
        rows = [prompt(i, rng) for i in range(start, min(n, start + 5000))]
        db.executemany("INSERT INTO prompts (id, name, title, summary, status, owner, tags, latest_version, created_at, updated_at, search_text) "
                       "VALUES (?, ?, ?, ?, 'active', 'admin', ?, 1, ?, ?, ?)",
                       [(r[0], r[1], r[2]["title"], r[2]["summary"], json.dumps(r[3]), now - i, now - i, r[4]) for i, r in enumerate(rows, start)])
        db.executemany("INSERT INTO prompt_versions (prompt_id, version, document, author, created_at) VALUES (?, 1, ?, 'admin', ?)",
                       [(r[0], json.dumps(r[2], sort_keys=True), now) for r in rows])
        db.executemany("INSERT INTO prompt_labels (prompt_id, label, version, moved_by, moved_at) VALUES (?, 'production', 1, 'admin', ?)",
                       [(r[0], now) for r in rows])
    db.execute("UPDATE prompts SET search_key = rowid WHERE search_key IS NULL")
    db.execute("INSERT INTO prompts_fts (rowid, head, body, state) SELECT search_key, replace(replace(name, '/', ' '), '-', ' ') || ' ' || title || ' ' || tags, search_text, 'live' FROM prompts")
    db.commit()
    db.execute("ANALYZE")
    db.close()


def sql_text(value):
    return "'" + str(value).replace("'", "''") + "'"


def seed_postgres(url, n):
    rng = random.Random(7)
    now = "now()"
    script = ["BEGIN;"]
    for start in range(0, n, 2000):
        rows = [prompt(i, rng) for i in range(start, min(n, start + 2000))]
        script.append("INSERT INTO prompts (id, name, title, summary, status, owner, tags, latest_version, created_at, updated_at, search_text) VALUES "
                      + ",".join(f"({sql_text(r[0])},{sql_text(r[1])},{sql_text(r[2]['title'])},{sql_text(r[2]['summary'])},'active','admin',"
                                 f"{sql_text(json.dumps(r[3]))},1,{now} - interval '{i} seconds',{now} - interval '{i} seconds',{sql_text(r[4])})"
                                 for i, r in enumerate(rows, start)) + ";")
        script.append("INSERT INTO prompt_versions (prompt_id, version, document, author, created_at) VALUES "
                      + ",".join(f"({sql_text(r[0])},1,{sql_text(json.dumps(r[2], sort_keys=True))},'admin',{now})" for r in rows) + ";")
        script.append("INSERT INTO prompt_labels (prompt_id, label, version, moved_by, moved_at) VALUES "
                      + ",".join(f"({sql_text(r[0])},'production',1,'admin',{now})" for r in rows) + ";")
    # A bulk load leaves what autovacuum would clean in a running instance: clean it here.
    script.append("COMMIT; VACUUM ANALYZE;")
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url], input="\n".join(script), text=True, check=True,
                   stdout=subprocess.DEVNULL)


def percentiles(samples):
    ordered = sorted(samples)
    pick = lambda p: ordered[max(0, int(p * len(ordered) + 0.999) - 1)]
    return f"p50 {pick(0.5) * 1000:.2f} ms, p95 {pick(0.95) * 1000:.2f} ms ({len(ordered)} requests)"


def measure(base, token, n):
    parsed = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(11)

    def timed(path):
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}: {body[:200]}")
        return elapsed, body

    for _ in range(50):  # warm-up
        timed(f"/api/v1/prompts?q={rng.choice(WORDS)}&limit=20")
    search = [timed(f"/api/v1/prompts?q={rng.choice(WORDS)}+{rng.choice(WORDS)}&limit=20")[0] for _ in range(300)]
    # As typed: the last word cut short is a prefix ("garden inv" finds "invoice").
    typed = [timed(f"/api/v1/prompts?q={rng.choice(WORDS)}+{rng.choice(WORDS)[:3]}&limit=20")[0] for _ in range(300)]
    ranked = [timed(f"/api/v1/prompts?q={rng.choice(WORDS)}+{rng.choice(WORDS)}&sort=relevance&limit=20")[0] for _ in range(300)]
    # Words every prompt's body holds and no head does: every prompt matches, none scores.
    everywhere = [timed("/api/v1/prompts?q=team+handles&limit=20")[0] for _ in range(50)]
    deep = []
    for _ in range(10):  # Ten pages down a two-word search, following cursors.
        cursor = None
        query = f"q={rng.choice(WORDS)}+{rng.choice(WORDS)}&limit=20"
        for _ in range(10):
            elapsed, body = timed(f"/api/v1/prompts?{query}" + (f"&cursor={cursor}" if cursor else ""))
            deep.append(elapsed)
            cursor = json.loads(body)["page"]["next_cursor"]
    # Names are deterministic from the seed: regenerate them in order.
    rng_names = random.Random(7)
    names = [prompt(i, rng_names)[1] for i in range(n)]
    fetch = [timed("/api/v1/prompts/by-name/" + urllib.parse.quote(rng.choice(names), safe="") + "?label=production")[0] for _ in range(500)]
    pages, cursor = [], None
    for _ in range(100):
        elapsed, body = timed("/api/v1/prompts?limit=50" + (f"&cursor={cursor}" if cursor else ""))
        pages.append(elapsed)
        cursor = json.loads(body)["page"]["next_cursor"]
    for words in (1, 2):
        print(f"  search under load (16 clients, {words} word{'s' if words > 1 else ''}, 10 s): {under_load(parsed, headers, words)}")
    print(f"  full-text search (2 words, 20 results): {percentiles(search)}")
    print(f"  search as typed (last word a 3-letter prefix): {percentiles(typed)}")
    print(f"  search by relevance (2 words, 20 results): {percentiles(ranked)}")
    print(f"  search matching every prompt (body words):  {percentiles(everywhere)}")
    print(f"  search pages 1-10 following cursors:    {percentiles(deep)}")
    print(f"  fetch by name@production:               {percentiles(fetch)}")
    print(f"  list pages of 50, following cursors:    {percentiles(pages)}")


def under_load(parsed, headers, words, clients=16, seconds=10):
    """Requests per second and latency percentiles with `clients` keep-alive connections searching at once."""
    samples, lock, deadline = [], threading.Lock(), time.perf_counter() + seconds

    def client(seed):
        rng = random.Random(seed)
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        mine = []
        while time.perf_counter() < deadline:
            q = "+".join(rng.choice(WORDS) for _ in range(words))
            start = time.perf_counter()
            conn.request("GET", f"/api/v1/prompts?q={q}&limit=20", headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"search under load answered {response.status}")
            mine.append(time.perf_counter() - start)
        with lock:
            samples.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return f"{len(samples) / elapsed:.0f} requests/s, {percentiles(samples)}"


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed-sqlite":
        seed_sqlite(sys.argv[2], int(sys.argv[3]))
    elif command == "seed-postgres":
        seed_postgres(sys.argv[2], int(sys.argv[3]))
    else:
        measure(sys.argv[2], sys.argv[3], int(sys.argv[4]))
