#!/usr/bin/env python3
"""Minifies the page bundles' JavaScript glue in a Trunk dist folder with
terser (Trunk's own minifier fails on wasm-bindgen's output and ships it
as is). Each minified file gets a new content-hashed name, and every HTML
page in the folder is rewritten to load it under that name with a new
`integrity="sha384-…"`: a name never stands for two contents, so the
service worker's cache-first rule for hashed files stays safe. Files
without a content hash in their name (worker.js, sw.js) are left alone.

    python3 scripts/minify_js.py dist
"""
import base64
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys

# Trunk writes its hash with `{:x}`, so leading zeros are dropped.
HASHED = re.compile(r"^(?P<stem>[\w-]+?)-[0-9a-f]{8,16}\.js$")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main(dist: str) -> None:
    if shutil.which("terser") is None:
        sys.exit("minify_js: terser is not on PATH: run scripts/install-tools.sh (it installs terser from npm)")
    root = pathlib.Path(dist)
    pages = sorted(root.glob("*.html"))
    for js in sorted(p for p in root.glob("*.js") if HASHED.match(p.name)):
        before = js.read_bytes()
        subprocess.run(
            ["terser", str(js), "--module", "--compress", "--mangle", "--output", str(js)],
            check=True,
        )
        after = js.read_bytes()
        name = f"{HASHED.match(js.name)['stem']}-{hashlib.sha256(after).hexdigest()[:16]}.js"
        js.rename(root / name)
        old_sri, new_sri = sri(before), sri(after)
        pages_changed = 0
        for page in pages:
            html = page.read_text(encoding="utf-8")
            if js.name not in html:
                continue
            if old_sri not in html:
                sys.exit(f"minify_js: {page.name} loads {js.name} without its integrity hash")
            page.write_text(html.replace(js.name, name).replace(old_sri, new_sri), encoding="utf-8")
            pages_changed += 1
        print(f"minify_js: {js.name} → {name}: {len(before)} → {len(after)} bytes, {pages_changed} page(s)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
