"""An unnamed speaker that is an organisation or a group ("‘…’, melden D66 en GBLV"): the
quote's organisation, not a role. A ``str`` subclass, so it travels wherever an unnamed
speaker's role does (split quotes, continued paragraphs) and is told apart only where the item
is made. Kept out of the compiled harvest (``accel.MODULES``): mypyc's native classes cannot
subclass ``str``."""
from __future__ import annotations


class OrganisationSpeaker(str):
    """The organisation or group that speaks, as the text names it."""

    __slots__ = ()
