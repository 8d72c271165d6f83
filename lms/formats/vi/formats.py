"""Vietnamese number formats Django's own locale leaves unset.

Only what differs is here; every other format comes from Django's ``vi``.
"""

# Thousands are grouped in threes and separated by a dot: 12.345.
NUMBER_GROUPING = 3

# Dates in running text: "ngày 2 tháng 12 năm 2026", lower case and without
# a leading zero, so a sentence can carry the date as it is ("Do … cấp
# ngày 2 tháng 12 năm 2026"); Django's own format starts with "Ngày 02".
DATE_FORMAT = r"\n\gà\y j \t\há\n\g n \nă\m Y"
