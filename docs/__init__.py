"""The course notes, ``maths.md``, as package data (``creativenn.notes``): never imported for code.

``creativenn maths`` reads them wherever creativenn is installed.
"""
