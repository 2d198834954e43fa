"""Dates and times as the admin shows them: 24-hour, as the editors type them, with the time
zone, so "14:00" on the status panel reads the same as "14:00" in the schedule box."""

DATETIME_FORMAT = "j M Y, H:i T"
SHORT_DATETIME_FORMAT = "Y-m-d H:i T"
TIME_FORMAT = "H:i"
