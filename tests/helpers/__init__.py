"""Builders for real test inputs (PDF and DOCX files) made from scratch."""
