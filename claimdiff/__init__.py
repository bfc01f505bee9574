"""claimdiff: compare how news outlets report the same event.

The library comes first; ``claimdiff.cli`` is a thin wrapper. Importing this
package is cheap: stages import nltk, rapidfuzz and numpy only when they run.
"""

from __future__ import annotations

__version__ = "0.1.0"
