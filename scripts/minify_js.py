#!/usr/bin/env python3
"""Minifies the page bundles' JavaScript glue in a Trunk dist folder with
terser, then rewrites the `integrity="sha384-…"` of every reference to a
minified file in the folder's HTML pages, so subresource integrity still
holds. Files without a content hash in their name (worker.js, sw.js) are
left as they are.

    python3 scripts/minify_js.py dist
"""
import base64
import hashlib
import pathlib
import re
import subprocess
import sys

HASHED = re.compile(r"^[\w-]+-[0-9a-f]{12,16}\.js$")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main(dist: str) -> None:
    root = pathlib.Path(dist)
    pages = sorted(root.glob("*.html"))
    for js in sorted(p for p in root.glob("*.js") if HASHED.match(p.name)):
        before = js.read_bytes()
        subprocess.run(
            ["terser", str(js), "--module", "--compress", "--mangle", "--output", str(js)],
            check=True,
        )
        after = js.read_bytes()
        old, new = sri(before), sri(after)
        replaced = 0
        for page in pages:
            html = page.read_text(encoding="utf-8")
            if old in html:
                replaced += html.count(old)
                page.write_text(html.replace(old, new), encoding="utf-8")
        # Every page that loads the file must now name its new hash.
        if replaced == 0 and any(js.name in p.read_text(encoding="utf-8") for p in pages):
            sys.exit(f"minify_js: no integrity attribute found for {js.name}")
        print(f"minify_js: {js.name} {len(before)} → {len(after)} bytes, {replaced} integrity attribute(s) updated")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
