"""factory_boy factories for the models."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from entities.models import Actor, ActorAlias, Article, Mention, Statement, StatementTarget


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Faker("sentence", nb_words=6)
    body = factory.Faker("paragraph", nb_sentences=5)
    raw = factory.SelfAttribute("body")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    status = Article.Status.DONE


class ActorFactory(DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Person Number{n}")
    kind = Actor.Kind.PERSON
    slug = factory.Sequence(lambda n: f"person-number{n}")


class ActorAliasFactory(DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    alias = factory.LazyAttribute(lambda o: o.actor.name.lower())


class MentionFactory(DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    actor = factory.SubFactory(ActorFactory)
    start = 0
    end = 5
    text = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
    label = "PERSON"


class StatementFactory(DjangoModelFactory):
    class Meta:
        model = Statement

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(ActorFactory)
    speaker_text = factory.LazyAttribute(lambda o: o.speaker.name if o.speaker else "someone")
    speaker_start = 0
    speaker_end = 5
    cue = "said"
    cue_lemma = "say"
    cue_class = "say"
    cue_start = 6
    cue_end = 10
    content = factory.LazyAttribute(lambda o: o.article.body[o.content_start : o.content_end])
    content_start = 11
    content_end = 40
    kind = Statement.Kind.DIRECT
    confidence = 0.9


class StatementTargetFactory(DjangoModelFactory):
    class Meta:
        model = StatementTarget

    statement = factory.SubFactory(StatementFactory)
    actor = factory.SubFactory(ActorFactory)
    start = 12
    end = 20
