#!/usr/bin/env python3
"""Reference validator: the approach of OpenAI's cookbook notebook
"Data preparation and analysis for chat model fine-tuning"
(examples/Chat_finetuning_data_prep.ipynb), re-implemented as a script so
tunewise's numbers and speed can be compared with it.

    scripts/setup-tiktoken.sh        # once; prints the python to use
    TIKTOKEN_CACHE_DIR=$TOOLS/tiktoken-cache $TOOLS/py/bin/python \
        scripts/reference_validate.py FILE [--encoding o200k_base] [--tokens-for valid|all]

Prints one JSON object on stdout.

What the notebook does, and this script does the same:
  * format checks with the notebook's error codes, counted the notebook's way:
    data_type and missing_messages_list once per example (and then the example
    is skipped); message_missing_key, message_unrecognized_key,
    unrecognized_role and missing_content once per *message*;
    example_missing_assistant_message once per example.
  * num_tokens_from_messages: 3 per message, + len(encode(value)) for every
    key/value of the message (role included), + 1 when key == "name",
    + 3 priming the reply.  num_assistant_tokens_from_messages: sum of
    len(encode(content)) over assistant messages.
  * distributions (min/max/mean/median and quantiles with numpy's default
    linear interpolation), count of examples over 16385 tokens, missing
    system/user counts, and the default-epochs / billed-tokens estimate.

Deviations (the notebook would crash or is ambiguous in these cases):
  * Lines are read as bytes split on b"\\n" and decoded as UTF-8 one by one
    (the notebook opens the file in text mode, which also splits on a lone
    "\\r" and dies on the first invalid UTF-8 byte).  Lines that are empty or
    whitespace-only are skipped and counted as "blank_lines"; lines that are
    not UTF-8 or not JSON are counted as "invalid_utf8_lines" /
    "invalid_json_lines" (the notebook's json.loads would raise).  Neither is
    in "examples" or "error_counts".
  * A "messages" value that is truthy but not a list counts as
    missing_messages_list (the notebook would iterate it and crash).  A
    message that is not an object is checked as if it were {} (so it counts
    message_missing_key, unrecognized_role and missing_content).
  * encoding.encode(value, disallowed_special=()) so text such as
    "<|endoftext|>" is tokenised as plain text instead of raising.
  * Values that are not strings (e.g. "weight": 1, a "function_call" object,
    a numeric "name") are skipped when counting tokens instead of crashing
    tiktoken; the +1 for key == "name" is still added whatever its value.
  * The notebook counts tokens for every example, assuming the format errors
    were fixed first.  By default (--tokens-for valid) only examples with no
    format error are token-counted; --tokens-for all counts every example
    that is an object with a non-empty messages list (non-object messages
    count 3 tokens).  n_train_examples for the epoch estimate is the number
    of token-counted examples (len(dataset) in the notebook, identical for a
    clean file).
  * The notebook prints "p5 / p95" but computes np.quantile(values, 0.1) and
    0.9; both pairs are reported: "p5"/"p95" are the true 5th/95th
    percentiles, "notebook_p5"/"notebook_p95" the 0.1/0.9 quantiles it prints.
"""

import argparse
import json
import math
import os
import sys
import time

MAX_TOKENS_PER_EXAMPLE = 16385
TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25000
MIN_DEFAULT_EPOCHS = 1
MAX_DEFAULT_EPOCHS = 25

RECOGNIZED_KEYS = ("role", "content", "name", "function_call", "weight")
RECOGNIZED_ROLES = ("system", "user", "assistant", "function")

ERROR_CODES = (
    "data_type",
    "missing_messages_list",
    "message_missing_key",
    "message_unrecognized_key",
    "unrecognized_role",
    "missing_content",
    "example_missing_assistant_message",
)


def check_example(ex, errors):
    """Run the notebook's format checks on one parsed example.

    Adds to `errors` (dict code -> count) and returns the number of errors
    found in this example."""
    if not isinstance(ex, dict):
        errors["data_type"] = errors.get("data_type", 0) + 1
        return 1
    messages = ex.get("messages", None)
    if not messages or not isinstance(messages, list):
        errors["missing_messages_list"] = errors.get("missing_messages_list", 0) + 1
        return 1

    found = 0

    def bump(code):
        nonlocal found
        errors[code] = errors.get(code, 0) + 1
        found += 1

    has_assistant = False
    for message in messages:
        if not isinstance(message, dict):
            message = {}
        if "role" not in message or "content" not in message:
            bump("message_missing_key")
        if any(k not in RECOGNIZED_KEYS for k in message):
            bump("message_unrecognized_key")
        role = message.get("role", None)
        # `in` on a tuple compares with ==; a non-hashable role (list, dict)
        # is fine here, exactly as in the notebook.
        if role not in RECOGNIZED_ROLES:
            bump("unrecognized_role")
        if role == "assistant":
            has_assistant = True
        content = message.get("content", None)
        function_call = message.get("function_call", None)
        if (not content and not function_call) or not isinstance(content, str):
            bump("missing_content")
    if not has_assistant:
        bump("example_missing_assistant_message")
    return found


def make_counters(encoding):
    encode = encoding.encode

    def num_tokens_from_messages(messages, tokens_per_message=3, tokens_per_name=1):
        num_tokens = 0
        for message in messages:
            num_tokens += tokens_per_message
            if not isinstance(message, dict):
                continue
            for key, value in message.items():
                if isinstance(value, str):
                    num_tokens += len(encode(value, disallowed_special=()))
                if key == "name":
                    num_tokens += tokens_per_name
        num_tokens += 3
        return num_tokens

    def num_assistant_tokens_from_messages(messages):
        num_tokens = 0
        for message in messages:
            if isinstance(message, dict) and message.get("role") == "assistant":
                content = message.get("content")
                if isinstance(content, str):
                    num_tokens += len(encode(content, disallowed_special=()))
        return num_tokens

    return num_tokens_from_messages, num_assistant_tokens_from_messages


def quantile(sorted_values, q):
    """np.quantile with the default 'linear' method, on pre-sorted data."""
    n = len(sorted_values)
    pos = q * (n - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, n - 1)
    frac = pos - lo
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * frac


def distribution(values):
    if not values:
        return None
    s = sorted(values)
    return {
        "min": s[0],
        "max": s[-1],
        "mean": sum(s) / len(s),
        "median": quantile(s, 0.5),
        "p5": quantile(s, 0.05),
        "p95": quantile(s, 0.95),
        "notebook_p5": quantile(s, 0.1),
        "notebook_p95": quantile(s, 0.9),
    }


def default_epochs(n_train_examples):
    n_epochs = TARGET_EPOCHS
    if n_train_examples == 0:
        return n_epochs  # the notebook would divide by zero
    if n_train_examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        n_epochs = min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES // n_train_examples)
    elif n_train_examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        n_epochs = max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES // n_train_examples)
    return n_epochs


def iter_lines(path):
    """Yield (line_number, kind, value): kind is "json", "blank",
    "invalid_utf8" or "invalid_json"."""
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield lineno, "invalid_utf8", None
                continue
            if not text.strip():
                yield lineno, "blank", None
                continue
            try:
                yield lineno, "json", json.loads(text)
            except ValueError:
                yield lineno, "invalid_json", None


def analyse(path, encoding, tokens_for="valid", per_example=None):
    """Process one file. `per_example`, if given, is called with
    (line_number, example, total_tokens, assistant_tokens) for every
    token-counted example."""
    num_tokens, num_assistant_tokens = make_counters(encoding)
    errors = {}
    examples = blank = bad_utf8 = bad_json = 0
    n_missing_system = n_missing_user = 0
    n_messages, convo_lens, assistant_lens = [], [], []

    for lineno, kind, ex in iter_lines(path):
        if kind == "blank":
            blank += 1
            continue
        if kind == "invalid_utf8":
            bad_utf8 += 1
            continue
        if kind == "invalid_json":
            bad_json += 1
            continue
        examples += 1
        n_errors = check_example(ex, errors)
        if tokens_for == "valid":
            if n_errors:
                continue
        elif not (isinstance(ex, dict) and isinstance(ex.get("messages"), list) and ex["messages"]):
            continue
        messages = ex["messages"]
        roles = [m.get("role") for m in messages if isinstance(m, dict)]
        if "system" not in roles:
            n_missing_system += 1
        if "user" not in roles:
            n_missing_user += 1
        total = num_tokens(messages)
        assistant = num_assistant_tokens(messages)
        n_messages.append(len(messages))
        convo_lens.append(total)
        assistant_lens.append(assistant)
        if per_example is not None:
            per_example(lineno, ex, total, assistant)

    n_train = len(convo_lens)
    epochs = default_epochs(n_train)
    billing_per_epoch = sum(min(MAX_TOKENS_PER_EXAMPLE, n) for n in convo_lens)
    return {
        "examples": examples,
        "token_counted_examples": n_train,
        "blank_lines": blank,
        "invalid_utf8_lines": bad_utf8,
        "invalid_json_lines": bad_json,
        "error_counts": {k: errors[k] for k in ERROR_CODES if k in errors},
        "n_missing_system": n_missing_system,
        "n_missing_user": n_missing_user,
        "total_tokens": sum(convo_lens),
        "assistant_tokens": sum(assistant_lens),
        "n_over_limit": sum(n > MAX_TOKENS_PER_EXAMPLE for n in convo_lens),
        "distributions": {
            "num_messages_per_example": distribution(n_messages),
            "num_total_tokens_per_example": distribution(convo_lens),
            "num_assistant_tokens_per_example": distribution(assistant_lens),
        },
        "epochs": epochs,
        "billing_tokens_per_epoch": billing_per_epoch,
        "billed_tokens": epochs * billing_per_epoch,
    }


def load_encoding(name):
    import tiktoken

    return tiktoken.get_encoding(name)


def tiktoken_version():
    try:
        import importlib.metadata

        return importlib.metadata.version("tiktoken")
    except Exception:  # pragma: no cover
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--encoding", default="o200k_base")
    ap.add_argument(
        "--tokens-for",
        choices=("valid", "all"),
        default="valid",
        help="count tokens only for examples without format errors (default) or for all",
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    encoding = load_encoding(args.encoding)
    encoding.encode("warm up", disallowed_special=())
    load_seconds = time.perf_counter() - t0

    size = os.path.getsize(args.file)
    t1 = time.perf_counter()
    result = analyse(args.file, encoding, args.tokens_for)
    seconds = time.perf_counter() - t1

    out = {
        "file": args.file,
        "bytes": size,
        "encoding": args.encoding,
        "tiktoken_version": tiktoken_version(),
        "tokens_for": args.tokens_for,
    }
    out.update(result)
    out["seconds"] = round(seconds, 6)
    out["mb_per_s"] = round(size / 1e6 / seconds, 3) if seconds > 0 else None  # MB = 10^6 bytes
    out["load_seconds"] = round(load_seconds, 6)
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
