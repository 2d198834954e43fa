"""The readiness assessment a founder gets after the contact form: how ready their team is to
hand backend work to an async contractor, judged from how work is defined and documented."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkDefinition(models.TextChoices):
    WRITTEN_SPECS = "written_specs", _("Written specs with acceptance criteria")
    SHARED_CONTEXT = "shared_context", _("Tickets that rely on shared context")
    CONVERSATIONS = "conversations", _("Mostly conversations")


class Documentation(models.TextChoices):
    CURRENT = "current", _("Written and current")
    PARTIAL = "partial", _("Partial")
    NONE = "none", _("None")


class DesiredStart(models.TextChoices):
    NOW = "now", _("As soon as possible")
    SOON = "1_3_months", _("In 1–3 months")
    LATER = "later", _("In more than 3 months")
    EXPLORING = "exploring", _("Just exploring")


class Readiness(models.TextChoices):
    READY = "ready", _("Ready to hand work off now")
    CLOSER = "closer", _("Closer than you think")
    FOUNDATION = "foundation", _("Build the foundation first")


POINTS = {
    WorkDefinition.WRITTEN_SPECS: 2,
    WorkDefinition.SHARED_CONTEXT: 1,
    WorkDefinition.CONVERSATIONS: 0,
    Documentation.CURRENT: 2,
    Documentation.PARTIAL: 1,
    Documentation.NONE: 0,
}
MAX_SCORE = 4


@dataclass(frozen=True)
class Assessment:
    readiness: Readiness
    score: int
    summary: str
    next_steps: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.readiness.label


ADVICE: dict[Readiness, tuple[str, tuple[str, ...]]] = {
    Readiness.READY: (
        _(
            "Your team defines work in writing and keeps system context current: the two things an "
            "async engagement depends on. A contractor can pick up a well-scoped project now."
        ),
        (
            _("Pick one backend project with a clear finish line that the roadmap is waiting on."),
            _("Send us its spec and API contracts; we reply in writing with questions and a plan."),
            _("Agree the acceptance criteria and a review rhythm, then let the work run async."),
        ),
    ),
    Readiness.CLOSER: (
        _(
            "Most of the structure is there. A little more written context will let a contractor "
            "work without follow-up calls."
        ),
        (
            _("Take your next backend ticket and add acceptance criteria someone new could check."),
            _("Write down the system context and API contracts that ticket touches."),
            _("Start with one small, bounded project to test the hand-off before a larger one."),
        ),
    ),
    Readiness.FOUNDATION: (
        _(
            "Today the work lives in conversations and people's heads. Writing it down first will "
            "pay off for your own team as much as for any contractor."
        ),
        (
            _("Write a one-page description of your system: services, data stores, integrations."),
            _("Document the API contracts your next feature depends on."),
            _("Turn your next feature into a spec with a definition of done, then talk to us."),
        ),
    ),
}


def assess(work_definition: str, documentation: str) -> Assessment:
    """Two points each for written specs and for current docs: 4 is ready, 2–3 closer."""
    score = POINTS[WorkDefinition(work_definition)] + POINTS[Documentation(documentation)]
    if score == MAX_SCORE:
        readiness = Readiness.READY
    elif score >= 2:
        readiness = Readiness.CLOSER
    else:
        readiness = Readiness.FOUNDATION
    summary, steps = ADVICE[readiness]
    return Assessment(readiness, score, summary, steps)


def assessment_for(readiness: str, score: int) -> Assessment:
    summary, steps = ADVICE[Readiness(readiness)]
    return Assessment(Readiness(readiness), score, summary, steps)
