"""The recommendations an action answers: by number ("3, 16(ii)", "Rec 4"), checked against
the wording beside it, or, with no number, by the wording alone."""

from improvement_plans.imports.cells import (
    REC_PREFIX,
    WORDING_MATCH,
    is_checkable_wording,
    parse_recommendation_refs,
    wording_matches,
    wording_score,
)
from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, is_blank, short


class RecommendationReader:
    """Reads each row's recommendations against those of the reviews the plan answers."""

    def __init__(self, state):
        self.state = state

    def read(self, row, wanted, outcome):
        value, column = row.get("recommendations")
        wording, wording_column = row.get("recommendation_text")
        wording = "" if wording is MISSING else cell_text(wording)
        if value is MISSING or is_blank(value):
            if value is not MISSING:
                wanted["recommendations"] = []
            if wording:
                self._link_by_wording(wording, wording_column, wanted, outcome)
            return
        refs, unreadable = parse_recommendation_refs(value)
        for part in unreadable:
            row.problem(
                column,
                f"“{part}” is not a recommendation number — write them like 3, 16(ii)",
            )
        chosen = []
        for ref in refs:
            matches = self._numbered(ref, outcome)
            if matches:
                chosen.append(matches)
            else:
                row.problem(column, self._no_such(ref))
        wanted["recommendations"] = chosen  # candidates; settled against the action later
        if wording and chosen and not unreadable:
            self._check_wording(wording, wording_column, chosen, outcome)

    def _no_such(self, ref):
        plain = REC_PREFIX.sub("", ref.written).rstrip(".")
        written = "" if plain == ref.label else f"“{ref.written}”: "
        if not self.state.recommendations:
            return (
                f"{written}there is no recommendation {ref.label}: this plan does not answer "
                "a review yet — link the plan to its review first, or leave the column empty"
            )
        return (
            f"{written}there is no recommendation {ref.label} in the reviews this plan "
            f"answers — use one of {self.state.numbers_hint()}"
        )

    def _numbered(self, ref, outcome):
        """The recommendations a number names. "3a" where recommendation 3 has no sub-items
        is recommendation 3: councils letter the parts of a plan that answer it."""
        matches = self.state.recommendations.get(ref.label.lower(), [])
        parent = str(ref.number)
        if not matches and ref.sub and parent not in self.state.with_sub_items:
            matches = self.state.recommendations.get(parent, [])
            if matches:
                outcome.notes.append(
                    f"“{ref.written}” is read as recommendation {parent}, which has no sub-items"
                )
        return matches

    def _check_wording(self, wording, column, chosen, outcome):
        """A warning when the wording beside a number is not that recommendation's."""
        texts = [self.state.texts[pk] for pks in chosen for pk in pks]
        if not is_checkable_wording(wording) or any(
            wording_matches(wording, text) for text in texts
        ):
            return
        labels = ", ".join(self.state.labels[pks[0]] for pks in chosen)
        other = self._worded(wording)
        if other is not None and other not in {pk for pks in chosen for pk in pks}:
            outcome.notes.append(
                f"the wording under “{column.header}” is that of recommendation "
                f"{self.state.labels[other]}, not {labels}: check the number"
            )
        else:
            outcome.notes.append(
                f"the wording under “{column.header}” does not match recommendation {labels} "
                f"(“{short(texts[0], 60)}”): check the number"
            )

    def _link_by_wording(self, wording, column, wanted, outcome):
        """No number: the recommendation whose wording it is, if exactly one is."""
        if not self.state.recommendations or not is_checkable_wording(wording):
            return
        found = self._worded(wording)
        if found is None:
            outcome.notes.append(
                f"the wording under “{column.header}” matches no recommendation of the reviews "
                "this plan answers: the action is not linked to one"
            )
            return
        wanted["recommendations"] = [[found]]
        outcome.notes.append(
            f"linked to recommendation {self.state.labels[found]}, whose wording is under "
            f"“{column.header}”"
        )

    def _worded(self, wording):
        """The one recommendation of the plan's reviews that this wording is, or None."""
        scores = sorted(
            ((wording_score(wording, text), pk) for pk, text in self.state.texts.items()),
            reverse=True,
        )
        if not scores or scores[0][0] < WORDING_MATCH:
            return None
        if len(scores) > 1 and scores[1][0] > scores[0][0] - 0.1:
            return None  # two recommendations read alike: do not guess
        return scores[0][1]
