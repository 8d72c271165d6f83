"""Template tags that put machine-readable descriptions into page heads."""

import hashlib
import json
from typing import Any

from django import template
from django.core.cache import cache
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lms.fragments import content_version
from lms.links import site_origin
from opendata.structured_data import jsonld_for, opengraph_for

register = template.Library()

# Characters that could end the script element or confuse an HTML parser are
# written as JSON escapes, which JSON-LD parsers read back unchanged.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

# As the template fragments: what no content version covers (a teacher's
# renamed account) shows within this time.
STRUCTURED_DATA_SECONDS = 600


@register.simple_tag(takes_context=True)
def structured_data(context: dict[str, Any], item: Any) -> SafeString:
    """JSON-LD and OpenGraph meta tags for a course, lesson or material.

    The same for every reader of a page in one language at one address, and
    costly to build (the course's teachers, its duration, its cover's
    rendition), so it is kept under the content version: a published change
    moves the version and the next reader gets it rebuilt.
    """
    request = context.get("request")
    key = _cache_key(item, request)
    if key is None:
        return _structured_data(item, request)
    html = cache.get(key)
    if html is None:
        html = str(_structured_data(item, request))
        cache.set(key, html, timeout=STRUCTURED_DATA_SECONDS)
    return mark_safe(html)  # noqa: S308 - built by format_html above


def _cache_key(item: Any, request: Any) -> str | None:
    """Per item, language, site origin and content version; None in a
    preview, whose draft must never reach a reader (nor a kept description
    the editor's draft)."""
    if getattr(request, "is_preview", False) or getattr(item, "pk", None) is None:
        return None
    origin = hashlib.sha256(site_origin(request).encode()).hexdigest()[:16]
    kind = f"{item._meta.app_label}.{item._meta.model_name}"
    return (
        f"structured-data:{content_version()}:{kind}:{item.pk}:"
        f"{get_language()}:{origin}"
    )


def _structured_data(item: Any, request: Any) -> SafeString:
    data = jsonld_for(item, request)
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
