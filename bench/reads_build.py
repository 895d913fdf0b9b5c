"""Builds the database bench/reads.py times: N statements (default 1,000,000) of real sentences.

Contents are sentences of the PolNeAR dev texts and of the geo-dev articles; around them:
~100,000 articles over ten years (2016-2026, a few undated) with bodies of a few KB built from
the same sentences (every statement's offsets point into its body), ~30 publishers with a
long-tailed share; ~8,000 actors (~200 countries named as in entities/nlp/data/countries.tsv,
international bodies, ministries, people) with a Zipf share of speech, people and bodies given
countries (a few countries have most), aliases, `folded` and `name_key` as the models set them;
~0.7 targets per statement with stances, ~2 mentions per statement, cue classes from the
speech-verb table, kinds direct / indirect / mixed.

Rows are generated in Python and loaded with COPY into the tables the migrations made, with
their secondary indexes and foreign keys dropped during the load and recreated afterwards (the
definitions are read back from the catalogue, so they are exactly the migrations'); the
generated `content_search` column is computed by PostgreSQL. Then VACUUM ANALYZE.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import itertools
import json
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import psycopg
from psycopg import sql

from bench._common import EVAL, ROOT, polnear_records

DATA = ROOT / "entities" / "nlp" / "data"
GEO_DEV = EVAL / "geo-dev"
TABLES = (
    "entities_article",
    "entities_actor",
    "entities_actoralias",
    "entities_mention",
    "entities_statement",
    "entities_statementtarget",
)
# the last migration whose tables the builder writes: later ones run on the loaded rows
SCHEMA = "0013_search"
PIPELINE_VERSION = "0.6.5"  # entities.nlp.pipeline.PIPELINE_VERSION when the bench was written
START = datetime(2016, 1, 1, tzinfo=UTC)
END = datetime(2026, 11, 1, tzinfo=UTC)
# the countries most news is about, in order: the head of the long tail
HEAD_COUNTRIES = ["United States", "China", "Russia", "Ukraine", "Israel", "Iran",
                  "United Kingdom", "North Korea", "Germany", "France", "Japan", "India",
                  "Turkey", "South Korea", "Syria", "Saudi Arabia", "Taiwan",
                  "Pakistan"]  # fmt: skip
PUBLISHERS = ["Reuters", "Associated Press", "AFP", "BBC News", "The Guardian", "Al Jazeera",
              "The New York Times", "The Washington Post", "CNN", "Breitbart", "Fox News",
              "Yonhap", "TASS", "Xinhua", "Kyodo", "Deutsche Welle", "France 24", "NPR",
              "Politico", "The Hill", "Bloomberg", "Financial Times", "The Times of India",
              "Haaretz", "Anadolu Agency", "Kyiv Independent", "South China Morning Post",
              "The Japan Times", "ABC News", "Le Monde"]  # fmt: skip
SURNAME_PARTS = ["ka", "ri", "mo", "lin", "ser", "gei", "ov", "an", "dro", "vic", "ta", "ne",
                 "ber", "hal", "son", "mur", "ez", "gar", "zhou", "wei", "pak", "kim", "li",
                 "dor", "ian", "el", "bas", "ko", "ra", "mi", "nov", "sky", "to", "shi", "ma",
                 "de", "lu", "vas", "que", "haq", "ud", "din", "ab", "dal", "lah"]  # fmt: skip
STANCES = (("negative", 0.34), ("neutral", 0.48), ("positive", 0.18))
KINDS = (("indirect", 0.52), ("direct", 0.36), ("mixed", 0.12))
LABELS = {"person": "PERSON", "organization": "ORG", "country": "GPE"}
ANONYMOUS = ["officials", "a spokesperson", "the ministry", "analysts", "a senior official"]


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights of ranks 1..n with P(rank r) proportional to 1 / r**s."""
    return list(itertools.accumulate(1 / (r**s) for r in range(1, n + 1)))


def copy_escape(text: str) -> str:
    """`text` as a field of PostgreSQL's COPY text format."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def sentences() -> list[str]:
    """Sentences of 40-400 characters from the PolNeAR dev texts and the geo-dev articles."""
    texts = [record["text"] for record in polnear_records()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(GEO_DEV.glob("*.txt"))]
    out = []
    for text in texts:
        for piece in re.split(r"(?<=[.!?])\s+", text):
            piece = " ".join(piece.split())
            if 40 <= len(piece) <= 400:
                out.append(piece)
    return sorted(set(out))


def _tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@dataclass(eq=False)
class ActorRow:
    id: int
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country_id: int | None = None


def _actors(n_actors: int, rng: random.Random) -> list[ActorRow]:
    """Actors in order of prominence (rank 1 first): countries, bodies, ministries, people."""
    countries = list({r["name"]: r for r in _tsv("countries.tsv") if r["name"]}.values())
    head = [c for name in HEAD_COUNTRIES for c in countries if c["name"] == name]
    tail = [c for c in countries if c["name"] not in HEAD_COUNTRIES]
    rng.shuffle(tail)
    country_rows = (head + tail)[:200]
    people_orgs: list[tuple[str, str, list[str]]] = []
    for body in _tsv("bodies.tsv"):
        people_orgs.append((body["name"], "organization", body["aliases"].split("|")))
    for ministry in ("Foreign Ministry", "Defence Ministry", "Finance Ministry", "Parliament"):
        for c in country_rows[:60]:
            people_orgs.append((f"{c['demonym'] or c['name']} {ministry}", "organization", []))
    firsts = [r["name"] for r in _tsv("first_names.tsv")]
    wanted = n_actors - len(country_rows) - len(people_orgs)
    seen: set[str] = set()
    while len(seen) < wanted:
        parts = rng.randint(2, 3)
        surname = "".join(rng.choice(SURNAME_PARTS) for _ in range(parts)).capitalize()
        name = f"{rng.choice(firsts)} {surname}"
        if name not in seen:
            seen.add(name)
            people_orgs.append((name, "person", [surname] if rng.random() < 0.3 else []))
    people_orgs = list({(n, k): (n, k, a) for n, k, a in people_orgs}.values())
    rng.shuffle(people_orgs)
    # countries spread among the ranks: the head countries near the top, the rest anywhere
    ranked: list[tuple[str, str, list[str]]] = list(people_orgs)
    for c in country_rows[len(head) :]:
        ranked.insert(rng.randint(40, len(ranked)), (c["name"], "country", _aliases(c)))
    for i, c in enumerate(head):
        ranked.insert(2 * i + 1, (c["name"], "country", _aliases(c)))
    actors = [ActorRow(i + 1, name, kind, aliases) for i, (name, kind, aliases) in
              enumerate(ranked)]  # fmt: skip
    country_of = {a.name: a for a in actors if a.kind == "country"}
    country_order = list(dict.fromkeys(country_of[c["name"]] for c in country_rows))
    cum = zipf_weights(len(country_order), 1.1)
    for actor in actors:
        if actor.kind != "country" and rng.random() < 0.8:
            if actor.kind == "organization" and " " in actor.name:
                demonym = actor.name.rsplit(" ", 2)[0]
                match = [c for c in country_rows if c["demonym"] == demonym]
                if match:
                    actor.country_id = country_of[match[0]["name"]].id
                    continue
            actor.country_id = rng.choices(country_order, cum_weights=cum)[0].id
    return actors


def _aliases(row: dict[str, str]) -> list[str]:
    return [a for a in row["aliases"].split("|") if a]


class _Body:
    """An article body being written: its pieces escaped for COPY, offsets in the text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def __call__(self, escaped: str, length: int) -> int:
        """Append a piece (`length` characters unescaped); return where it starts."""
        start = self.pos
        self.parts.append(escaped)
        self.pos += length
        return start


class _Copier:
    """Rows for one table, written to its COPY in chunks."""

    def __init__(self, copy: psycopg.Copy) -> None:
        self.copy = copy
        self.lines: list[str] = []
        self.rows = 0

    def add(self, *fields: object) -> None:
        self.lines.append("\t".join(_field(f) for f in fields))
        self.rows += 1
        if len(self.lines) >= 5000:
            self.flush()

    def flush(self) -> None:
        if self.lines:
            self.copy.write("\n".join(self.lines) + "\n")
            self.lines = []


def _field(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _drop_indexes(conn: psycopg.Connection) -> list[str]:
    """Drop the secondary indexes, unique and foreign-key constraints of the tables; return the
    statements that recreate them (indexes first, then constraints)."""
    names = list(TABLES)
    cons = conn.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype "
        "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) AND contype IN ('f', 'u')",
        [names],
    ).fetchall()
    constraint_names = {c[1] for c in cons}
    idx = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
        "AND indexname NOT LIKE '%%_pkey'",
        [names],
    ).fetchall()
    recreate = [d for n, d in idx if n not in constraint_names]
    recreate += [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d, k in
                 sorted(cons, key=lambda c: c[3] == "f")]  # fmt: skip
    for t, n, _d, _k in sorted(cons, key=lambda c: c[3] != "f"):
        conn.execute(f'ALTER TABLE {t} DROP CONSTRAINT "{n}"')
    for n, _d in idx:
        if n not in constraint_names:
            conn.execute(f'DROP INDEX "{n}"')
    return recreate


def _iso(moment: datetime) -> str:
    return moment.isoformat()


@dataclass
class _World:
    rng: random.Random
    actors: list[ActorRow]
    names: list[str]
    pool: list[str]
    escaped: list[str]
    n_statements: int
    actor_cum: list[float]
    pub_cum: list[float]
    cues: list[tuple[str, str]]
    cue_cum: list[float]
    stance_cum: list[float]
    kind_cum: list[float]
    span: float
    pick_actor: Callable[[], int]


def build(dsn: str, n_statements: int, seed: int = 7, log: Callable[[str], None] = print) -> dict:
    """Fill the (migrated, empty) database at `dsn`; return counts and timings."""
    rng = random.Random(seed)  # noqa: S311 - data, not secrets
    t0 = time.perf_counter()
    pool = sentences()
    escaped = [copy_escape(s) for s in pool]
    n_actors = max(300, min(8_000, n_statements // 125))
    actors = _actors(n_actors, rng)
    actor_cum = zipf_weights(len(actors), 1.0)
    pub_cum = zipf_weights(len(PUBLISHERS), 1.1)
    cues = [(r["lemma"], r["class"]) for r in _tsv("speech_verbs.tsv")]
    cue_cum = zipf_weights(len(cues), 0.9)
    stance_cum = list(itertools.accumulate(w for _s, w in STANCES))
    kind_cum = list(itertools.accumulate(w for _k, w in KINDS))
    names = [copy_escape(a.name) for a in actors]
    log(f"{len(pool):,} sentences, {len(actors):,} actors")

    def pick_actor() -> int:  # an index into actors
        return bisect.bisect(actor_cum, rng.random() * actor_cum[-1])

    span = (END - START).total_seconds()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '512MB'")
        for table in TABLES:
            conn.execute(f"TRUNCATE {table} CASCADE")
        recreate = _drop_indexes(conn)
        conns = [psycopg.connect(dsn) for _ in range(5)]
        try:
            cols = {
                "entities_actor": "id, name, kind, role, slug, wikidata_id, created_at, "
                "country_id, merged_into_id, rejected, name_key, folded",
                "entities_actoralias": "id, alias, actor_id, folded",
                "entities_article": "id, title, body, raw, raw_format, url, publisher, "
                "published_at, authors, content_hash, status, error, attempts, "
                "pipeline_version, model_name, created_at, updated_at, queued_at, started_at, "
                "finished_at, uploaded_by_id, enqueued_at",
                "entities_statement": "id, speaker_text, speaker_start, speaker_end, cue, "
                "cue_lemma, cue_class, cue_start, cue_end, content, content_start, content_end, "
                "kind, confidence, article_id, speaker_id, fragments, in_title, reviewed_at, "
                "reviewed_by_id",
                "entities_statementtarget": 'id, start, "end", actor_id, statement_id, stance',
                "entities_mention": 'id, start, "end", text, label, actor_id, article_id',
            }
            world = _World(rng, actors, names, pool, escaped, n_statements, actor_cum, pub_cum,
                           cues, cue_cum, stance_cum, kind_cum, span, pick_actor)  # fmt: skip
            counts = _load(conns, cols, world)
        finally:
            for c in conns:
                c.close()
        load_s = time.perf_counter() - t0
        log(f"loaded in {load_s:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        for ddl in recreate:
            t1 = time.perf_counter()
            conn.execute(ddl)
            log(f"  {time.perf_counter() - t1:5.1f} s  {ddl[:110]}")
        for table in TABLES:
            conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence({t}, 'id'), "
                    "(SELECT coalesce(max(id), 1) FROM {table}))"
                ).format(t=sql.Literal(table), table=sql.Identifier(table))
            )
        index_s = time.perf_counter() - t0 - load_s
        t1 = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        vacuum_s = time.perf_counter() - t1
    total = time.perf_counter() - t0
    log(f"indexes {index_s:.0f} s, VACUUM ANALYZE {vacuum_s:.0f} s, built in {total:.0f} s")
    return {**counts, "seconds": total}


def _past(lemma: str) -> str:
    irregular = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke",
                 "deny": "denied", "think": "thought", "hold": "held"}  # fmt: skip
    if lemma in irregular:
        return irregular[lemma]
    if " " in lemma or not lemma.isalpha():
        return lemma
    return lemma + ("d" if lemma.endswith("e") else "ed")


def _articles_sizes(n_statements: int, rng: random.Random) -> Iterator[int]:
    """Statements per article: mean ~10, long-tailed, summing to n_statements."""
    left = n_statements
    while left > 0:
        size = min(left, max(1, min(80, int(rng.expovariate(1 / 9)) + 1)))
        left -= size
        yield size


def _load(conns: Sequence[psycopg.Connection], cols: dict[str, str], w: _World) -> dict[str, int]:
    rng, actors = w.rng, w.actors
    created = datetime(2026, 11, 20, tzinfo=UTC)
    with (
        conns[0].cursor() as c0,
        conns[1].cursor() as c1,
        conns[2].cursor() as c2,
        conns[3].cursor() as c3,
        conns[4].cursor() as c4,
    ):
        # actors and aliases first, on one connection (the others wait on nothing: no FKs)
        from django.utils.text import slugify

        from entities.models import name_key, normalise_name, search_key

        slugs: set[str] = set()
        alias_id = 0
        with c0.copy(f"COPY entities_actor ({cols['entities_actor']}) FROM STDIN") as cp:
            out = _Copier(cp)
            for a in actors:
                base, slug, n = slugify(a.name) or "actor", "", 1
                slug = base
                while slug in slugs:
                    n += 1
                    slug = f"{base}-{n}"
                slugs.add(slug)
                out.add(a.id, copy_escape(a.name), a.kind, "", slug, "", _iso(created),
                        a.country_id, None, False, copy_escape(name_key(a.name, a.kind)),
                        copy_escape(search_key(a.name)))  # fmt: skip
            out.flush()
        with c0.copy(f"COPY entities_actoralias ({cols['entities_actoralias']}) FROM STDIN") as cp:
            out = _Copier(cp)
            for a in actors:
                for alias in {normalise_name(x) for x in [a.name, *a.aliases] if x.strip()}:
                    if alias:
                        alias_id += 1
                        out.add(alias_id, copy_escape(alias[:300]), a.id,
                                copy_escape(search_key(alias)))  # fmt: skip
            out.flush()
        conns[0].commit()
        counts = {"actors": len(actors), "aliases": alias_id}
        with (
            c1.copy(f"COPY entities_article ({cols['entities_article']}) FROM STDIN") as cp_a,
            c2.copy(f"COPY entities_statement ({cols['entities_statement']}) FROM STDIN") as cp_s,
            c3.copy(
                f"COPY entities_statementtarget ({cols['entities_statementtarget']}) FROM STDIN"
            ) as cp_t,
            c4.copy(f"COPY entities_mention ({cols['entities_mention']}) FROM STDIN") as cp_m,
        ):
            arts, stmts, targs, ments = _Copier(cp_a), _Copier(cp_s), _Copier(cp_t), _Copier(cp_m)
            sid = tid = mid = 0
            for art_id, size in enumerate(_articles_sizes(w.n_statements, rng), start=1):
                undated = rng.random() < 0.03
                moment = START + timedelta(seconds=rng.random() * w.span)
                publisher = PUBLISHERS[bisect.bisect(w.pub_cum, rng.random() * w.pub_cum[-1])]
                put = _Body()
                lead = rng.randrange(len(w.pool))
                title = w.pool[lead][:120].rstrip(" ,;:")
                for _ in range(2):
                    k = rng.randrange(len(w.pool))
                    put(w.escaped[k] + "\\n\\n", len(w.pool[k]) + 2)
                for _ in range(size):
                    sid += 1
                    content_i = rng.randrange(len(w.pool))
                    content, content_esc = w.pool[content_i], w.escaped[content_i]
                    speaker: int | None = w.pick_actor() if rng.random() < 0.92 else None
                    name = actors[speaker].name if speaker is not None else rng.choice(ANONYMOUS)
                    lemma, cls = w.cues[bisect.bisect(w.cue_cum, rng.random() * w.cue_cum[-1])]
                    cue = _past(lemma)
                    kind = KINDS[bisect.bisect(w.kind_cum, rng.random())][0]
                    sp_start = put(copy_escape(name), len(name))
                    cue_start = put(" " + cue, len(cue) + 1) + 1
                    put(" ", 1)
                    c_start = put(content_esc, len(content))
                    put("\\n\\n", 2)
                    if rng.random() < 0.6:  # a sentence between statements
                        k = rng.randrange(len(w.pool))
                        put(w.escaped[k] + "\\n\\n", len(w.pool[k]) + 2)
                    stmts.add(sid, copy_escape(name[:500]), sp_start, sp_start + len(name),
                              cue, lemma, cls, cue_start, cue_start + len(cue), content_esc,
                              c_start, c_start + len(content), kind,
                              round(0.5 + rng.random() * 0.49, 3), art_id,
                              actors[speaker].id if speaker is not None else None, "[]", False,
                              None, None)  # fmt: skip
                    if speaker is not None:
                        mid += 1
                        who = actors[speaker]
                        ments.add(mid, sp_start, sp_start + len(name), w.names[speaker][:300],
                                  LABELS[who.kind], who.id, art_id)  # fmt: skip
                    r = rng.random()
                    n_targets = 0 if r < 0.45 else 1 if r < 0.85 else 2 if r < 0.97 else 3
                    chosen: set[int] = set()
                    for _t in range(n_targets * 2):
                        if len(chosen) == n_targets:
                            break
                        t = w.pick_actor()
                        if t != speaker:
                            chosen.add(t)
                    for t in chosen:
                        tid += 1
                        stance = STANCES[bisect.bisect(w.stance_cum, rng.random())][0]
                        t_start = c_start + rng.randrange(max(1, len(content) - 20))
                        t_end = min(c_start + len(content), t_start + len(actors[t].name))
                        targs.add(tid, t_start, t_end, actors[t].id, sid, stance)
                        mid += 1
                        ments.add(mid, t_start, t_end, w.names[t][:300], LABELS[actors[t].kind],
                                  actors[t].id, art_id)  # fmt: skip
                    if not chosen:  # someone else the paragraph names
                        o = w.pick_actor()
                        mid += 1
                        at = c_start + rng.randrange(max(1, len(content) - 20))
                        ments.add(mid, at, at + len(actors[o].name), w.names[o][:300],
                                  LABELS[actors[o].kind], actors[o].id, art_id)  # fmt: skip
                body = "".join(put.parts)
                digest = hashlib.sha256(f"bench-article-{art_id}".encode()).hexdigest()
                url = None if rng.random() < 0.1 else (
                    f"https://news.example/{slug_of(publisher)}/{art_id}")  # fmt: skip
                when = None if undated else moment
                ingested = (moment if not undated else START) + timedelta(hours=rng.random() * 48)
                authors = json.dumps([]) if rng.random() < 0.5 else json.dumps(["Staff writer"])
                arts.add(art_id, copy_escape(title), body, body, "text", url, publisher,
                         _iso(when) if when else None, authors, digest, "done", "", 0,
                         PIPELINE_VERSION, "en_core_web_sm", _iso(ingested), _iso(ingested),
                         _iso(ingested), _iso(ingested), _iso(ingested), None,
                         _iso(ingested))  # fmt: skip
            for out in (arts, stmts, targs, ments):
                out.flush()
        for c in conns[1:]:
            c.commit()
    counts.update(articles=arts.rows, statements=stmts.rows, targets=targs.rows,
                  mentions=ments.rows)  # fmt: skip
    return counts


def slug_of(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def table_sizes(conn: psycopg.Connection) -> list[tuple[str, int, str, str]]:
    """(table, rows, total size, of which indexes) for the bench's tables."""
    out = []
    for table in TABLES:
        row = conn.execute(
            sql.SQL(
                "SELECT (SELECT count(*) FROM {table}), "
                "pg_size_pretty(pg_total_relation_size({t})), pg_size_pretty(pg_indexes_size({t}))"
            ).format(t=sql.Literal(table), table=sql.Identifier(table))
        ).fetchone() or (0, "", "")
        out.append((table, int(row[0]), str(row[1]), str(row[2])))
    return out
