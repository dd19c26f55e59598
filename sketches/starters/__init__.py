"""The starter sketches ``creativenn new NAME --from STARTER`` copies (package data, never imported)."""
