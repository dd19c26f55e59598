"""The bundled sketches: ``creativenn list`` names them, ``creativenn run NAME`` opens one.

Each is a plain py5 sketch, run as a script (never imported): this file only
makes the folder package data (``creativenn.sketches``) that travels in the wheel.
"""
