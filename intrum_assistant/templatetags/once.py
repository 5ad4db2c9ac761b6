"""``{% submit_once_field %}``: the one-time token of a creating form."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from intrum_assistant.once import FIELD, new_token

register = template.Library()


@register.simple_tag
def submit_once_field() -> SafeString:
    """A hidden input with a fresh token: put it in every form that creates
    something, and wrap the view's write in ``intrum_assistant.once.submit_once``."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
