"""Project-wide signals that cross app boundaries."""

from django.dispatch import Signal

# Sent with ``instance=`` when something the public search shows changed
# outside the publish cycle, for example a material's download count.
search_relevant_change = Signal()
