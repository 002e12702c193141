"""The check character of a receipt number (접수번호): one implementation for both sides.

The laptop makes receipt numbers (``fieldbus/domain/receipt_numbers.py`` adds their shape,
parsing and error messages around this module) and the hub refuses a pushed number whose
check character is wrong. ``sync`` never imports ``fieldbus``, so the algorithm lives here
and the laptop imports it.

A citizen reads the number to the 110 call centre, an officer types it into a search box:
the check character lets the software say "mistyped?" instead of finding nothing, or the
wrong case. It catches **every single wrong character** and **every swap of two
neighbouring characters** — anywhere, including across a hyphen and including the check
character itself. (ISO 7064 MOD 37,36, the obvious choice for this alphabet, misses a
small fraction of neighbour swaps.)

The algorithm is H. Michael Damm's (2004): a check digit scheme over a *totally
anti-symmetric quasigroup*. A quasigroup is an operation ``x * y`` whose table is a Latin
square (so changing any one input changes the output), and it is totally anti-symmetric
when ``(c * x) * y == (c * y) * x`` only if ``x == y`` (so swapping two different
neighbours always changes the output). We use one of order 36, the direct product of
two small ones:

* GF(4) = {0, 1, ω, ω²} (written 0, 1, 2, 3; addition is XOR), with ``x * y = ω·x + y``;
* Z₉ (integers mod 9), with ``x * y = 2·x + y``.

In each, ``(c*x)*y = (c*y)*x`` reduces to ``(a − 1)(x − y) = 0`` with ``a − 1`` invertible
(ω + 1 = ω² in GF(4); 2 − 1 = 1 in Z₉), hence ``x = y``; and the direct product of
totally anti-symmetric quasigroups is again one. Each character of the alphabet
``0–9A–Z`` has a value ``v`` in 0..35 and stands for the pair ``(v mod 4, v div 4)``.
Starting from ``(0, 0)``, the interim value is folded through the characters with ``*``;
``C`` is the one character that brings the interim back to ``(0, 0)``. A number is valid
when folding *all* its characters, ``C`` included, ends at ``(0, 0)``.

Why every error is caught: the interim before a wrong character is the same as before
the right one, ``interim * y`` differs for different ``y`` (Latin square), and every later
step ``z ↦ z * v`` is a bijection, so the final value is no longer ``(0, 0)``. A swap of
different neighbours ``x, y`` changes ``(c*x)*y`` by total anti-symmetry, and again the
later steps carry the difference to the end. The test suite checks the quasigroup
properties exhaustively over all 36³ triples (``tests/domain/test_receipt_numbers.py``).
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
VALUE = {ch: v for v, ch in enumerate(ALPHABET)}

OMEGA_TIMES = (0, 2, 3, 1)  # ω·x in GF(4) with elements 0, 1, ω=2, ω²=3


def op(x: int, y: int) -> int:
    """The quasigroup operation on character values 0..35 (see the module docstring)."""
    x4, x9 = x % 4, x // 4
    y4, y9 = y % 4, y // 4
    return (OMEGA_TIMES[x4] ^ y4) + 4 * ((2 * x9 + y9) % 9)


#: The whole operation as a 36×36 table: folding is then one lookup per character.
TABLE: tuple[tuple[int, ...], ...] = tuple(
    tuple(op(x, y) for y in range(36)) for x in range(36)
)


def fold(chars: str) -> int:
    """Fold upper-case alphabet characters through the quasigroup, starting at 0 = (0, 0)."""
    interim = 0
    for ch in chars:
        interim = TABLE[interim][VALUE[ch]]
    return interim


def solve_check(interim: int) -> int:
    """The value ``c`` with ``interim * c == (0, 0)``.

    Componentwise: ω·P₄ + c₄ = 0 in GF(4) gives c₄ = ω·P₄ (−z = z under XOR), and
    2·P₉ + c₉ ≡ 0 (mod 9) gives c₉ = −2·P₉ mod 9.
    """
    p4, p9 = interim % 4, interim // 4
    return OMEGA_TIMES[p4] + 4 * ((-2 * p9) % 9)


def check_character(payload: str) -> str:
    """The check character for ``payload``: upper-case alphabet characters, hyphens
    already removed (the caller says what is wrong with other input)."""
    return ALPHABET[solve_check(fold(payload))]


def is_check_valid(text: str) -> bool:
    """True if ``text`` (hyphens ignored, any case), check character included, folds to (0, 0).

    This checks only the check character, not the shape. False for characters outside
    the alphabet and for empty input.
    """
    chars = text.replace("-", "").upper()
    if not chars or any(ch not in VALUE for ch in chars):
        return False
    return fold(chars) == 0
