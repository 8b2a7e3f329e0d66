"""Numbers for pasted recommendations: the written ones kept, lost ones inferred from their
neighbours, and a warning, as a full sentence, for each problem.

Restarts
    Numbering that starts again at 1 under a new scope question or heading (a letter numbering
    each question's recommendations 1, 2, 3) is numbered on from the recommendations before,
    with a warning, unless the text is the same as the earlier recommendation of that number
    (the same list pasted twice): that is a duplicate.

Lost numbers
    Unnumbered recommendations between two written numbers take the numbers between them ("4",
    two paragraphs, "7": 5 and 6). Candidates (paragraphs of a recommendation list with no mark,
    see :mod:`.outline`) fill only the numbers left free, the ones reading most like a
    recommendation first; a candidate after the last written number is kept when it reads like
    one (or is the first item of a recommending lead-in's list), never a closing paragraph. Each
    inferred number is flagged, unless no number is written anywhere in the text.

Warnings
    A number written twice leaves the second one unticked, and so do the same words written
    again (a summary list before the full one); numbers that jump or go back, and an inferred
    number that another recommendation carries, are flagged.
"""

from __future__ import annotations

import re
from collections import Counter

from reviews.paste.blocks import glued_items, line_starts, lines_text
from reviews.paste.outline import Entry, same_wording
from reviews.paste.wording import recommendation_score


def resolve(entries: list[Entry], start_at: int) -> dict[int, tuple[int, list[str], bool]]:
    """Decide which candidates are recommendations (setting their ``role``) and number every
    recommendation: ``{id(entry): (suggested number, warnings, ticked)}``."""
    offsets = _restarts(entries)
    effective = {id(e): e.number + offsets[id(e)][0] for e in entries if e.number is not None}
    _split_known_words(entries)
    recommendations = [e for e in entries if e.role in ("recommendation", "candidate")]
    keepers = _same_words(recommendations, effective)
    for keeper in keepers.values():
        keeper.role = "recommendation"  # its words are a recommendation elsewhere too
    # An unnumbered repeat (a summary list before the full one) takes no number of its own.
    repeats = [e for e in recommendations if id(e) in keepers and id(e) not in effective]
    repeat_ids = {id(e) for e in repeats}
    _choose_candidates([e for e in recommendations if id(e) not in repeat_ids], effective, start_at)
    _unglue(entries, effective)
    recommendations = [e for e in entries if e.role == "recommendation" and id(e) not in repeat_ids]
    any_written = bool(effective)
    written_counts = Counter(effective.values())
    seen: Counter[int] = Counter()
    result = {}
    previous: int | None = None
    before_of, after_of, counted = _written_around(recommendations, effective)
    for index, entry in enumerate(recommendations):
        warnings: list[str] = []
        ticked = True
        if id(entry) in effective:
            number = effective[id(entry)]
            restarted = offsets[id(entry)][1]
            if restarted:
                warnings.append(restarted)
            seen[number] += 1
            if seen[number] > 1:
                times = "twice" if seen[number] == 2 else f"{seen[number]} times"
                warnings.append(
                    f"Number {number} is written {times}: this one is left unticked. Tick it "
                    "and give it another number if it is a different recommendation."
                )
                ticked = False
            if previous is not None and not restarted:
                if number > previous + 1:
                    warnings.append(
                        f"The numbers jump from {previous} to {number}: check whether a "
                        "recommendation is missing."
                    )
                elif number < previous:
                    warnings.append(
                        f"The numbers go back from {previous} to {number}: check the numbering."
                    )
        else:
            before, after = before_of[index], after_of[index]
            number = _inferred(previous, counted[index], start_at)
            if written_counts[number]:
                warnings.append(
                    f"No number was written, and {number}, the next in the order pasted, is "
                    "written on another recommendation: give this one its own number."
                )
            elif any_written:
                warnings.append(_inferred_warning(number, before, after))
        result[id(entry)] = (number, warnings, ticked)
        previous = number
    for entry in recommendations + repeats:
        keeper = keepers.get(id(entry))
        if keeper is None:
            continue
        number, warnings, ticked = result.get(id(entry), (None, [], True))
        kept_number = result[id(keeper)][0]
        if ticked:  # else already left unticked, its number written twice
            warnings = [
                *warnings,
                f"The same words as recommendation {kept_number}: this one is left unticked.",
            ]
        result[id(entry)] = (number if number is not None else kept_number, warnings, False)
    return result


_GLUED_LINES = 12


def _split_known_words(entries: list[Entry]) -> None:
    """A numbered item's last lines that are word for word another recommendation (the
    summary list's) are that recommendation, its number lost, glued to the item above."""
    known = {
        _words_of(e.text) for e in entries if e.role in ("recommendation", "candidate") and e.text
    }
    for index in range(len(entries) - 1, -1, -1):
        entry = entries[index]
        if entry.block is None or entry.subs or entry.role != "recommendation":
            continue
        lines = len(entry.block.lines)
        # A glued item is a few lines at the end: look no further back, so that a long
        # paragraph is not unwrapped over and over.
        for start in [i for i in line_starts(entry.block) if lines - i <= _GLUED_LINES]:
            tail = lines_text(entry.block, start)
            if _words_of(tail) in known:
                entry.text = lines_text(entry.block, 0, start)
                found = Entry(
                    "recommendation",
                    tail,
                    group=entry.group,
                    question=entry.question,
                    kind=entry.kind,
                    context=entry.context,
                    lost=True,
                    score=recommendation_score(tail),
                )
                entries.insert(index + 1, found)
                break


def _same_words(recommendations: list[Entry], effective: dict) -> dict[int, Entry]:
    """Recommendations whose words are written again: each repeat → the one kept (the first
    with a written number, else the last: a summary list comes before the full one)."""
    by_words: dict[str, list[Entry]] = {}
    for entry in recommendations:
        if not entry.subs and entry.text:
            by_words.setdefault(_words_of(entry.text), []).append(entry)
    keepers = {}
    for same in by_words.values():
        if len(same) > 1:
            keeper = next((e for e in same if id(e) in effective), same[-1])
            keepers.update((id(e), keeper) for e in same if e is not keeper)
    return keepers


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _restarts(entries: list[Entry]) -> dict[int, tuple[int, str]]:
    """Each numbered entry's offset, and the warning for the first of a restarted list."""
    offsets: dict[int, tuple[int, str]] = {}
    offset = 0
    last: Entry | None = None
    by_written: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.number is None or entry.role != "recommendation":
            continue
        warning = ""
        if (
            last is not None
            and entry.number == 1
            and entry.group != last.group
            and not any(same_wording(e.text, entry.text) for e in by_written.get(1, []))
        ):
            offset = last.number + offset
            place = f" under “{entry.group.text}”" if entry.group else ""
            warning = (
                f"The numbering starts again at 1{place}: it is numbered {1 + offset} here, "
                "following on from the recommendations before it."
            )
        offsets[id(entry)] = (offset, warning)
        by_written.setdefault(entry.number, []).append(entry)
        last = entry
    for entry in entries:
        offsets.setdefault(id(entry), (0, ""))
    return offsets


def _choose_candidates(recommendations: list[Entry], effective: dict, start_at: int) -> None:
    for previous, run, after in _runs(recommendations, effective):
        before = effective[id(previous)] if previous is not None else None
        candidates = [e for e in run if e.role == "candidate"]
        if not candidates:
            continue
        definite = len(run) - len(candidates)
        if after is not None:
            lower = before if before is not None else (start_at - 1 if after >= start_at else 0)
            free = max(0, after - lower - 1 - definite)
            ranked = sorted(
                (e for e in candidates if e.score > -3),
                key=lambda e: -e.score,
            )
            chosen = {id(e) for e in ranked[:free]}
        else:
            chosen = {
                id(e)
                for e in candidates
                if e.score >= 1 or (e.score >= 0 and (e.after_lead_in or e.lost))
            }
        for entry in candidates:
            entry.role = "recommendation" if id(entry) in chosen else "narrative"


def _unglue(entries: list[Entry], effective: dict) -> None:
    """Numbers still missing after a written one may be items glued to its lines."""
    recommendations = [e for e in entries if e.role == "recommendation"]
    for previous, run, after in list(_runs(recommendations, effective)):
        if previous is None or after is None or previous.block is None:
            continue
        missing = after - effective[id(previous)] - 1 - len(run)
        pieces = glued_items(previous.block, missing) if missing > 0 else None
        if not pieces:
            continue
        previous.text = pieces[0]
        # Sub-items under the glued lines belong to the last of them.
        subs, previous.subs = previous.subs, []
        found = [
            Entry(
                "recommendation",
                text,
                group=previous.group,
                question=previous.question,
                kind=previous.kind,
                context=previous.context,
                lost=True,
                score=recommendation_score(text),
            )
            for text in pieces[1:]
        ]
        found[-1].subs = subs
        index = next(i for i, entry in enumerate(entries) if entry is previous)
        entries[index + 1 : index + 1] = found


def _runs(recommendations: list[Entry], effective: dict):
    """(the numbered entry before, the unnumbered entries, the written number after) for each
    run of unnumbered entries."""
    previous = None
    run: list[Entry] = []
    for entry in recommendations:
        if id(entry) in effective:
            yield previous, run, effective[id(entry)]
            previous, run = entry, []
        else:
            run.append(entry)
    yield previous, run, None


def _written_around(recommendations: list[Entry], effective: dict):
    """For each entry, the written number before it and the one after it (in linear time), and
    for the one after, how many entries come before it from here."""
    before_of, after_of = [], [None] * len(recommendations)
    before = None
    for entry in recommendations:
        before_of.append(before)
        if id(entry) in effective:
            before = effective[id(entry)]
    after, distance = None, 0
    for index in range(len(recommendations) - 1, -1, -1):
        entry = recommendations[index]
        if id(entry) in effective:
            after, distance = effective[id(entry)], 0
        else:
            distance += 1
            after_of[index] = (after, distance) if after is not None else None
    return before_of, [pair[0] if pair else None for pair in after_of], after_of


def _inferred(previous: int | None, after: tuple[int, int] | None, start_at: int) -> int:
    if previous is not None:
        return previous + 1
    if after is not None:
        # The first recommendations have no number: count back from the first written one.
        number, distance = after
        first = number - distance
        return first if first >= 1 else start_at
    return start_at


def _inferred_warning(number: int, before: int | None, after: int | None) -> str:
    if (before is not None and number <= before) or (after is not None and number >= after):
        return (
            f"No number was written: it is numbered {number} in the order pasted, which does "
            "not fit the numbers written around it: check the numbering."
        )
    if before is not None and after is not None:
        place = f"it comes between recommendations {before} and {after}"
    elif before is not None:
        place = f"it comes after recommendation {before}"
    else:
        place = f"it comes before recommendation {after}"
    return f"No number was written: {number} is inferred, as {place}."
