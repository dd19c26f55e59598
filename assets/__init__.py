"""Fonts, small data sets and images the sketches use (package data: ``creativenn.assets``).

Found with ``creativenn.resources``; ``make_digits.py`` and ``make_valleys.py`` made the data.
"""
