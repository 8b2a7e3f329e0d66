"""A council's evidence library as one list of entries: the items the council added and the
evidence attached to progress updates (under its action's quality statements), read in a
fixed number of queries, with the coverage grid of quality statements by evidence category
worked out from the same entries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone

from improvement_plans.evidence_library.models import EvidenceItem
from improvement_plans.models import Action, Evidence, ImprovementPlan
from reviews.models import EvidenceCategory, Framework, QualityStatement
from sli.lib.queries import count_of

# The CQC looks at recent evidence: by default a cell whose newest evidence is older than
# this many years is flagged.
DEFAULT_YEARS_BACK = 2
NOT_CATEGORISED = "none"


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def default_older_than(today=None):
    return years_before(today or timezone.localdate(), DEFAULT_YEARS_BACK)


@dataclass
class Entry:
    """One piece of evidence as the library, the grid and the index show it."""

    reference: str
    title: str
    description: str
    date: date
    statements: list
    categories: list
    source: str
    link: str = ""
    file_name: str = ""
    download_url: str = ""
    item: EvidenceItem | None = None
    evidence: Evidence | None = None

    @property
    def is_categorised(self):
        return bool(self.categories)

    @property
    def statement_ids(self):
        return {statement.pk for statement in self.statements}

    @property
    def category_ids(self):
        return {category.pk for category in self.categories}

    def matches(self, *, statement=None, category=None):
        if statement is not None and statement not in self.statement_ids:
            return False
        if category == NOT_CATEGORISED:
            return not self.categories
        return category is None or category in self.category_ids


def item_entries(items):
    for item in items:
        yield Entry(
            reference=item.reference,
            title=item.title,
            description=item.description,
            date=item.evidence_date,
            statements=list(item.quality_statements.all()),
            categories=list(item.categories.all()),
            source="Added to the evidence library",
            link=item.link,
            file_name=item.file_name,
            download_url=(
                reverse("improvement_plans:library:file", args=[item.pk]) if item.file else ""
            ),
            item=item,
        )


def progress_entries(evidence, statements_of_action, plan_prefixes):
    for piece in evidence:
        action = piece.update.action
        chosen = getattr(piece, "library_categories", None)
        yield Entry(
            reference=f"{plan_prefixes[action.plan_id]}A{action.number}.{piece.position}",
            title=piece.description,
            description=piece.update.narrative,
            date=piece.update.date,
            statements=statements_of_action[action.pk],
            categories=list(chosen.categories.all()) if chosen else [],
            source=f"Progress update of {piece.update.date:%-d %B %Y} on action {action.number} "
            f"of {action.plan.title}",
            link=piece.link,
            file_name=piece.file.name.rsplit("/", 1)[-1] if piece.file else "",
            download_url=(
                reverse("improvement_plans:evidence", args=[piece.pk]) if piece.file else ""
            ),
            evidence=piece,
        )


def read_entries(council, user, framework):
    """Every entry of the council's library the user may read, in reference order."""
    in_order = QualityStatement.objects.order_by("number")
    categories = EvidenceCategory.objects.order_by("order")
    items = (
        EvidenceItem.objects.visible_to(user)
        .filter(council=council)
        .prefetch_related(
            Prefetch("quality_statements", queryset=in_order),
            Prefetch("categories", queryset=categories),
        )
    )
    actions = Action.objects.filter(plan__council=council, quality_statements__isnull=False)
    evidence = (
        Evidence.objects.visible_to(user)
        .filter(update__action__in=actions.values("pk"))
        .select_related("update__action__plan", "library_categories")
        .prefetch_related(Prefetch("library_categories__categories", queryset=categories))
        .annotate(
            # Its place among its action's evidence (A12.1, A12.2 …), whatever is filtered.
            position=count_of(
                Evidence.objects.filter(
                    update__action=OuterRef("update__action"), pk__lte=OuterRef("pk")
                )
            )
        )
        .order_by("update__action__plan__version_date", "update__action__number", "pk")
    )
    tagged = Action.quality_statements.through.objects.filter(
        action__in=actions.values("pk")
    ).select_related("qualitystatement")
    statements_of_action = {}
    for link in tagged.order_by("qualitystatement__number"):
        statements_of_action.setdefault(link.action_id, []).append(link.qualitystatement)
    # Action numbers are a plan's: with several plans, "P2-A12.1" is action 12 of the
    # council's second plan (by version date), so that a reference names one piece.
    plans = ImprovementPlan.objects.filter(council=council).order_by("version_date", "pk")
    plan_ids = list(plans.values_list("pk", flat=True))
    prefixes = {
        pk: f"P{number}-" if len(plan_ids) > 1 else ""
        for number, pk in enumerate(plan_ids, start=1)
    }
    return [*item_entries(items), *progress_entries(evidence, statements_of_action, prefixes)]


@dataclass
class Cell:
    category: object
    entries: list = field(default_factory=list)
    older_than: date | None = None

    @property
    def count(self):
        return len(self.entries)

    @property
    def newest(self):
        return max((entry.date for entry in self.entries), default=None)

    @property
    def is_old(self):
        """Has evidence, and all of it is older than the chosen date."""
        return bool(self.entries) and self.newest < self.older_than


@dataclass
class GridRow:
    statement: object
    cells: list
    not_categorised: Cell
    required_missing: list

    @property
    def old_cells(self):
        return [cell for cell in self.cells if cell.is_old]


@dataclass
class Library:
    council: object
    framework: Framework | None
    statements: list
    categories: list
    entries: list
    older_than: date

    @classmethod
    def of(cls, council, user, *, older_than=None, today=None, with_entries=True):
        """The council's library as ``user`` reads it; ``with_entries=False`` reads only the
        framework (for a form's choices)."""
        today = today or timezone.localdate()
        framework = Framework.objects.applying_on(today)
        statements, categories = [], []
        if framework:
            statements = list(
                QualityStatement.objects.filter(theme__framework=framework)
                .select_related("theme")
                .order_by("number")
            )
            categories = list(EvidenceCategory.objects.filter(framework=framework))
        return cls(
            council=council,
            framework=framework,
            statements=statements,
            categories=categories,
            entries=read_entries(council, user, framework) if with_entries else [],
            older_than=older_than or default_older_than(today),
        )

    def grid(self):
        """A row per quality statement: a cell per evidence category, the evidence not yet
        categorised, and the required categories (people's experience) with no evidence."""
        rows = []
        for statement in self.statements:
            under = [entry for entry in self.entries if statement.pk in entry.statement_ids]
            cells = [
                Cell(
                    category,
                    [entry for entry in under if category.pk in entry.category_ids],
                    self.older_than,
                )
                for category in self.categories
            ]
            rows.append(
                GridRow(
                    statement=statement,
                    cells=cells,
                    not_categorised=Cell(
                        None, [entry for entry in under if not entry.categories], self.older_than
                    ),
                    required_missing=[
                        cell.category
                        for cell in cells
                        if cell.category.required_for_every_statement and not cell.entries
                    ],
                )
            )
        return rows

    def by_statement(self, *, statement=None, category=None):
        """[(quality statement, its entries, newest first)], for the statements chosen."""
        sections = []
        for each in self.statements:
            if statement is not None and each.pk != statement:
                continue
            entries = [
                entry
                for entry in self.entries
                if entry.matches(statement=each.pk, category=category)
            ]
            sections.append((each, sorted(entries, key=lambda entry: entry.date, reverse=True)))
        return sections

    def index(self, *, statement=None, category=None):
        """The entries for the evidence index, in reference order: the library's items, then
        the progress updates' evidence."""
        return [
            entry for entry in self.entries if entry.matches(statement=statement, category=category)
        ]

    def filter_words(self, *, statement=None, category=None):
        """The filters chosen, in words: "Assessing needs; people's experience"."""
        words = [s.name for s in self.statements if s.pk == statement]
        if category == NOT_CATEGORISED:
            words.append("not categorised")
        words += [c.name for c in self.categories if c.pk == category]
        return "; ".join(words)

    def warnings(self, grid):
        """What the grid warns of: the statements without evidence of a required category,
        how many cells hold only evidence older than the chosen date, and the required
        categories' names."""
        return {
            "missing": [row for row in grid if row.required_missing],
            "old": sum(len(row.old_cells) for row in grid),
            "required_names": ", ".join(
                c.name for c in self.categories if c.required_for_every_statement
            ),
        }
