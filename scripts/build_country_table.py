"""Regenerate entities/nlp/data/countries.tsv from the countryinfo package.

The table is generated once and committed so that the extractor needs no extra runtime
dependency. Hand-made corrections are not written here: they live in country_aliases.tsv
beside it, which entities/nlp/gazetteer.py applies over this table at load time, and states
the package leaves out (Somaliland, Kosovo, ...) are in limited_recognition_states.tsv.
Run: pip install countryinfo==1.0.1 && python scripts/build_country_table.py
"""

import csv
import json
import re
from pathlib import Path

import countryinfo

DATA = Path(countryinfo.__file__).parent / "data"
OUT = Path(__file__).resolve().parents[1] / "entities" / "nlp" / "data" / "countries.tsv"
# ISO codes are ambiguous as words ("IN", "IT", "NO"); only these are written as names in news.
CODES_USED_AS_NAMES = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}
LATIN = re.compile(r"^[A-Za-z .,'()\-]+$")


def aliases(record: dict) -> list[str]:
    out = []
    for alt in record.get("altSpellings") or []:
        if len(alt) <= 4 and alt.upper() == alt and alt not in CODES_USED_AS_NAMES:
            continue
        if "," in alt or not LATIN.match(alt) or alt == record["name"]:
            continue
        out.append(alt)
    return out


def main() -> None:
    rows = []
    for path in sorted(DATA.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        name = record.get("name") or ""
        if not name or "," in name or not record.get("ISO"):
            continue
        capital = record.get("capital") or ""
        if isinstance(capital, list):  # a few countries list several seats of government
            capital = capital[0]
        capital = capital.replace(" D.C.", "")
        rows.append((name, capital, record.get("demonym") or "", "|".join(aliases(record))))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "capital", "demonym", "aliases"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
