"""IRI segments: the shortcut for plain segments gives what urllib's quote() gives."""

import random
import string
from urllib.parse import quote

from kg.rdf.mapping import _segment


def test_segments_equal_quote():
    rng = random.Random(6)
    alphabet = string.ascii_letters + string.digits + "_.~-/ %äöüß?#&\ud800"
    for _ in range(5000):
        seg = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        expected = seg.replace(".", "%2E") if seg in (".", "..") else quote(seg, safe="", errors="backslashreplace")
        assert _segment(seg) == expected, seg
    assert _segment("a b") == "a%20b" and _segment("x-1_y.z~") == "x-1_y.z~" and _segment("..") == "%2E%2E"
