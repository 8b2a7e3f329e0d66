from django import template

from recommendations.models import ImplementationState

register = template.Library()


@register.filter
def implementation_label(state):
    """The words for a recommendation's implementation state."""
    try:
        return ImplementationState(state).label
    except ValueError:
        return ""
