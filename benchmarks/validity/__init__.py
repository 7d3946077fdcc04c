"""Validity measurements: paraphrase spread and agreement with a reader's judgments."""
