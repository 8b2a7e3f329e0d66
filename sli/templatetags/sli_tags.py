import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from recommendations.models import ImplementationState
from sli.lib.page_cache import CSRF_PLACEHOLDER, cached_html

register = template.Library()

# "recommendation 6", "recommendations 6 and 8", "recommendations 3, 4 & 16(ii)"
_REFERENCE = re.compile(
    r"\b(recommendations?\s+)((?:\d+(?:\s*\([ivxlc]+\))?)(?:(?:\s*,\s*|\s+and\s+|\s*&amp;\s*)"
    r"\d+(?:\s*\([ivxlc]+\))?)*)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:\s*\([ivxlc]+\))?", re.IGNORECASE)


@register.filter
def implementation_label(state):
    """The words for a recommendation's implementation state."""
    try:
        return ImplementationState(state).label
    except ValueError:
        return ""


@register.filter(needs_autoescape=True)
def link_recommendations(text, links, autoescape=True):
    """Escape ``text`` and turn "see also recommendations 6 and 8" into links, where ``links``
    maps a label ("6", "16(ii)") to its page."""
    escaped = conditional_escape(text) if autoescape else text
    if not links:
        return escaped

    def link_number(match):
        label = re.sub(r"\s+", "", match.group(0)).lower()
        url = links.get(label)
        return (
            format_html('<a class="govuk-link" href="{}">{}</a>', url, match.group(0))
            if url
            else match.group(0)
        )

    def link_reference(match):
        return match.group(1) + _NUMBER.sub(link_number, match.group(2))

    # Safe: the text was escaped above, the links are built by format_html and the numbers
    # put into them are only digits and roman numerals.
    return mark_safe(_REFERENCE.sub(link_reference, str(escaped)))  # nosec B308 B703


@register.filter
def person(user):
    """A user's name as people see it: full name, else username; "someone" when unknown."""
    if user is None:
        return "someone"
    return user.get_full_name() or user.get_username()


class CachedPartNode(template.Node):
    def __init__(self, name, nodelist, councils=None):
        self.name = name
        self.nodelist = nodelist
        self.councils = councils

    def render(self, context):
        def render_with_placeholder():
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                return self.nodelist.render(context)

        councils = self.councils.resolve(context) if self.councils else None
        return cached_html(context["request"], self.name, render_with_placeholder, councils)


@register.tag
def cached_part(parser, token):
    """``{% cached_part "name" councils %}…{% endcached_part %}``: the enclosed HTML from the
    cache while the data it shows is unchanged (sli.lib.page_cache): the data of ``councils``
    (ids, optional: every change without it). Whatever it reads must be lazy in the context
    (querysets, lazy objects) for a hit to save the work."""
    bits = token.split_contents()
    if len(bits) not in (2, 3) or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('Use {% cached_part "name" %} or add the councils')
    nodelist = parser.parse(("endcached_part",))
    parser.delete_first_token()
    councils = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return CachedPartNode(bits[1][1:-1], nodelist, councils)
