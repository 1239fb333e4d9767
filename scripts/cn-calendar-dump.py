#!/usr/bin/env python3
"""Writes the mainland calendar of 2004-2026 as the PyPI package
`chinesecalendar` has it: one line per date, `YYYY-MM-DD<TAB>work|off<TAB>name`
(name: the holiday a day off or a make-up workday belongs to, else empty).

This is the independent source the `cn` preset is tested against
(tests/calendar_cn.rs reads the committed dump, tests/data/cn-calendar.tsv);
CI installs the pinned package, runs this script and fails when the output
differs from the committed dump, so the dump provably comes from the package:

    python3 -m pip install chinesecalendar==1.11.0
    python3 scripts/cn-calendar-dump.py > tests/data/cn-calendar.tsv
"""
import datetime
import sys

import chinese_calendar

PINNED = "1.11.0"

if chinese_calendar.__version__ != PINNED:
    sys.exit(f"chinesecalendar {chinese_calendar.__version__} is installed; the dump is of {PINNED}")

out = [f"# chinesecalendar {PINNED}: date, work|off, holiday (8,401 days of 2004-2026)"]
day = datetime.date(2004, 1, 1)
while day <= datetime.date(2026, 12, 31):
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    status = "off" if on_holiday else "work"
    if chinese_calendar.is_workday(day) == on_holiday:
        sys.exit(f"{day}: is_workday and get_holiday_detail disagree")
    out.append(f"{day.isoformat()}\t{status}\t{name or ''}")
    day += datetime.timedelta(days=1)
sys.stdout.write("\n".join(out) + "\n")
