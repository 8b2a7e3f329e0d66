"""Demo notable practice: the councils the Walsall peer challenge letter points to (seed 003,
``walsall.GOOD_PRACTICE_POINTERS``), entered as each council would describe it."""

from councils.models import Council
from regional.models import PracticeEntry
from reviews.models import FocusArea
from sli.tooling.demo_data import walsall
from sli.tooling.records import upsert

# council: (focus area code, contact role). The letter names no contacts: these are the roles
# that usually own such practice.
DETAILS = {
    "Shropshire Council": ("practice", "Head of Adult Social Care Operations"),
    "Stoke-on-Trent City Council": ("practice", "Head of Adult Social Care Operations"),
    "Herefordshire Council": ("resources", "Principal Social Worker"),
    "Solihull Metropolitan Borough Council": ("participation", "Head of Co-production"),
    "Warwickshire County Council": ("commissioning", "Head of Strategic Commissioning"),
    "City of Wolverhampton Council": ("leadership", "Care Act Programme Lead"),
}


def load_practice_demo():
    """Add (or bring up to date) one entry per council the letter points to; safe to run
    again. Returns the entries."""

    councils = {council.name: council for council in Council.objects.filter(name__in=DETAILS)}
    areas = {area.code: area for area in FocusArea.objects.all()}
    entries = []
    for pointer in walsall.GOOD_PRACTICE_POINTERS:
        council = councils.get(pointer["council"])
        if council is None:
            continue
        area_code, contact_role = DETAILS[pointer["council"]]
        entry, _ = upsert(
            PracticeEntry,
            council=council,
            title=pointer["topic"],
            defaults={
                "focus_area": areas.get(area_code),
                "contact_role": contact_role,
                # In the letter's words: the peer challenge pointed Walsall to it.
                "description": pointer["text"],
            },
        )
        entries.append(entry)
    return entries
