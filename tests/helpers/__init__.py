"""What the tests share beyond fixtures: builders for real test inputs (PDF and DOCX files
made from scratch), small rubrics and resumes, and shortcuts for loading, scoring and
checking rendered pages."""
