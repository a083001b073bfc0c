"""A demo library for the screenshots and the library benchmark: prompts in folders with tags,
versions, labels, ratings, a share link, accounts, an API key and a connection."""

import io
import json
import zipfile

FOLDERS = {
    "marketing": ["ecommerce", "copywriting", "seo"],
    "support": ["customer-care", "triage", "tone"],
    "engineering": ["code-review", "summaries", "incident"],
    "sales": ["outreach", "crm"],
    "research": ["analysis", "summaries"],
}
VERBS = ["Summarise", "Draft", "Classify", "Rewrite", "Explain", "Review", "Translate", "Plan"]
SUBJECTS = ["a product page", "a support ticket", "a pull request", "a sales email", "an incident report", "a research paper", "release notes", "a meeting"]


def document(index):
    folder = list(FOLDERS)[index % len(FOLDERS)]
    tags = FOLDERS[folder][: 1 + index % len(FOLDERS[folder])]
    verb, subject = VERBS[index % len(VERBS)], SUBJECTS[(index // len(VERBS)) % len(SUBJECTS)]
    name = f"{folder}/{verb.lower()}-{subject.split()[-1].replace('.', '')}-{index:04d}"
    return (
        f"schema: promptlib/v1\nname: {name}\ntitle: {verb} {subject} ({index})\n"
        f"summary: {verb} {subject} for {{{{audience}}}}\ntags: [{', '.join(tags)}]\nstatus: {'draft' if index % 7 == 0 else 'active'}\n"
        f"prompt:\n  goal: {verb} {{{{input}}}} for {{{{audience}}}}\n  steps: [Read it twice, Keep the facts, Write it plainly]\n"
        f"  constraints: [No invented facts]\n"
        f"variables:\n- {{name: input, type: string, required: true, description: The text to work on}}\n"
        f"- {{name: audience, type: enum, options: [customers, engineers, executives], default: customers}}\n"
        f"model: {{provider: openai, name: gpt-5.5, temperature: 0.3}}\n"
    )


def seed(server, count=40):
    """Fills `server` with `count` prompts and everything around them; answers the featured prompt."""
    token = server.token()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for index in range(count):
            zipped.writestr(f"prompts/demo-{index:04d}.yaml", document(index))
    status, body = server.call("POST", "/api/v1/imports", token=token, raw=archive.getvalue(), headers={"Content-Type": "application/zip"})
    assert status == 200, body
    featured = server.create_prompt({
        "name": "marketing/product-description", "title": "Product description generator",
        "summary": "Writes persuasive product copy from a feature list", "tags": ["ecommerce", "copywriting"], "status": "active",
        "commit_message": "First version",
        "prompt": {"goal": "Write a product description for {{product_name}}", "audience": "Online shoppers comparing {{category}} products",
                   "steps": ["List the three strongest features", "Write a headline", "Write two paragraphs"],
                   "constraints": ["No superlatives without evidence"], "output": {"format": "json", "fields": ["title", "description", "features"]}},
        "variables": [{"name": "product_name", "type": "string", "required": True, "description": "What is being sold"},
                      {"name": "category", "type": "enum", "options": ["electronics", "garden"], "default": "electronics"}],
        "model": {"provider": "openai", "name": "gpt-5.5", "temperature": 0.4, "max_tokens": 800},
    }, token=token)
    pid = featured["id"]
    for version, (goal, message) in enumerate([("Write a headline and a product description for {{product_name}}", "Ask for a headline"),
                                                ("Write a short headline and a product description for {{product_name}}", "Shorter headline")], start=1):
        _, current = server.call("GET", f"/api/v1/prompts/{pid}", token=token)
        doc = {k: current[k] for k in ("name", "title", "summary", "tags", "status", "prompt", "variables", "model")}
        doc["prompt"]["goal"] = goal
        doc["commit_message"] = message
        status, body = server.call("PUT", f"/api/v1/prompts/{pid}", doc, token=token, headers={"If-Match": f'"v{version}"'})
        assert status == 200, body
    server.call("PUT", f"/api/v1/prompts/{pid}/labels/production", {"version": 2}, token=token)
    server.call("PUT", f"/api/v1/prompts/{pid}/labels/staging", {"version": 3}, token=token)
    for login, role in (("alice", "user"), ("bob", "user"), ("carol", "viewer")):
        server.create_user(login, "Demo-password-long-1", role)
    for login, score, version in (("admin", 5, 2), ("alice", 4, 2), ("bob", 3, 1)):
        user_token = token if login == "admin" else server.token(login, "Demo-password-long-1")
        server.call("PUT", f"/api/v1/prompts/{pid}/ratings/mine", {"version": version, "score": score, "note": "Reads well" if score > 3 else None}, token=user_token)
    server.call("POST", f"/api/v1/prompts/{pid}/shares", {"expires_in_hours": 72, "label": "production"}, token=token)
    server.call("POST", "/api/v1/api-keys", {"name": "checkout-service", "scopes": ["prompts:read"]}, token=token)
    server.call("POST", "/api/v1/connections", {"name": "OpenAI (team)", "provider": "openai", "default_model": "gpt-5.5", "credentials": {"api_key": "sk-demo-not-a-real-key-1234"}}, token=token)
    return featured


if __name__ == "__main__":
    print(json.dumps(document(1)))
