#!/usr/bin/env python3
"""Minimal reference: the least work a Python script must do to check a chat
fine-tuning file the way OpenAI's cookbook notebook does ("Data preparation
and analysis for chat model fine-tuning") and count its tokens with tiktoken.
The benchmark (benches/dataset.rs) compares tunewise's speed with it.

    TIKTOKEN_CACHE_DIR=$TOOLS/tiktoken-cache $TOOLS/py/bin/python \
        scripts/reference_minimal.py FILE [--encoding o200k_base]

Prints one JSON object: seconds, mb_per_s, total_tokens, assistant_tokens,
examples (and token_counted_examples).

What it does, and nothing more:
  * the notebook's format checks (scripts/reference_validate.py's
    check_example, the same rules); examples with a format error are not
    token-counted (reference_validate.py's default, --tokens-for valid);
  * num_tokens_from_messages: 3 per message, + the tokens of every string
    value of the message, + 1 per "name" key, + 3 priming the reply; every
    string is encoded exactly once: the assistant tokens reuse the encoding
    of each assistant content instead of encoding it a second time (the
    notebook encodes it twice);
  * no distributions, no epochs estimate: only the totals.
"""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_validate import check_example  # noqa: E402  (the notebook's checks)


def analyse(path, encoding):
    encode = encoding.encode
    errors = {}
    examples = counted = total = assistant = 0
    with open(path, "rb") as f:
        for raw in f:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if not text.strip():
                continue
            try:
                ex = json.loads(text)
            except ValueError:
                continue
            examples += 1
            if check_example(ex, errors):
                continue
            counted += 1
            for message in ex["messages"]:
                total += 3
                for key, value in message.items():
                    if isinstance(value, str):
                        n = len(encode(value, disallowed_special=()))
                        total += n
                        if key == "content" and message.get("role") == "assistant":
                            assistant += n
                    if key == "name":
                        total += 1
            total += 3
    return {
        "examples": examples,
        "token_counted_examples": counted,
        "error_counts": errors,
        "total_tokens": total,
        "assistant_tokens": assistant,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--encoding", default="o200k_base")
    args = ap.parse_args(argv)

    import tiktoken

    encoding = tiktoken.get_encoding(args.encoding)
    encoding.encode("warm up", disallowed_special=())
    size = os.path.getsize(args.file)
    t0 = time.perf_counter()
    result = analyse(args.file, encoding)
    seconds = time.perf_counter() - t0
    out = {"file": args.file, "bytes": size, "encoding": args.encoding}
    out.update(result)
    out["seconds"] = round(seconds, 6)
    out["mb_per_s"] = round(size / 1e6 / seconds, 3) if seconds > 0 else None  # MB = 10^6 bytes
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
