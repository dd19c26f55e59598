"""``python -m creativenn``: the same as the ``creativenn`` command."""

import sys

from .tools.cli import main

sys.exit(main())
