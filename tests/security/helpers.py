"""Shared by the security regression tests: clients, small inputs, and large articles built
straight in the database (no extraction), the shapes the hardening probe used to exhaust a web
worker."""

from __future__ import annotations

from django.db import transaction

from entities.models import Actor, Article, Mention, Statement, StatementTarget, sort_at_of

LINE = "Speaker{i:05d} said that Target{j:05d} would answer the letter number {i}.\n"


@transaction.atomic
def big_article(
    *, statements: int, mentions_per_statement: int = 3, body_padding: int = 0, tag: str = "big"
) -> Article:
    """An article of `statements` lines 'SpeakerN said that TargetM would answer ...', each a
    statement by SpeakerN about TargetM, and `mentions_per_statement` mentions a line (speaker,
    target, the speaker again, ...). `body_padding` characters of filler follow the lines, so
    that the body (and the raw input, a copy of it) can be made as large as an upload may be."""
    actors = Actor.objects.bulk_create(
        Actor(name=f"Speaker{tag}{i:05d}", kind=Actor.Kind.PERSON, slug=f"{tag}-actor-{i}")
        for i in range(max(2, statements // 10))
    )
    lines, spans = [], []
    at = 0
    for i in range(statements):
        line = LINE.format(i=i, j=(i + 1) % len(actors))
        speaker = (at, at + 12)
        cue = (at + 13, at + 17)
        target = (at + 23, at + 34)
        content = (at + 23, at + len(line) - 2)
        spans.append((speaker, cue, target, content))
        lines.append(line)
        at += len(line)
    body = "".join(lines) + "x" * body_padding
    article = Article.objects.create(
        title=f"{statements} statements",
        body=body,
        raw=body,
        content_hash=f"{tag}{statements:060d}"[:64],
        status=Article.Status.DONE,
    )
    rows = Statement.objects.bulk_create(
        Statement(
            article=article,
            sort_at=sort_at_of(article.published_at),  # bulk_create calls no save()
            speaker=actors[i % len(actors)],
            speaker_text=body[sp[0] : sp[1]],
            speaker_start=sp[0],
            speaker_end=sp[1],
            cue="said",
            cue_lemma="say",
            cue_class="say",
            cue_start=cu[0],
            cue_end=cu[1],
            content=body[co[0] : co[1]],
            content_start=co[0],
            content_end=co[1],
            kind=Statement.Kind.INDIRECT,
            confidence=0.9,
        )
        for i, (sp, cu, _, co) in enumerate(spans)
    )
    StatementTarget.objects.bulk_create(
        StatementTarget(statement=row, actor=actors[(i + 1) % len(actors)], start=tg[0], end=tg[1])
        for i, (row, (_, _, tg, _)) in enumerate(zip(rows, spans, strict=True))
    )
    mentions = []
    for i, (sp, _, tg, _) in enumerate(spans):
        picks = [(sp, i) if k % 2 == 0 else (tg, i + 1) for k in range(mentions_per_statement)]
        for (a, b), who in picks:
            mentions.append(
                Mention(
                    article=article, actor=actors[who % len(actors)], start=a, end=b,
                    text=body[a:b], label="PERSON",
                )
            )  # fmt: skip
    Mention.objects.bulk_create(mentions, batch_size=2000)
    return article


def costly_pdf(*, operators: int = 300_000, pages: int = 8) -> bytes:
    """A few KB of PDF that takes pypdf minutes to read: `pages` pages sharing one compressed
    content stream of `operators` text-showing operators (the probe's 4.7 KB file)."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )

    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 10 700 Td " + b"(a) Tj " * operators + b"ET")
    shared = writer._add_object(content.flate_encode())
    font_ref = writer._add_object(font)
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Contents")] = ArrayObject([shared])
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
