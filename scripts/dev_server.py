"""Serves the development builds of every page as one site, on 127.0.0.1.

    python3 scripts/dev_server.py PORT VOCAB_DIR page=DIR [page=DIR ...]

`/` and `/index.html` come from the `index` page's folder, `/<page>.html`
from that page's folder (Trunk names each output index.html); any other
path is looked up in every page's folder in turn (hashed bundles never
collide), then in VOCAB_DIR (the `.tiktoken.gz` vocabularies).
"""

import functools
import http.server
import os
import sys


def main():
    port, vocab, *pairs = sys.argv[1:]
    roots = dict(p.split("=", 1) for p in pairs)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            name = path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
            if name in ("", "index.html"):
                return os.path.join(roots["index"], "index.html")
            page = name[: -len(".html")] if name.endswith(".html") else None
            if page in roots:
                return os.path.join(roots[page], "index.html")
            for folder in [*roots.values(), vocab]:
                candidate = os.path.join(folder, os.path.normpath("/" + name).lstrip("/"))
                if os.path.isfile(candidate):
                    return candidate
            return os.path.join(roots["index"], "missing")

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), functools.partial(Handler))
    server.serve_forever()


if __name__ == "__main__":
    main()
