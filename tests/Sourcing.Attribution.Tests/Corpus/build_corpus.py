#!/usr/bin/env python3
"""Build corpus.jsonl (ANNOTATION.md format) from the marked-up articles in articles/*.txt.

Markup: {C1 said} cue, {S1 ...} source, {T1 ...} content, {R1,3 ...} anonymity reason
(ids list the attributions that share it). Tags nest. After a line '---', one line per
attribution: 'n | speaker | named/anonymous | person/group/organization/document |
direct/indirect/mixed'. Offsets are computed from the markup, then every span is checked:
text[start:end] == span text. Run: python3 build_corpus.py (writes corpus.jsonl from
articles/*.txt and blind.jsonl from blind/*.txt, the held-out set written and annotated
before the engine was run on it).
"""
import glob
import json
import os
import re
import sys

TAG = re.compile(r"\{([CSTR])([0-9,]+) ")


def parse(markup):
    out, spans, stack, i = [], [], [], 0
    while i < len(markup):
        m = TAG.match(markup, i)
        if m:
            stack.append((m.group(1), [int(x) for x in m.group(2).split(",")], len("".join(out))))
            i = m.end()
            continue
        ch = markup[i]
        if ch == "}":
            if not stack:
                raise ValueError(f"unbalanced }} at {i}")
            kind, ids, start = stack.pop()
            spans.append((kind, ids, start, len("".join(out))))
            i += 1
            continue
        out.append(ch)
        i += 1
    if stack:
        raise ValueError(f"unclosed tag {stack[-1]}")
    return "".join(out), spans


def build(path):
    raw = open(path, encoding="utf-8").read()
    body, meta = raw.split("\n---\n")
    text, spans = parse(body.rstrip("\n"))
    atts = {}
    for line in meta.strip().splitlines():
        n, speaker, sourcing, entity, quote = [p.strip() for p in line.split("|")]
        atts[int(n)] = {"cue": None, "source": None, "content": None, "quote": quote,
                        "speaker": speaker, "sourcing": sourcing, "entity": entity,
                        "anonymity_reason": None}
    names = {"C": "cue", "S": "source", "T": "content", "R": "anonymity_reason"}
    for kind, ids, start, end in spans:
        for n in ids:
            if n not in atts:
                raise ValueError(f"{path}: span for unknown attribution {n}")
            atts[n][names[kind]] = {"start": start, "end": end, "text": text[start:end]}
    for n, a in atts.items():
        for key in ("cue", "source", "content"):
            if a[key] is None:
                raise ValueError(f"{path}: attribution {n} has no {key}")
        for key in ("cue", "source", "content", "anonymity_reason"):
            s = a[key]
            if s is not None and text[s["start"]:s["end"]] != s["text"]:
                raise ValueError(f"{path}: bad offsets for {key} of {n}")
    ordered = [atts[n] for n in sorted(atts)]
    return {"id": os.path.splitext(os.path.basename(path))[0], "text": text, "attributions": ordered}


SETS = (("articles", "corpus.jsonl"), ("blind", "blind.jsonl"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for folder, output in SETS:
        records = [build(p) for p in sorted(glob.glob(os.path.join(here, folder, "*.txt")))]
        with open(os.path.join(here, output), "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{output}: {len(records)} articles, "
              f"{sum(len(r['attributions']) for r in records)} attributions", file=sys.stderr)


if __name__ == "__main__":
    main()
