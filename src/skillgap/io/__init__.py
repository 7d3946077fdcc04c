"""Input and output at the edge of the core: bytes in, documents with positions out.

* :mod:`.read` reads files within limits and decodes their text (BOMs, UTF-16, legacy
  encodings by detection; binary files refused).
* :mod:`.yaml_source` and :mod:`.json_source` parse YAML and JSON keeping the position
  of every key and value, and refuse what those formats accept silently (duplicate keys).
* :mod:`.validation` holds the base of every model read from a file a person writes,
  and turns its validation errors into positioned problems.
* :mod:`.write` writes output files atomically (or in place for devices and pipes).

Nothing here knows what a rubric, a profile or a report is.
"""
