"""Vietnamese number formats Django's own locale leaves unset.

Only what differs is here; every other format comes from Django's ``vi``.
"""

# Thousands are grouped in threes and separated by a dot: 12.345.
NUMBER_GROUPING = 3
