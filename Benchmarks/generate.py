#!/usr/bin/env python3
"""Generates a realistic records repository of N invented cases with their meetings.

usage: Benchmarks/generate.py N OUTDIR [--large-meetings]

Every case has a victim (with equality fields), one or two perpetrators, 0-3 children,
1-3 referrals over the years and sometimes a transfer or disclosure; each fortnightly meeting
of seven MARACs hears about 25 cases with information from several agencies and 1-4 actions each. The
output lints clean: the benchmark measures the clean path, which is what CI runs every push.
Deterministic: the same N gives the same bytes.

With --large-meetings each hearing has 3-6 pieces of information of several paragraphs
(some with accented names and other non-ASCII text) and some actions carry a note, so the
meeting files are about three times larger (as a busy MARAC's minutes are); the cases are
the same as without it.
"""
import datetime
import pathlib
import random
import shutil
import sys

FIRST = ["Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Grace", "Freya", "Evie", "Sophia",
         "Harper", "Rosie", "Ffion", "Aisha", "Zara", "Priya", "Chloe", "Megan", "Bethan", "Oliver",
         "George", "Noah", "Arthur", "Leo", "Jack", "Harry", "Oscar", "Rhys", "Dylan", "Kai", "Tomasz"]
LAST = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
        "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
        "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Kowalski",
        "Ahmed", "Khan", "Llewellyn", "O'Connor", "Nguyen", "Okafor"]
STREETS = ["Sample Street", "Example Road", "Test Avenue", "Placeholder Lane", "Mock Close", "Demo Way"]
PER_MEETING = 19
MARACS = ["north", "south", "east", "west", "central", "valley", "coast"]
AGENCIES = ["police", "idva", "probation", "children", "adults", "housing", "health", "mental-health",
            "education", "substance"]
ETHNICITY = ["white-british", "white-irish", "white-other", "black-african", "asian-pakistani",
             "asian-indian", "mixed-other", "asian-chinese", "declined"]
ORIENTATION = ["heterosexual", "gay", "lesbian", "bisexual", "declined"]
TEXTS = [
    "Attended the address following a report of a verbal argument; both parties spoken to.",
    "Victim disclosed controlling behaviour including monitoring of her phone and finances.",
    "Perpetrator is subject to a community order with a requirement to attend a programme.",
    "Children are known to the service; a strategy discussion was held last month.",
    "Victim has been offered refuge space and is considering the option.",
    "The risk appears to be escalating given the recent threats to kill.",
    "Professional opinion: the victim minimises the abuse and is at high risk of further harm.",
]
ACTIONS = [
    "Flag the address for an urgent police response.",
    "Complete a home visit and update the safety plan.",
    "Share the outcome of the strategy discussion with the IDVA.",
    "Offer a sanctuary scheme assessment.",
    "Check for any further incidents and report back to the chair.",
]


SURNAME_START = ["Ash", "Brad", "Carr", "Dun", "El", "Fair", "Glen", "Hart", "Ing", "Kel", "Lang", "Mor",
                 "Nor", "Old", "Pen", "Rad", "Sher", "Thorn", "Up", "Wake", "Whit", "Yar", "Bel", "Cros"]
SURNAME_END = ["ford", "ley", "ton", "wood", "field", "by", "well", "ham", "more", "stead", "wick", "worth",
               "combe", "dale", "brook", "hurst", "shaw", "gate", "low", "mere"]


def name(rng):
    """A first name and a surname; about 30,000 combinations, as in a real area's records."""
    if rng.random() < 0.4:
        surname = rng.choice(LAST)
    else:
        surname = rng.choice(SURNAME_START) + rng.choice(SURNAME_END)
    return f"{rng.choice(FIRST)} {surname}"


def date(d):
    return d.isoformat()


def age(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def address(rng):
    return f"{rng.randint(1, 200)} {rng.choice(STREETS)}, Example Town, EX{rng.randint(1, 9)} {rng.randint(1, 9)}AA"


PARAGRAPH_EXTRAS = [
    "Siân from the IDVA service confirmed that the victim attended the café meeting in Llanelli.",
    "The perpetrator's brother, Łukasz, has been seen near the address on three occasions.",
    "Zoë, the school's safeguarding lead, reported that the children were late most mornings.",
    "The victim's mother (née Ó Súilleabháin) is willing to offer a place to stay — for now.",
]


def long_text(rng):
    """Several paragraphs of what agencies share, as a busy meeting's minutes hold."""
    paragraphs = []
    for _ in range(rng.randint(1, 3)):
        sentences = [rng.choice(TEXTS + PARAGRAPH_EXTRAS) for _ in range(rng.randint(2, 6))]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def case_text(rng, case_id, marac, received_dates):
    lines = [f'id = "{case_id}"', f'marac = "{marac}"', 'status = "open"', 'session = "open"', "",
             "[victim]", f'name = "{name(rng)}"']
    if rng.random() < 0.3:
        lines.append(f'aliases = ["{name(rng)}"]')
    # 16 or over at the first referral (younger victims are not referred: 000 §1).
    dob = datetime.date(received_dates[0].year - rng.randint(17, 66), rng.randint(1, 12), rng.randint(1, 28))
    lines += [f"dob = {date(dob)}", f'gender = "{rng.choice(["female"] * 9 + ["male"])}"',
              f'address = "{address(rng)}"', f'ethnicity = "{rng.choice(ETHNICITY)}"',
              f'sexual_orientation = "{rng.choice(ORIENTATION)}"',
              f'disability = "{rng.choice(["no", "no", "no", "yes", "declined"])}"', ""]
    for _ in range(rng.choice([1, 1, 1, 2])):
        pdob = datetime.date(rng.randint(1960, 2006), rng.randint(1, 12), rng.randint(1, 28))
        lines += ["[[perpetrator]]", f'name = "{name(rng)}"', f"dob = {date(pdob)}",
                  f'relationship = "{rng.choice(["partner", "ex-partner", "spouse", "parent"])}"', ""]
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        cdob = datetime.date(rng.randint(2008, 2025), rng.randint(1, 12), rng.randint(1, 28))
        lines += ["[[child]]", f'name = "{name(rng)}"', f"dob = {date(cdob)}",
                  f"in_household = {rng.choice(['true', 'true', 'false'])}", ""]
    for index, received in enumerate(received_dates):
        incident = received - datetime.timedelta(days=rng.randint(0, 5))
        score = rng.randint(14, 27)
        lines += ["[[referral]]", f"received = {date(received)}", f'agency = "{rng.choice(AGENCIES)}"',
                  f'referrer = "{name(rng)}"', f"incident = {date(incident)}",
                  # 16-17 year olds are assessed with the Young Persons DASH (000 §9).
                  f'risk_tool = "{"dash-young-person" if age(dob, received) < 18 else "dash"}"',
                  f"risk_score = {score}",
                  'criteria = ["repeat"]' if index else 'criteria = ["visible-high-risk"]',
                  'consent = "given"', 'decision = "accepted"', f"idva_referred = {date(received)}", ""]
    return "\n".join(lines)


def main():
    count = int(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    large = "--large-meetings" in sys.argv[3:]
    rng = random.Random(count)
    if out.exists():
        shutil.rmtree(out)
    source = pathlib.Path(__file__).resolve().parent.parent
    (out / "schema").mkdir(parents=True)
    for schema in (source / "schema").glob("*.json"):
        shutil.copy(schema, out / "schema" / schema.name)
    # A regional repository: seven MARACs, each meeting every other Thursday, about 25 cases a
    # meeting (19 new and the repeats: the West Midlands cap is 25), over the years before
    # 2026-11-05 (100,000 cases: 5,263 meetings since 2002).
    meetings_needed = max(1, count // PER_MEETING)
    rounds = -(-meetings_needed // len(MARACS))
    last = datetime.date(2026, 11, 5)
    first_meeting = last - datetime.timedelta(weeks=2 * (rounds - 1))
    meetings = []
    for week in range(rounds):
        day = first_meeting + datetime.timedelta(weeks=2 * week)
        if (day.month, day.day) in ((12, 25), (12, 26), (1, 1)):
            continue  # a bank holiday: the schedule moves that meeting; none is generated
        meetings += [(day, marac) for marac in MARACS]
    marac_text = (source / "marac.toml").read_text()
    start = marac_text.index("[[marac]]")
    end = marac_text.index("[[agency]]")
    blocks = "".join(f'[[marac]]\nid = "{m}"\nname = "Example Region MARAC ({m.title()})"\n'
                     f'frequency = "fortnightly"\nfirst_meeting = {date(first_meeting)}\n\n' for m in MARACS)
    (out / "marac.toml").write_text(marac_text[:start] + blocks + marac_text[end:])

    hearings = {m: [] for m in meetings}
    later_by = len(MARACS) * 3  # the same MARAC's meeting six weeks later
    for n in range(count):
        slot = min(n // PER_MEETING, len(meetings) - 1)
        meeting, marac = meetings[slot]
        received = meeting - datetime.timedelta(days=rng.randint(10, 20))
        dates = [received]
        heard = [meetings[slot]]
        if rng.random() < 0.25 and slot + later_by < len(meetings) - 1 and meetings[slot + later_by][1] == marac:
            later = meetings[slot + later_by]
            dates.append(later[0] - datetime.timedelta(days=rng.randint(10, 20)))
            heard.append(later)
        case_id = f"{received.year}-EXMP-{n + 1:06d}"
        folder = out / "cases" / str(received.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{case_id}.toml").write_text(case_text(rng, case_id, marac, dates))
        for m in heard:
            hearings[m].append(case_id)

    for (meeting, marac), cases in hearings.items():
        if not cases:
            continue
        circulated = meeting - datetime.timedelta(days=10)
        lines = [f'marac = "{marac}"', f"date = {date(meeting)}", 'kind = "scheduled"', f'chair = "{name(rng)}"',
                 f"agenda_circulated = {date(circulated)}",
                 f"minutes_approved = {date(meeting + datetime.timedelta(days=3))}", ""]
        for agency in AGENCIES[:7]:
            lines += ["[[attendee]]", f'agency = "{agency}"', f'name = "{name(rng)}"',
                      "confidentiality_signed = true", "signed_in = 09:55:00", "signed_out = 12:30:00", ""]
        action_id = 0
        for case_id in cases:
            lines += ["[[hearing]]", f'case = "{case_id}"', f'presented_by = "{rng.choice(AGENCIES[:7])}"', ""]
            for _ in range(rng.randint(3, 6) if large else rng.randint(2, 4)):
                lines += ["  [[hearing.information]]", f'  agency = "{rng.choice(AGENCIES)}"',
                          f'  kind = "{rng.choice(["fact", "fact", "opinion"])}"']
                lines += [f'  text = """{long_text(rng) if large else rng.choice(TEXTS)}"""', ""]
            for _ in range(rng.randint(1, 4)):
                action_id += 1
                due = meeting + datetime.timedelta(days=14)
                lines += ["  [[hearing.action]]", f"  id = {action_id}", f'  agency = "{rng.choice(AGENCIES)}"',
                          f'  owner = "{name(rng)}"', f'  text = "{rng.choice(ACTIONS)}"', f"  due = {date(due)}",
                          '  status = "complete"', f"  completed = {date(due - datetime.timedelta(days=2))}"]
                if large and rng.random() < 0.5:
                    lines.append(f'  note = """{long_text(rng)}"""')
                lines.append("")
        folder = out / "meetings" / str(meeting.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{meeting.isoformat()}-{marac}.toml").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
