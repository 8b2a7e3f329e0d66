"""Column headings as people write them ("Rec No", "Lead Officer", "Timescale") and the field
each stands for."""

from improvement_plans.exports import COLUMNS
from improvement_plans.imports.text import normalise, word_list

HEADER_SYNONYMS = {
    "area": word_list(
        "improvement area|area|improvement area number|improvement area title|"
        "improvement areas|theme|priority|priority area|workstream|area for improvement"
    ),
    "recommendations": word_list(
        "recommendation|recommendations|rec|recs|rec no|rec nos|rec number|rec ref|"
        "recommendation no|recommendation number|recommendation numbers|"
        "recommendation ref|recommendation reference"
    ),
    "recommendation_text": word_list("recommendation text|rec text|recommendation wording"),
    "number": word_list(
        "action number|action no|action nos|action ref|action reference|action id|no|number|ref|id"
    ),
    "title": word_list("action|action title|title|short title|action summary|summary"),
    "how": word_list(
        "how|how it will be achieved|how is this to be achieved|"
        "how is this to be achieved action|how will this be achieved|"
        "how will it be achieved|actions|action description|description|detail|"
        "what we will do|actions to be taken"
    ),
    "expected_evidence": word_list(
        "expected evidence|expected evidence of improvement|evidence of improvement|"
        "evidence|outcome|outcomes|expected outcome|expected outcomes|success measures|"
        "what will success look like"
    ),
    "owner": word_list(
        "owner|lead officer|lead|action owner|responsible officer|responsible|"
        "responsibility|lead person|lead responsibility|officer|who|by whom"
    ),
    "measure": word_list("measure|measures|performance measure|indicator|kpi"),
    "start_date": word_list("start date|start|date started|start by"),
    "due_date": word_list(
        "due date|due|timescale|timescales|deadline|by when|target date|completion date|"
        "target completion date|end date|when|date due|timescale for completion"
    ),
    "original_due_date": word_list("original due date|original deadline|original timescale"),
    "milestones": word_list("milestones|milestone|timescale and milestones|key milestones"),
    "status": word_list("status|action status|current status|progress status"),
    "rag": word_list("rag|rag status|rag rating|red amber green|rating|self assessed rag"),
    "percent_complete": word_list(
        "percent complete|percentage complete|percent|complete percent|percent done|"
        "progress percent"
    ),
    "latest_update": word_list(
        "latest update|update|progress|progress update|latest progress|progress to date|"
        "comments|commentary|narrative|update on progress"
    ),
    "latest_update_date": word_list(
        "latest update date|update date|date of update|date updated|last updated|progress date"
    ),
    # Written by list exports, and by the rows an import gives back; not imported.
    "council": word_list("council"),
    "plan": word_list("plan"),
    "import_problems": word_list(
        "why it was not imported|why not imported|reason not imported|not imported because"
    ),
}
for _key, _header, _width in COLUMNS:
    HEADER_SYNONYMS[_key].append(normalise(_header))
_HEADERS = {synonym: key for key, synonyms in HEADER_SYNONYMS.items() for synonym in synonyms}
# Headings not matched exactly: the first rule whose words appear wins.
_HEADER_RULES = [
    ("original_due_date", ("original",)),
    ("milestones", ("milestone",)),
    ("expected_evidence", ("evidence",)),
    ("recommendation_text", ("recommendation", "text")),
    ("latest_update_date", ("update", "date")),
    ("percent_complete", ("percent",)),
    ("rag", ("rag",)),
    ("status", ("status",)),
    ("owner", ("owner",)),
    ("owner", ("lead",)),
    ("owner", ("responsible",)),
    ("start_date", ("start",)),
    ("due_date", ("timescale",)),
    ("due_date", ("deadline",)),
    ("due_date", ("due",)),
    ("recommendations", ("rec",)),
    ("recommendations", ("recs",)),
    ("recommendations", ("recommend",)),
    ("latest_update", ("update",)),
    ("latest_update", ("progress",)),
    ("how", ("how",)),
    ("measure", ("measure",)),
    ("area", ("area",)),
    ("number", ("action", "no")),
    ("number", ("action", "number")),
    ("title", ("action",)),
]
IGNORED_COLUMNS = {"recommendation_text", "council", "plan", "import_problems"}
FIELD_NAMES = {
    "area": "improvement area",
    "recommendations": "recommendations",
    "milestones": "milestones",
    "title": "action",
    "how": "how it will be achieved",
    "expected_evidence": "expected evidence",
    "owner_name": "owner",
    "measure": "measure",
    "start_date": "start date",
    "due_date": "due date",
    "status": "status",
    "rag": "RAG",
    "percent_complete": "% complete",
}


def match_header(text):
    normal = normalise(text)
    if not normal:
        return None
    if normal in _HEADERS:
        return _HEADERS[normal]
    words = normal.split()
    for key, needed in _HEADER_RULES:
        if all(any(_word_matches(word, part) for word in words) for part in needed):
            return key
    return None


def _word_matches(word, part):
    # Short words must match whole ("rec" is not "recorded"); longer ones as a prefix.
    return word == part or (len(part) >= 4 and word.startswith(part))
