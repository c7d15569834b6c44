#!/usr/bin/env bash
# Writes every page's HTML from the one template, index.html (the wizard's
# page, so plain `trunk serve` still works). Each other page differs only in
# its title, its Rust binary, its own stylesheet (style/<name>.css, or the
# one named by css=<name>, in place of the wizard's style/wizard.css; none
# when it has no file), for the practice page its question bank and, for the
# Dataset page, its worker; the
# generated files (costs.html, dataset.html, …) are build output and are
# not committed. Run by scripts/build.sh and scripts/dev.sh.
#
#   scripts/pages.sh            write them; prints the page names, index first
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# name | Rust binary | <title> | extra Trunk links
PAGES=(
  "costs|costs|Costs and break-even · tunewise|"
  "dataset|dataset|Check a fine-tuning dataset · tunewise|worker"
  "training|training|Plan and read a training run · tunewise|"
  "report|report|Decision report · tunewise|"
  "practice|practice|Practise fine-tuning decisions · tunewise|questions"
  "exercises|exercises|Numeric exercises · tunewise|css=practice"
)

template="index.html"
grep -q 'data-bin="app"' "$template" || { echo "pages.sh: $template has no data-bin=\"app\" link" >&2; exit 1; }
echo index
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name bin title extra <<<"$entry"
  python3 - "$template" "$name.html" "$bin" "$title" "$extra" <<'PY'
import html, re, sys
template, out, binary, title, extra = sys.argv[1:]
text = open(template, encoding="utf-8").read()
text, n = re.subn(r"<title>.*?</title>", "<title>" + html.escape(title) + "</title>", text, count=1)
assert n == 1, "the template has one <title>"
main = '<link data-trunk rel="rust" href="Cargo.toml" data-bin="app"'
assert main in text, "the template links the app binary"
text = text.replace(main, main.replace('"app"', '"' + binary + '"'))
# The page's own stylesheet replaces the wizard's.
wizard_css = '<link data-trunk rel="css" href="style/wizard.css" />'
assert wizard_css in text, "the template links the wizard's stylesheet"
import os
page = os.path.splitext(os.path.basename(out))[0]
# A page may share another page's stylesheet ("css=practice").
own = "style/" + (extra[4:] if extra.startswith("css=") else page) + ".css"
if os.path.exists(own):
    text = text.replace(wizard_css, wizard_css.replace("style/wizard.css", own))
else:
    line = next(l for l in text.splitlines() if wizard_css in l)
    text = text.replace(line + "\n", "")
if extra == "questions":
    # The question bank, fetched by the page when it opens (not compiled in).
    line = next(l for l in text.splitlines() if 'data-bin="' + binary + '"' in l)
    indent = line[: len(line) - len(line.lstrip())]
    text = text.replace(line, line + "\n" + indent + '<link data-trunk rel="copy-file" href="data/questions.json" />')
if extra == "worker":
    line = next(l for l in text.splitlines() if 'data-bin="' + binary + '"' in l)
    indent = line[: len(line) - len(line.lstrip())]
    worker = indent + '<link data-trunk rel="rust" href="Cargo.toml" data-bin="worker" data-wasm-opt="z" data-type="worker" data-loader-shim />'
    # The providers' notes, fetched only when "How sure are these figures?" opens.
    notes = indent + '<link data-trunk rel="copy-file" href="data/providers.json" />'
    text = text.replace(line, line + "\n" + worker + "\n" + notes)
banner = "<!-- Generated from index.html by scripts/pages.sh: edit the template, not this file. -->\n"
open(out, "w", encoding="utf-8").write(text.replace("<!doctype html>\n", "<!doctype html>\n" + banner, 1))
PY
  echo "$name"
done
