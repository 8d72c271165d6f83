"""Figures for demo lessons: graphs and diagrams drawn on the spot with
Pillow, labelled in Roboto with every Vietnamese diacritic."""

from django.core.files.base import ContentFile

from lms.demo.figures import humanities, maths, sciences
from lms.demo.figures.drawing import SIZE, Drawing, render
from lms.text import ascii_slug
from materials.models import MaterialImage

FIGURES: dict[str, Drawing] = {
    "two-lines": maths.two_lines,
    "fraction-bars": maths.fraction_bars,
    "groups-of-six": maths.groups_of_six,
    "score-chart": maths.score_chart,
    "oscillation": sciences.oscillation,
    "carbon-atom": sciences.carbon_atom,
    "photosynthesis": sciences.photosynthesis,
    "if-flowchart": sciences.if_flowchart,
    "poem-structure": humanities.poem_structure,
    "letters": humanities.letters,
    "timeline": humanities.timeline,
    "seasons": humanities.seasons,
    "street-map": humanities.street_map,
}


def figure_image(drawing: str, *, title: str) -> MaterialImage:
    """An unsaved image of the named drawing whose file is already in storage."""
    width, height = SIZE
    image = MaterialImage(
        title=title, alt_text="", credit="Kho học liệu số", width=width, height=height
    )
    image.file.save(
        f"{ascii_slug(title, max_length=60, fallback='hinh')}.png",
        ContentFile(render(FIGURES[drawing], title)),
        save=False,
    )
    image.width, image.height = width, height
    return image
