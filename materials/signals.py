"""What the materials app announces; apps above it listen."""

from django.dispatch import Signal

# A learner finished or passed a SCORM package: sent with ``learner``,
# ``material`` and ``lesson`` (the Wagtail page it was played in, or None),
# inside the transaction that saved the package's data.
package_completed = Signal()
