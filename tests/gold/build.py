#!/usr/bin/env python3
"""Build the gold JSONL files from the annotated sources in src/*.txt.

Standard library only. Usage:  python3 tests/gold/build.py   (writes nl.jsonl, en.jsonl, verifies)

Source format (one file per language, src/nl.txt and src/en.txt):

    === nl-001
    note: what this text tests
    speaker: key = Full Name | role | organisation      (empty field -> null; repeatable)
    ---
    <text with inline span markers>

Span markers (the characters U+27E6 / U+27E7 never occur in a real text):
    ⟦q:key⟧ ... ⟦/⟧    quote           (nested: false)
    ⟦qn:key⟧ ... ⟦/⟧   nested quote    (nested: true)
    ⟦p:key⟧ ... ⟦/⟧    paraphrase
    ⟦t⟧ ... ⟦/⟧        takeaway
    ⟦a⟧ / ⟦a:key⟧ ... ⟦/⟧  advice
A marker without ":key" (or with key "-") means speaker null. Markers nest; ⟦/⟧ closes the
innermost open span. The markers are removed and the start/end offsets (Python code-point
indices into the clean text) are recorded, so text[start:end] == item["text"] by construction;
verify() re-checks everything on the written files anyway.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"⟦(/|[a-z]+)(?::([^⟧]*))?⟧")
KINDS = {"q": "quote", "qn": "quote", "p": "paraphrase", "t": "takeaway", "a": "advice"}
OPENERS = set("‘’“„\"',`«")
CLOSERS = set("’”“\"'»")


def parse_source(path):
    docs = []
    raw = open(path, encoding="utf-8").read()
    blocks = re.split(r"^=== ", raw, flags=re.M)
    for block in blocks:
        if not block.strip():
            continue
        head, _, body = block.partition("\n---\n")
        lines = head.split("\n")
        doc_id = lines[0].strip()
        note, speakers = "", {}
        for line in lines[1:]:
            if line.startswith("note:"):
                note = line[5:].strip()
            elif line.startswith("speaker:"):
                key, _, spec = line[8:].partition("=")
                fields = [f.strip() or None for f in spec.split("|")]
                fields += [None] * (3 - len(fields))
                speakers[key.strip()] = fields[:3]
        docs.append((doc_id, note, speakers, body.strip("\n")))
    return docs


def build_doc(doc_id, note, speakers, marked):
    out, items, stack = [], [], []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        tag, key = m.group(1), m.group(2)
        if tag == "/":
            if not stack:
                raise SystemExit(f"{doc_id}: unbalanced close marker at {m.start()}")
            item = stack.pop()
            item["end"] = length
            items.append(item)
        else:
            if tag not in KINDS:
                raise SystemExit(f"{doc_id}: unknown marker {tag}")
            spk = [None, None, None]
            if key and key != "-":
                if key not in speakers:
                    raise SystemExit(f"{doc_id}: unknown speaker key {key}")
                spk = speakers[key]
            item = {"kind": KINDS[tag], "start": length, "end": None,
                    "speaker": spk[0], "speaker_role": spk[1]}
            if tag in ("q", "qn"):
                item["nested"] = tag == "qn"
            if spk[2]:
                item["organisation"] = spk[2]
            stack.append(item)
    if stack:
        raise SystemExit(f"{doc_id}: unclosed marker")
    out.append(marked[pos:])
    text = "".join(out)
    items.sort(key=lambda it: (it["start"], -it["end"]))
    final = []
    for it in items:
        it["text"] = text[it["start"]:it["end"]]
        order = ["kind", "start", "end", "text", "speaker", "speaker_role", "nested", "organisation"]
        final.append({k: it[k] for k in order if k in it})
    lang = doc_id.split("-")[0]
    return {"id": doc_id, "lang": lang, "note": note, "text": text, "items": final}


def verify(path, flanks=False):
    """Load a written JSONL file and check every item. Returns (docs, problems)."""
    docs, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            d = json.loads(line)
            docs.append(d)
            t = d["text"]
            if "⟦" in t or "⟧" in t:
                problems.append(f"{d['id']}: marker left in text")
            words = len(t.split())
            if not 150 <= words <= 600:
                problems.append(f"{d['id']}: {words} words")
            for it in d["items"]:
                s, e = it["start"], it["end"]
                if t[s:e] != it["text"]:
                    problems.append(f"{d['id']}: offset mismatch {it}")
                if it["text"] != it["text"].strip() or not it["text"]:
                    problems.append(f"{d['id']}: whitespace/empty {it['text']!r}")
                if it["kind"] not in ("quote", "paraphrase", "takeaway", "advice"):
                    problems.append(f"{d['id']}: bad kind {it['kind']}")
                if it["kind"] == "quote":
                    if it["text"].endswith(","):
                        problems.append(f"{d['id']}: quote ends with comma {it['text']!r}")
                    if len(it["text"].split()) < 4:
                        problems.append(f"{d['id']}: very short quote {it['text']!r}")
                    if "nested" not in it:
                        problems.append(f"{d['id']}: quote without nested flag")
                    if flanks:
                        # an opening mark right before the item; right after it a closing
                        # mark, a comma plus a closing mark, or the end of the paragraph
                        before, after = t[s - 1:s], t[e:e + 2]
                        if before not in OPENERS:
                            problems.append(f"{d['id']}: quote not preceded by an opening mark {it['text'][:40]!r}")
                        if not (after[:1] in CLOSERS or (after[:1] == "," and after[1:2] in CLOSERS)
                                or after[:1] in ("\n", "")):
                            problems.append(f"{d['id']}: quote not followed by a closing mark or paragraph end {it['text'][-40:]!r}")
                for field in ("speaker", "organisation"):
                    if it.get(field) and it[field] not in t:
                        problems.append(f"{d['id']}: {field} {it[field]!r} not written in text")
                if it.get("speaker_role") and it["speaker_role"].lower() not in t.lower():
                    problems.append(f"{d['id']}: role {it['speaker_role']!r} not written in text")
                if it["kind"] == "takeaway" and it["speaker"] is not None:
                    problems.append(f"{d['id']}: takeaway with speaker")
                if it["kind"] in ("takeaway", "advice") and it["text"][:2] in ("- ", "• ", "* "):
                    problems.append(f"{d['id']}: bullet marker kept {it['text']!r}")
    return docs, problems


def main(here=HERE, flanks=False):
    total_problems = []
    summary = {}
    for lang in ("nl", "en"):
        src = os.path.join(here, "src", f"{lang}.txt")
        docs = [build_doc(*d) for d in parse_source(src)]
        ids = [d["id"] for d in docs]
        assert len(ids) == len(set(ids)), "duplicate ids"
        dst = os.path.join(here, f"{lang}.jsonl")
        with open(dst, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        loaded, problems = verify(dst, flanks)
        total_problems += problems
        counts = {}
        for d in loaded:
            for it in d["items"]:
                k = it["kind"] + ("(nested)" if it.get("nested") else "")
                counts[k] = counts.get(k, 0) + 1
        noquote = [d["id"] for d in loaded if not any(i["kind"] == "quote" for i in d["items"])]
        summary[lang] = (len(loaded), counts, noquote)
    for lang, (n, counts, noquote) in summary.items():
        print(f"{lang}: {n} texts, items {dict(sorted(counts.items()))}, texts without quotes: {noquote}")
    for p in total_problems:
        print("PROBLEM:", p)
    if total_problems:
        sys.exit(1)
    print("OK: all offsets verified")


if __name__ == "__main__":
    main()
