"""Writes: create articles, run extraction and store its result, resolve actors."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify

from entities import nlp
from entities.models import Actor, ActorAlias, Article, Mention, Statement, StatementTarget
from entities.nlp.types import CleanText, ExtractionResult, Metadata

logger = logging.getLogger(__name__)

ARTICLE_EMPTY = "The article is empty: paste its text or choose a file."
ARTICLE_NO_TEXT = "No article text could be found in this input."
ARTICLE_TOO_LONG = "The article is {size:,} characters long; the limit is {limit:,}."


def nlp_model_problem() -> str | None:
    """Why the configured spaCy model cannot be used, or None when it is installed."""
    if nlp.model_installed(settings.SPACY_MODEL):
        return None
    return (
        f"The spaCy model {settings.SPACY_MODEL!r} named by SPACY_MODEL is not installed. "
        f"Set SPACY_MODEL to an installed spaCy pipeline, or run: {nlp.MODEL_PACKAGE_HINT}"
    )


def content_hash(body: str) -> str:
    """Hash of the body with case, quote styles and whitespace normalised away."""
    text = unicodedata.normalize("NFKC", body).lower()
    text = re.sub(r"[“”„«»\"]", '"', text)
    text = re.sub(r"[‘’`]", "'", text)
    text = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_alias(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,'")


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time(12, 0)))


@transaction.atomic
def article_create(
    *,
    raw: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published_at: date | datetime | None = None,
    uploaded_by=None,
) -> tuple[Article, bool]:
    """Save an article as queued and enqueue its extraction once the transaction commits.

    Returns (article, created): an article with the same URL or the same normalised body is
    returned as it is, and nothing new is stored.
    """
    if not raw or not raw.strip():
        raise ValidationError({"text": ARTICLE_EMPTY})
    limit = settings.NEWSAPP_MAX_ARTICLE_CHARS
    if len(raw) > limit:
        raise ValidationError({"text": ARTICLE_TOO_LONG.format(size=len(raw), limit=limit)})
    is_html = nlp.clean.looks_like_html(raw)
    cleaned = nlp.clean.clean(raw, take_title=not title)
    if not cleaned.body.strip():
        raise ValidationError({"text": ARTICLE_NO_TEXT})
    url = url or cleaned.metadata.url
    digest = content_hash(cleaned.body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    if existing is not None:
        return existing, False
    article = Article(
        title=(title or cleaned.title or _title_from(cleaned.body))[:500],
        body=cleaned.body,
        raw=raw,
        raw_format=Article.Format.HTML if is_html else Article.Format.TEXT,
        url=url or None,
        publisher=publisher or cleaned.metadata.publisher,
        published_at=_as_datetime(published_at or cleaned.metadata.published),
        authors=list(cleaned.metadata.authors),
        content_hash=digest,
        status=Article.Status.QUEUED,
        queued_at=timezone.now(),
        uploaded_by=uploaded_by,
    )
    article.full_clean()
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # a concurrent upload of the same article won the race: return that one
        return Article.objects.get(content_hash=digest), False
    transaction.on_commit(lambda: article_enqueue_extraction(article_id=article.pk))
    return article, True


def _title_from(body: str) -> str:
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def article_enqueue_extraction(*, article_id: int) -> bool:
    """Send the extraction task; if the broker is down the article stays queued (not lost)."""
    from entities.tasks import extract_article  # tasks import services: import here, not above

    try:
        extract_article.delay(article_id)
    except Exception:
        logger.exception("could not enqueue extraction of article %s; it stays queued", article_id)
        return False
    return True


def article_extract(*, article_id: int) -> Article | None:
    """Run extraction on a stored article and replace its mentions and statements.

    Marks the article processing, then done, or failed with a reason a user understands.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        logger.warning("article %s no longer exists; nothing to extract", article_id)
        return None
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.PROCESSING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    try:
        pipeline = nlp.load(settings.SPACY_MODEL)
        text = CleanText(title=article.title, body=article.body, metadata=Metadata())
        result = next(nlp.extract_clean([text], pipeline))
    except nlp.ModelNotInstalledError as exc:
        return _article_fail(article, str(exc))
    except Exception as exc:
        logger.exception("extraction of article %s failed", article_id)
        return _article_fail(article, f"Extraction failed ({type(exc).__name__}: {exc}).")
    try:
        article_store_extraction(article=article, result=result)
    except (OperationalError, InterfaceError):
        raise  # the database itself is unwell: the task retries with backoff
    except Exception as exc:
        logger.exception("storing the extraction of article %s failed", article_id)
        return _article_fail(
            article, f"Storing the extraction failed ({type(exc).__name__}: {exc})."
        )
    return article


def _article_fail(article: Article, reason: str) -> Article:
    article.status = Article.Status.FAILED
    article.error = reason
    article.finished_at = timezone.now()
    article.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return article


@transaction.atomic
def article_store_extraction(*, article: Article, result: ExtractionResult) -> Article:
    """Replace the article's extracted rows with `result`, all in one transaction."""
    Statement.objects.filter(article=article).delete()
    Mention.objects.filter(article=article).delete()
    actors = actors_resolve(extracted=result.actors)
    Mention.objects.bulk_create(
        Mention(
            article=article,
            actor=actors[m.actor],
            start=m.start,
            end=m.end,
            text=m.text[:300],
            label=m.label,
        )
        for m in result.mentions
        if m.actor in actors
    )
    statements = Statement.objects.bulk_create(
        Statement(
            article=article,
            speaker=actors.get(s.speaker) if s.speaker else None,
            speaker_text=s.speaker_text[:500],
            speaker_start=s.speaker_start,
            speaker_end=s.speaker_end,
            cue=s.cue[:100],
            cue_lemma=s.cue_lemma[:100],
            cue_class=s.cue_class,
            cue_start=s.cue_start,
            cue_end=s.cue_end,
            content=s.content,
            content_start=s.content_start,
            content_end=s.content_end,
            kind=s.kind,
            confidence=s.confidence,
        )
        for s in result.statements
    )
    StatementTarget.objects.bulk_create(
        StatementTarget(statement=row, actor=actors[t.actor], start=t.start, end=t.end)
        for row, s in zip(statements, result.statements, strict=True)
        for t in s.targets
        if t.actor in actors
    )
    article.status = Article.Status.DONE
    article.error = ""
    article.pipeline_version = result.pipeline_version
    article.model_name = result.model
    article.finished_at = timezone.now()
    article.save(
        update_fields=[
            "status", "error", "pipeline_version", "model_name", "finished_at", "updated_at"
        ]
    )  # fmt: skip
    return article


def actors_resolve(*, extracted) -> dict[str, Actor]:
    """Extracted actors -> database actors, matched through their aliases or created.

    Countries go first so that people and bodies can point at theirs.
    """
    ordered = sorted(extracted, key=lambda a: a.kind != "country")
    out: dict[str, Actor] = {}
    for item in ordered:
        actor = _actor_match(item.name, item.kind) or _actor_create(item.name, item.kind)
        changed = []
        if item.role and not actor.role:
            actor.role = item.role[:300]
            changed.append("role")
        if item.country and actor.country_id is None and item.country in out:
            actor.country = out[item.country]
            changed.append("country")
        if changed:
            actor.save(update_fields=changed)
        _aliases_add(actor, [item.name, *item.aliases, *_derived_aliases(item)])
        out[item.name] = actor
    return out


def _derived_aliases(item) -> list[str]:
    """Forms later articles may use: a person's surname, the name with its title."""
    if item.kind != "person" or " " not in item.name:
        return []
    out = [item.name.split()[-1]]
    if item.role:
        out.append(f"{item.role} {item.name}")
    return out


def _actor_match(name: str, kind: str) -> Actor | None:
    alias = normalise_alias(name)
    candidates = list(
        Actor.objects.filter(Q(aliases__alias=alias) | Q(name__iexact=name), kind=kind)
        .select_related("merged_into")
        .distinct()
    )
    if not candidates:
        return None
    exact = [a for a in candidates if normalise_alias(a.name) == alias]
    if exact:
        chosen = exact[0]
    elif len(candidates) == 1:
        chosen = candidates[0]  # "Putin" -> Vladimir Putin, the only person called so
    else:
        return None  # an ambiguous short name: better a separate actor than a wrong merge
    seen = set()
    while chosen.merged_into_id and chosen.pk not in seen:
        seen.add(chosen.pk)
        chosen = chosen.merged_into
    return chosen


def _actor_create(name: str, kind: str) -> Actor:
    base = slugify(name)[:300] or "actor"
    slug, n = base, 1
    while Actor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    actor = Actor(name=name[:300], kind=kind, slug=slug)
    actor.full_clean()
    actor.save()
    return actor


def _aliases_add(actor: Actor, names: list[str]) -> None:
    aliases = {normalise_alias(n) for n in names} - {""}
    existing = set(
        ActorAlias.objects.filter(actor=actor, alias__in=aliases).values_list("alias", flat=True)
    )
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=actor, alias=a[:300]) for a in sorted(aliases - existing)]
    )
