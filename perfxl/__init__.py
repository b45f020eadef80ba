"""perfxl: the arithmetic and the checking of budget performance self-evaluation (预算绩效自评) for Excel."""
from __future__ import annotations

__version__ = "0.1.0"
