"""Project-wide signals that cross app boundaries."""

from django.dispatch import Signal

# Sent with ``instance=`` when something the public search shows changed
# outside the publish cycle, for example a material's download count. With
# ``figures_only=True`` only counts moved (downloads, enrolments): search
# re-ranks, but cached pages keep their figures until they expire
# (PAGE_CACHE_SECONDS) instead of every page being rebuilt on each download.
search_relevant_change = Signal()
