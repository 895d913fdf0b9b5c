"""System checks: configuration errors surface at start-up and say how to fix them."""

from django.core.checks import Error, register

from entities.services import nlp_model_problem


@register()
def spacy_model_check(app_configs, **kwargs):
    problem = nlp_model_problem()
    if problem is None:
        return []
    return [Error(problem, id="entities.E001")]
