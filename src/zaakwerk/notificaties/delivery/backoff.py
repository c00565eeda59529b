"""When to try a failed delivery again: exponential back-off with jitter."""

from __future__ import annotations

import random


def retry_delay(attempts: int, *, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt (1 for the first failure).

    The nominal delay doubles per attempt up to ``cap``; the actual delay is drawn between half
    the nominal delay and all of it ("equal jitter"), so subscribers that failed together do not
    all retry at the same moment, while the delay still grows.
    """
    if attempts < 1:
        raise ValueError("attempts counts failures and starts at 1")
    # 2**60 is far beyond any cap; bounding the exponent avoids huge floats for runaway counts.
    nominal = float(min(cap, base * 2.0 ** min(attempts - 1, 60)))
    jitter: float = (rng or random).uniform(0, nominal / 2)
    return nominal / 2 + jitter
