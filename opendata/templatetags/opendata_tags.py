"""Template tags that put machine-readable descriptions into page heads."""

import json
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from opendata.structured_data import jsonld_for, opengraph_for

register = template.Library()

# Characters that could end the script element or confuse an HTML parser are
# written as JSON escapes, which JSON-LD parsers read back unchanged.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context: dict[str, Any], item: Any) -> SafeString:
    """JSON-LD and OpenGraph meta tags for a course, lesson or material."""
    data = jsonld_for(item, context.get("request"))
    if data is None:
        return mark_safe("")
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    script = format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 - JSON with <, > and & escaped
    )
    meta = format_html_join(
        "\n", '<meta property="{}" content="{}">', opengraph_for(data, item)
    )
    return format_html("{}\n{}", script, meta)
