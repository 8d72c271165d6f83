from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from materials.selectors import published_materials


def material_detail(request, pk: int, slug: str):
    """A published material's page; an old slug redirects to the current one."""
    material = get_object_or_404(published_materials(), pk=pk)
    if slug != material.slug:
        return redirect(material, permanent=True)
    return TemplateResponse(
        request, "materials/material_detail.html", {"material": material}
    )
