"""Corpora for the batch tests: a few hundred tiny documents of our own (fictional towns and people)."""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path


TOWNS = ("Oosterveld", "Dalmeer", "Westerkoog", "Breeveen", "Noordmarke")
PEOPLE = (("wethouder", "Anna de Vries"), ("projectleider", "Pieter Jansen"), ("burgemeester", "Fatima El Amrani"),
          ("beleidsadviseur", "Koen Bakker"), ("directeur", "Sanne Mulder"))
EN_PEOPLE = (("councillor", "Grace Whitfield"), ("project lead", "Tom Hadley"))


def article(i: int, rnd: random.Random) -> dict[str, str]:
    """A short news article with quotes, a paraphrase and advice (Dutch, or English for every seventh)."""
    town = rnd.choice(TOWNS)
    if i % 7 == 3:
        role, name = rnd.choice(EN_PEOPLE)
        text = (f"{town} council is testing neighbourhood budgets in {2020 + i % 6}.\n\n"
                f"“We have to learn from what goes wrong,” said {role} {name}. “Working with the region takes time.”\n\n"
                f"{name} said residents should be involved early. Start small and ask the street first.")
        return {"url": f"https://nieuws.example.org/en/{i}", "title": f"Budgets in {town} ({i})",
                "published": f"202{i % 6}-0{1 + i % 9}-1{i % 10}", "text": text, "lang": "en"}
    role, name = rnd.choice(PEOPLE)
    text = (f"De gemeente {town} start een proef met buurtbudgetten, bericht {i}.\n\n"
            f"‘We moeten durven leren van wat misgaat,’ zegt {role} {name}. "
            f"‘Samenwerken met de provincie kost tijd, maar het levert veel op.’\n\n"
            f"Volgens {name} is het belangrijk dat inwoners vroeg meedoen. Begin klein en betrek de buurt.")
    return {"url": f"https://nieuws.example.org/nl/{i}", "title": f"Buurtbudget {town} ({i})",
            "published": f"202{i % 6}-{1 + i % 12:02d}", "text": text}


BAD_LINES = ("{not json\n", json.dumps({"url": "javascript:alert(1)", "text": "Een tekst."}) + "\n",
             json.dumps({"url": "https://nieuws.example.org/leeg", "text": "   "}) + "\n")


def write_corpus(path: Path, n: int, *, bad: bool = True, seed: int = 17) -> list[dict[str, str]]:
    rnd = random.Random(seed)
    rows = [article(i, rnd) for i in range(n)]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in rows]
    if bad:  # bad records among good ones: each is recorded, the rest goes on
        for k, line in enumerate(BAD_LINES):
            lines.insert(5 + 40 * k, line)
    data = "".join(lines).encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return rows
