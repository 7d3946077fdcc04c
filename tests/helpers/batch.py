"""The batch tests' inputs and shortcuts: a strong and a weak resume, which files of the
mixed folder (see ``tests/unit/batch/conftest.py``) score and which fail, and running a
batch over a folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from skillgap.batch.inputs import collect_inputs
from skillgap.batch.pool import run_batch
from skillgap.batch.rows import BatchOptions, BatchRow
from skillgap.batch.run import BatchResult, execute
from skillgap.render import batch_formats
from skillgap.rubric.model import Rubric

AS_OF = dt.date(2025, 6, 1)
OPTIONS = BatchOptions(as_of=AS_OF)


STRONG = """Grace Hopper
grace@example.com | +1 555 867 5309 | https://grace.example.com
12 Harbour Street, Arlington

Summary
Principal machine learning engineer with 15 years of experience.

Experience
Principal ML Engineer, Acme  Jan 2012 - Present
- Led a team of 12 engineers; mentored staff engineers and hired 8 people.
- Built PyTorch and TensorFlow models, deployed on Kubernetes with MLflow.
- Set the technical roadmap with product leadership.

Skills
Python, Scala, scikit-learn, Apache Spark, AWS, Docker

Education
PhD in Computer Science, Stanford University
"""


WEAK = """Tim Walker

Experience
Shop assistant, Corner Shop  Jan 2020 - Present
- Served customers and kept the shelves tidy.
"""


def json_resume(name: str) -> bytes:
    """A JSON Resume for ``name``, with contact details and a few skills."""
    return json.dumps(
        {
            "basics": {
                "name": name,
                "email": "eve@example.com",
                "phone": "+1 555 010 9999",
                "url": "https://eve.example.org",
                "image": "https://eve.example.org/me.jpg",
                "summary": "Machine learning engineer using Python and PyTorch.",
            },
            "work": [
                {
                    "name": "Initech",
                    "position": "ML Engineer",
                    "startDate": "2018-01",
                    "highlights": ["Deployed models on Kubernetes"],
                }
            ],
            "skills": [{"name": "ML", "keywords": ["TensorFlow", "Docker"]}],
        }
    ).encode()


GOOD = {"grace.txt", "grace-copy.txt", "tim.md", "ada.pdf", "alan.docx", "eve.json"}
BAD = {
    "empty.txt",
    "random.pdf",
    "locked.pdf",
    "scan.pdf",
    "notzip.docx",
    "nodoc.docx",
    "schema.json",
}


def rows_by_name(rubric: Rubric, folder: Path, *, jobs: int = 1) -> dict[str, BatchRow]:
    """Every row of a batch over ``folder``, by file name."""
    items = collect_inputs([str(folder)])
    return {Path(r.path).name: r for r in run_batch(items, rubric, OPTIONS, jobs=jobs)}


def _run(
    rubric: Rubric | Sequence[Rubric],
    folder: Path,
    output: Path,
    *,
    jobs: int = 1,
    options: BatchOptions = OPTIONS,
    **kwargs: Any,
) -> BatchResult:
    """A whole batch over ``folder`` written to ``output``."""
    return execute(
        collect_inputs([str(folder)], exclude=[output]),
        rubric,
        options,
        output=output,
        layout=batch_formats,
        jobs=jobs,
        **kwargs,
    )


def _sha(path: Path) -> str:
    """The sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
