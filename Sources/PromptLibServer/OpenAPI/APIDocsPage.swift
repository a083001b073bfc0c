/// A self-contained API reference page: it fetches `/api/openapi.json` and lists every operation
/// with its parameters, request body and responses. No external scripts, so it works offline.
enum APIDocsPage {
    static let html = #"""
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>PromptLib API reference</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>
    body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1d2330}
    h1{font-size:1.6rem} h2{margin-top:2rem;border-bottom:1px solid #ddd}
    .op{border:1px solid #e2e5ea;border-radius:6px;margin:.8rem 0;padding:.6rem 1rem}
    .m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}
    .get{color:#0a6}.post{color:#06c}.put{color:#a60}.delete{color:#c33}
    code,pre{font-family:ui-monospace,monospace;font-size:13px} pre{background:#f6f7f9;padding:.6rem;overflow:auto}
    </style></head><body>
    <h1>PromptLib API reference</h1>
    <p>Machine-readable document: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
    <div id="doc">Loading…</div>
    <script>
    const esc = s => String(s).replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
    const ref = (doc, r) => r.split('/').slice(1).reduce((o, k) => o[k], doc);
    const deref = (doc, o) => o && o.$ref ? deref(doc, ref(doc, o.$ref)) : o;
    fetch('/api/openapi.json').then(r => r.json()).then(doc => {
      let out = '<p>' + esc(doc.info.description || '') + '</p>';
      const byTag = {};
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (method === 'parameters') continue;
          const tag = (op.tags || ['other'])[0];
          (byTag[tag] = byTag[tag] || []).push({path, method, op, shared: item.parameters || []});
        }
      }
      for (const [tag, ops] of Object.entries(byTag)) {
        out += '<h2>' + esc(tag) + '</h2>';
        for (const {path, method, op, shared} of ops) {
          out += '<div class="op"><span class="m ' + method + '">' + method + '</span><code>' + esc(path) + '</code> — ' + esc(op.summary || '');
          const params = shared.concat(op.parameters || []).map(p => deref(doc, p));
          if (params.length) out += '<p>Parameters: ' + params.map(p => '<code>' + esc(p.name) + '</code> (' + esc(p.in) + ')').join(', ') + '</p>';
          if (op.requestBody) {
            const body = deref(doc, op.requestBody);
            const schema = body.content['application/json'].schema;
            out += '<p>Body: <code>' + esc(schema.$ref ? schema.$ref.split('/').pop() : 'object') + '</code></p>';
          }
          out += '<p>Responses: ' + Object.keys(op.responses).map(esc).join(', ') + '</p></div>';
        }
      }
      out += '<h2>Schemas</h2>';
      for (const [name, schema] of Object.entries(doc.components.schemas)) {
        out += '<h3 id="' + esc(name) + '">' + esc(name) + '</h3><pre>' + esc(JSON.stringify(schema, null, 2)) + '</pre>';
      }
      document.getElementById('doc').innerHTML = out;
    }).catch(e => { document.getElementById('doc').textContent = 'Could not load the API document: ' + e; });
    </script></body></html>
    """#
}
