"""Seeded synthetic resumes for benchmarks and tests (no corpus data; written from scratch).

Each resume is 3-5 KB of ordinary resume prose: a name and contact line, a summary,
three to five jobs with dated titles and bullet points, a skills section, education and
sometimes projects. Technical vocabulary is drawn from the bundled rubric's own skill
names and aliases (so the matcher has real work to do) mixed with everyday tools and
filler prose that matches nothing.

>>> import random
>>> text = synthetic_resume(random.Random(1), ("Python", "PyTorch", "Kubernetes"))
>>> 3000 <= len(text.encode()) <= 5200
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence

FIRST = (
    "Ada",
    "Grace",
    "Alan",
    "Katherine",
    "Linus",
    "Barbara",
    "Dennis",
    "Frances",
    "Edsger",
    "Radia",
    "Tim",
    "Margaret",
    "Ken",
    "Sophie",
    "Yann",
    "Fei-Fei",
    "Andrew",
    "Hedy",
    "Claude",
    "Mary",
    "Jean",
    "Donald",
    "Niklaus",
    "Shafi",
    "Leslie",
)
LAST = (
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Torvalds",
    "Liskov",
    "Ritchie",
    "Allen",
    "Dijkstra",
    "Perlman",
    "Berners-Lee",
    "Hamilton",
    "Thompson",
    "Wilson",
    "Okafor",
    "Nakamura",
    "Schmidt",
    "Fernandes",
    "Kowalski",
    "Haddad",
    "Lindqvist",
)
TITLES = (
    "Machine Learning Engineer",
    "Senior Data Scientist",
    "Software Engineer",
    "Staff ML Engineer",
    "Data Engineer",
    "Research Scientist",
    "Engineering Manager",
    "Principal Engineer",
    "Analytics Lead",
    "Backend Developer",
    "MLOps Engineer",
)
COMPANIES = (
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Analytics",
    "Stark Industries",
    "Wayne Enterprises",
    "Hooli",
    "Pied Piper",
    "Vandelay Industries",
    "Soylent",
    "Tyrell Systems",
    "Cyberdyne",
    "Aperture Labs",
    "Wonka Data",
    "Oscorp",
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
VERBS = (
    "Built",
    "Designed",
    "Led",
    "Shipped",
    "Owned",
    "Improved",
    "Scaled",
    "Migrated",
    "Automated",
    "Mentored engineers on",
    "Introduced",
    "Maintained",
    "Optimised",
    "Partnered with product to deliver",
    "Drove adoption of",
    "Prototyped",
)
OBJECTS = (
    "a recommendation service",
    "the feature store",
    "an internal analytics platform",
    "real-time fraud detection",
    "the search ranking pipeline",
    "demand forecasting",
    "a customer churn model",
    "the data ingestion layer",
    "model monitoring dashboards",
    "a document classification system",
    "the experimentation framework",
    "an onboarding flow",
    "billing reports",
    "the A/B testing toolkit",
)
OUTCOMES = (
    "cutting latency by {n}%",
    "saving {n} engineer-hours a month",
    "raising conversion by {n}%",
    "serving {n} million requests a day",
    "reducing cloud spend by {n}%",
    "with {n} engineers across two time zones",
    "used by {n} internal teams",
    "improving precision by {n} points",
)
EVERYDAY = (
    "Excel",
    "Jira",
    "Confluence",
    "Slack",
    "Figma",
    "Linux",
    "Bash",
    "Git",
    "PowerPoint",
    "Notion",
    "Tableau",
    "Looker",
    "Postman",
    "Vim",
)
PROSE = (
    "Comfortable working with ambiguous requirements and turning them into plans.",
    "Known for clear written communication and careful code review.",
    "Enjoys pairing with colleagues and writing documentation that people read.",
    "Regularly presented results to leadership and non-technical stakeholders.",
    "Interested in reliable systems, simple designs and measurable outcomes.",
    "Volunteered as a mentor for a local coding bootcamp on weekends.",
    "Balanced delivery pressure with long-term maintainability of the platform.",
    "Worked closely with legal and privacy teams on data retention policies.",
)
DEGREES = (
    "B.Sc. in Computer Science",
    "M.Sc. in Machine Learning",
    "PhD in Statistics",
    "Bachelor of Engineering in Electronics",
    "MS in Data Science",
    "B.A. in Mathematics",
    "Master of Science in Applied Physics",
)
UNIVERSITIES = (
    "State University",
    "Institute of Technology",
    "Polytechnic University",
    "University College",
    "Technical University",
)


def _skills(rng: random.Random, vocabulary: Sequence[str], low: int, high: int) -> list[str]:
    count = rng.randint(low, high)
    picked = rng.sample(list(vocabulary), min(count, len(vocabulary)))
    picked += rng.sample(EVERYDAY, rng.randint(1, 3))
    rng.shuffle(picked)
    return picked


def _bullet(rng: random.Random, vocabulary: Sequence[str]) -> str:
    tech = rng.sample(list(vocabulary), 2)
    outcome = rng.choice(OUTCOMES).format(n=rng.randint(2, 60))
    return f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)} using {tech[0]} and {tech[1]}, {outcome}."


def synthetic_resume(
    rng: random.Random, vocabulary: Sequence[str], *, target: int | None = None
) -> str:
    """One plain-text resume of roughly ``target`` bytes (3,000-5,000 when not given)."""
    target = target or rng.randint(3000, 5000)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    handle = name.lower().replace(" ", ".").replace("-", "")
    contact = (
        f"{handle}@example.com | +1 555 {rng.randint(100, 999)} "
        f"{rng.randint(1000, 9999)} | github.com/{handle.replace('.', '')}"
    )
    head = [name, contact, ""]
    summary = [
        "Summary",
        (
            f"{rng.choice(TITLES)} with {rng.randint(3, 18)} years of experience building "
            f"data products with {', '.join(rng.sample(list(vocabulary), 3))}. "
            f"{rng.choice(PROSE)} {rng.choice(PROSE)}"
        ),
        "",
    ]
    skills = ["Skills", ", ".join(_skills(rng, vocabulary, 8, 14)), ""]
    year = 2025
    jobs: list[str] = ["Experience"]
    body_budget = target - len("\n".join(head + summary + skills)) - 300
    while True:
        length = rng.randint(1, 5)
        start = year - length
        end = "Present" if year == 2025 else f"{rng.choice(MONTHS)} {year}"
        entry = [
            (f"{rng.choice(TITLES)}, {rng.choice(COMPANIES)}  {rng.choice(MONTHS)} {start} - {end}")
        ]
        entry += [_bullet(rng, vocabulary) for _ in range(rng.randint(3, 5))]
        if rng.random() < 0.5:
            entry.append(f"- {rng.choice(PROSE)}")
        entry.append("")
        if len("\n".join(jobs + entry)) > body_budget and len(jobs) > 1:
            break
        jobs += entry
        year = start
    degree = f"{rng.choice(DEGREES)}, {rng.choice(UNIVERSITIES)}, {year - rng.randint(0, 3)}"
    education = ["Education", degree, ""]
    text = "\n".join(head + summary + jobs + skills + education)
    filler = list(PROSE)
    while len(text.encode()) < target - 60:
        text += rng.choice(filler) + "\n"
    return text[: target + 150].rsplit("\n", 1)[0] + "\n"


def rubric_vocabulary() -> tuple[str, ...]:
    """Skill names and aliases of the bundled rubric (the realistic technical words)."""
    from skillgap.rubric.parse import load_rubric

    forms: dict[str, None] = {}
    for _area, requirement in load_rubric().iter_requirements():
        for skill in requirement.skills:
            forms.setdefault(skill.name, None)
            for alias in skill.aliases[:2]:
                forms.setdefault(alias, None)
    return tuple(forms)


__all__ = ["rubric_vocabulary", "synthetic_resume"]
