#!/usr/bin/env python3
"""Writes tests/fixtures/token_counts.json: token counts from Python tiktoken
(OpenAI's reference implementation) for tunewise's tokenizer tests.

    scripts/setup-tiktoken.sh        # once; prints the python to use
    TIKTOKEN_CACHE_DIR=$TOOLS/tiktoken-cache $TOOLS/py/bin/python scripts/token_fixture.py

"texts": len(encoding.encode(text, disallowed_special=())) for tricky strings
under o200k_base and cl100k_base ("<|endoftext|>" is counted as plain text).

"chat_examples": every line of tests/fixtures/chat_valid.jsonl that passes the
cookbook notebook's format checks, with the notebook's num_tokens_from_messages
("total": 3 per message + encoded string values + 1 per "name" key + 3) and
num_assistant_tokens_from_messages ("assistant"); see reference_validate.py
for the rule and its deviations (non-string values are not counted).
"""

import json
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_validate as ref  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "token_counts.json")
CHAT_FILE = "tests/fixtures/chat_valid.jsonl"
ENCODINGS = ("o200k_base", "cl100k_base")

RUST_SNIPPET = """fn main() {
    let xs: Vec<u32> = (1..=10).collect();
    for x in &xs {
        if x % 2 == 0 {
            println!("{x} is even");
        }
    }
}
"""

PYTHON_SNIPPET = """def fib(n):
\tif n < 2:
\t\treturn n
\treturn fib(n - 1) + fib(n - 2)


class Foo:
    def __init__(self):
        self.x = {"a": [1, 2, 3]}  # comment
"""

JSON_TEXT = json.dumps(
    {"messages": [{"role": "user", "content": "Hi!"}, {"role": "assistant", "content": "Hello \u2014 how can I help?"}]},
    ensure_ascii=False,
)

MARKDOWN_TABLE = """| Model | Context | Price ($/1M) |
|-------|--------:|:------------:|
| gpt-4o-mini | 128,000 | 0.15 |
| gpt-4.1 | 1,047,576 | 2.00 |
"""

TEXTS = [
    "",
    " ",
    "  ",
    "\n",
    "\n\n\n",
    "  \n ",
    "\t",
    "\t\t \n\t",
    " \n \n \n",
    "trailing spaces   ",
    "   leading spaces",
    "two  spaces  between   words",
    "line one\r\nline two\r\n",
    "mixed\r\n\n\r\nendings\r",
    "Hello, world!",
    "123456789",
    "3.14159",
    "1,000,000",
    "-42 +7 0x1F 1e-9 2024-01-31",
    "I'm you're he's we've they'll she'd",
    "I'M YOU'RE HE'S WE'VE THEY'LL SHE'D DON'T",
    "don't Don't DON'T dOn'T",
    "they\u2019ll can\u2019t (curly apostrophes)",
    "\u4f60\u597d\uff0c\u4e16\u754c\uff01\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002",
    "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3068\u30ab\u30bf\u30ab\u30ca",
    "\ud55c\uad6d\uc5b4 \ubb38\uc7a5\uc785\ub2c8\ub2e4.",
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
    "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e, \u0915\u094d\u0937\u0924\u094d\u0930\u093f\u092f \u0939\u093f\u0902\u0926\u0940",
    "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u0401\u0436\u0438\u043a",
    "\U0001f600\U0001f44d\U0001f3fd",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 family",
    "\U0001f3f3\ufe0f\u200d\U0001f308 \U0001f1fa\U0001f1f8\U0001f1ef\U0001f1f5\U0001f1e9\U0001f1ea",
    unicodedata.normalize("NFC", "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00c5ngstr\u00f6m"),
    unicodedata.normalize("NFD", "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00c5ngstr\u00f6m"),
    "Stra\u00dfe \u00df \u1e9e \ufb01 \u2126",
    RUST_SNIPPET,
    PYTHON_SNIPPET,
    JSON_TEXT,
    '{"a":1,"b":[true,false,null],"c":"\\u00e9\\n"}',
    "https://example.com/path/to/page?query=1&lang=en#section-2",
    "mailto:someone@example.org and ftp://files.example.net/pub/",
    "a" * 1000,
    "=" * 500,
    " " * 300,
    "\n" * 100,
    "ab" * 300,
    "\U0001f600" * 50,
    "<|endoftext|>",
    "before <|endoftext|> after <|fim_prefix|><|im_start|>",
    "English, \u4e2d\u6587, \u0627\u0644\u0639\u0631\u0628\u064a\u0629, \u0939\u093f\u0928\u094d\u0926\u0940, emoji \U0001f680 mixed.",
    MARKDOWN_TABLE,
    "# Heading\n\n- item one\n- item **two**\n\n```bash\necho $HOME\n```\n",
    "Tab\tseparated\tvalues\n1\t2\t3\n",
    "\u00a0non\u00a0breaking\u2003em\u2009thin\u200bzero-width",
    "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034dA\u0334\u0335\u031c\u0330\u0354L\u0368\u0367\u0369\u0358\u0320G\u0311\u0357\u030e\u0305\u035b\u0341\u0334\u033b\u0348\u034d\u0354\u0339O",
    "\x00\x01\x7f control chars",
]


def count_texts(encodings):
    rows = []
    for text in TEXTS:
        row = {"text": text}
        for name, enc in encodings.items():
            row[name] = len(enc.encode(text, disallowed_special=()))
        rows.append(row)
    return rows


def count_chat(encodings):
    per_line = {}
    for name, enc in encodings.items():

        def record(lineno, _ex, total, assistant, name=name):
            per_line.setdefault(lineno, {})[name] = {"total": total, "assistant": assistant}

        ref.analyse(os.path.join(ROOT, CHAT_FILE), enc, "valid", per_example=record)
    return [{"file": CHAT_FILE, "line": n, **per_line[n]} for n in sorted(per_line)]


def main():
    encodings = {name: ref.load_encoding(name) for name in ENCODINGS}
    version = ref.tiktoken_version()
    data = {
        "generated_by": "scripts/token_fixture.py (Python tiktoken, encode(text, disallowed_special=()); "
        "chat_examples use the OpenAI cookbook chat fine-tuning notebook's num_tokens_from_messages)",
        "tiktoken_version": version,
        "texts": count_texts(encodings),
        "chat_examples": count_chat(encodings),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        # ASCII-only so NFD/NFC and invisible characters survive editors byte-exactly.
        json.dump(data, f, ensure_ascii=True, indent=2)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(data['texts'])} texts, "
          f"{len(data['chat_examples'])} chat examples, tiktoken {version}")


if __name__ == "__main__":
    main()
