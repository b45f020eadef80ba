"""perfxl's one formula evaluator: Excel formulas over exact values — arithmetic, comparisons, text (&),
SUM/ROUND/MIN/MAX/AVERAGE/ABS/N/IF/IFERROR/OR/AND/NOT, and perfxl's own PERF_* functions (perfxl.functions).

Two users: the reader computes formula cells a file holds without a cached value
(perfxl.layout.formulas), and the workbook generator computes the cached value of every formula it
writes (perfxl.workbook.formulas) — so what a formula means is known here only. No eval(), no floats:
numbers are Decimals and ROUND is Excel's half-up rounding. A reference is kept apart from a literal,
as Excel does: SUM ignores text and TRUE/FALSE in referenced cells, and counts them typed as arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Any

from .model import column_index
from .numbers import ZERO, fmt_decimal, round_half_up, to_decimal
from .patterns import lazy_compile

__all__ = ["evaluate_formula", "FormulaError", "ExcelError", "Lookup"]

_TOKEN = lazy_compile(
    r"\s*(?:(?P<str>\"(?:[^\"]|\"\")*\")"
    r"|(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<func>[A-Za-z_][A-Za-z0-9_.]*)\s*\("
    r"|(?P<ref>(?:(?:'[^']+'|[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*)!)?\$?[A-Za-z]{1,3}\$?\d+"
    r"(?::\$?[A-Za-z]{1,3}\$?\d+)?)"
    r"|(?P<bool>TRUE|FALSE)\b"
    r"|(?P<op><>|<=|>=|[-+*/^(),%&=<>]))"
)
_CELL = lazy_compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_MAX_CELLS = 100_000
_COMPARE = {
    "=": lambda a, b: a == b,
    "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
}


class FormulaError(Exception):
    """The formula uses something this evaluator does not compute."""


class ExcelError(FormulaError):
    """An Excel error value (#DIV/0!, #VALUE!…) that the formula would show; IFERROR catches it."""


#: lookup(sheet or None, row, col) → the referenced cell's value (0-based); raises ExcelError for a cell
#: holding an Excel error value, which then propagates as it does in Excel.
Lookup = Callable[[str | None, int, int], object]


def _parse_ref(text: str) -> tuple[str | None, tuple[int, int], tuple[int, int]]:
    sheet = None
    if "!" in text:
        sheet, text = text.rsplit("!", 1)
        sheet = sheet.strip("'")
    parts = text.split(":")
    cells = []
    for part in parts:
        m = _CELL.fullmatch(part)
        if not m:
            raise FormulaError(part)
        cells.append((int(m.group(2)) - 1, column_index(m.group(1)) - 1))
    return sheet, cells[0], cells[-1]


def _number(value: object) -> Decimal:
    """Excel's coercion to a number in arithmetic: blank → 0, numeric text → its number, else #VALUE!."""
    if isinstance(value, list):
        if len(value) != 1:
            raise ExcelError("#VALUE!")
        value = value[0]
    if value is None or value == "":
        return ZERO
    if isinstance(value, bool):
        return Decimal(int(value))
    number = to_decimal(value)
    if number is None:
        raise ExcelError("#VALUE!")
    return number


def _scalar(value: object) -> object:
    if isinstance(value, list):
        if len(value) != 1:
            raise ExcelError("#VALUE!")
        value = value[0]
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        return to_decimal(value)
    return "" if value is None else value


def _result(value: object) -> object:
    """A formula's value as its cell shows it: a blank referenced cell shows 0, a range is #VALUE!."""
    if isinstance(value, list) and len(value) == 1 and value[0] is None:
        return ZERO
    return _scalar(value)


def _text(value: object) -> str:
    value = _scalar(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return fmt_decimal(value)
    return str(value)


def _truth(value: object) -> bool:
    value = _scalar(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return value != 0
    if value == "":
        return False
    raise ExcelError("#VALUE!")


def _compare(op: str, left: object, right: object) -> bool:
    a, b = _scalar(left), _scalar(right)
    if a == "" and isinstance(b, Decimal):
        a = ZERO
    if b == "" and isinstance(a, Decimal):
        b = ZERO
    if isinstance(a, str) and isinstance(b, str):
        a, b = a.lower(), b.lower()
    elif type(a) is not type(b):
        rank = {Decimal: 0, str: 1, bool: 2}
        return _COMPARE[op](rank[type(a)], rank[type(b)])
    return _COMPARE[op](a, b)


class _Parser:
    """Recursive-descent evaluation of an Excel formula over exact values (no eval, no floats).

    Values are Decimal, str, bool, or lists (ranges); PERF_* functions run perfxl's own engine.
    """

    def __init__(self, formula: str, lookup: Lookup) -> None:
        self.tokens: list[tuple[str, str]] = []
        pos, text = 0, formula.lstrip("=")
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                if text[pos:].strip() == "":
                    break
                raise FormulaError(text[pos : pos + 20])
            kind = m.lastgroup or "op"
            self.tokens.append((kind, m.group(kind).strip()))
            pos = m.end()
        self.i = 0
        self.lookup = lookup

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise FormulaError("unexpected end")
        self.i += 1
        return tok

    def _op(self, ops: tuple[str, ...]) -> str | None:
        tok = self.peek()
        if tok and tok[0] == "op" and tok[1] in ops:
            self.i += 1
            return tok[1]
        return None

    def run(self) -> object:
        value = self.comparison()
        if self.peek() is not None:
            raise FormulaError(str(self.peek()))
        return _result(value)

    def comparison(self) -> object:
        value = self.concat()
        while op := self._op(tuple(_COMPARE)):
            value = _compare(op, value, self.concat())
        return value

    def concat(self) -> object:
        value = self.additive()
        while self._op(("&",)):
            value = _text(value) + _text(self.additive())
        return value

    def additive(self) -> object:
        value = self.term()
        while op := self._op(("+", "-")):
            right = _number(self.term())
            value = _number(value) + right if op == "+" else _number(value) - right
        return value

    def term(self) -> object:
        value = self.factor()
        while op := self._op(("*", "/")):
            right = _number(self.factor())
            if op == "*":
                value = _number(value) * right
            else:
                if right == 0:
                    raise ExcelError("#DIV/0!")
                value = _number(value) / right
        return value

    def factor(self) -> object:
        kind, text = self.take()
        if kind == "op" and text in "+-":
            number = _number(self.factor())
            return -number if text == "-" else number
        value: object
        if kind == "num":
            value = Decimal(text)
        elif kind == "str":
            value = text[1:-1].replace('""', '"')
        elif kind == "bool":
            value = text.upper() == "TRUE"
        elif kind == "ref":
            value = self.ref(text)
        elif kind == "func":
            value = self.call(text.upper())
        elif kind == "op" and text == "(":
            value = self.comparison()
            if self.take()[1] != ")":
                raise FormulaError("missing )")
        else:
            raise FormulaError(text)
        if self._op(("%",)):
            value = _number(value) / 100
        return value

    def ref(self, text: str) -> list[object]:
        """The referenced values as a list, one cell included (a reference, never a literal)."""
        sheet, (r0, c0), (r1, c1) = _parse_ref(text)
        if (r0, c0) == (r1, c1):
            return [self.lookup(sheet, r0, c0)]
        if (r1 - r0 + 1) * (c1 - c0 + 1) > _MAX_CELLS:
            raise FormulaError("range too large")
        return [self.lookup(sheet, r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]

    def args(self, lazy: bool = False) -> list[Any]:
        """Arguments up to the closing bracket; with `lazy`, each argument as a token slice (for IF)."""
        out: list[Any] = []
        if self.peek() == ("op", ")"):
            self.take()
            return out
        while True:
            if lazy:
                start, depth = self.i, 0
                while True:
                    tok = self.take()
                    if tok[0] == "func" or tok == ("op", "("):
                        depth += 1
                    elif tok == ("op", ")"):
                        if depth == 0:
                            out.append((start, self.i - 1))
                            return out
                        depth -= 1
                    elif tok == ("op", ",") and depth == 0:
                        out.append((start, self.i - 1))
                        break
                continue
            out.append(self.comparison())
            _kind, text = self.take()
            if text == ")":
                return out
            if text != ",":
                raise FormulaError(text)

    def sub(self, span: tuple[int, int]) -> object:
        """Evaluate the token slice of one lazy argument."""
        saved = self.i
        self.i = span[0]
        sub_tokens = self.tokens
        try:
            end = span[1]
            self.tokens = sub_tokens[:end]
            value = self.comparison()
            if self.i != end:
                raise FormulaError("bad argument")
            return value
        finally:
            self.tokens = sub_tokens
            self.i = saved

    def call(self, name: str) -> object:
        if name in ("IF", "IFERROR"):
            spans = self.args(lazy=True)
            if name == "IFERROR" and len(spans) == 2:
                try:
                    value = self.sub(spans[0])
                    _scalar(value)  # a range is #VALUE!, caught here as Excel does
                    return value
                except ExcelError:
                    return self.sub(spans[1])
            if name == "IF" and len(spans) in (2, 3):
                if _truth(self.sub(spans[0])):
                    return self.sub(spans[1])
                return self.sub(spans[2]) if len(spans) == 3 else False
            raise FormulaError(f"function {name}")
        args = self.args()
        if name in ("SUM", "MIN", "MAX", "AVERAGE"):
            numbers: list[Decimal] = []
            for arg in args:
                if not isinstance(arg, list):  # typed in the formula: "12" and TRUE count, "x" is #VALUE!
                    numbers.append(_number(arg))
                    continue
                for item in arg:  # referenced cells: numbers only
                    d = to_decimal(item) if not isinstance(item, (str, bool)) else None
                    if d is not None:
                        numbers.append(d)
            if name == "SUM":
                return sum(numbers, ZERO)
            if not numbers:
                if name == "AVERAGE":
                    raise ExcelError("#DIV/0!")
                return ZERO
            if name == "AVERAGE":
                return sum(numbers, ZERO) / len(numbers)
            return min(numbers) if name == "MIN" else max(numbers)
        if name == "ROUND" and len(args) == 2:
            return round_half_up(_number(args[0]), int(_number(args[1])))
        if name == "ABS" and len(args) == 1:
            return abs(_number(args[0]))
        if name == "N" and len(args) == 1:
            value = _scalar(args[0])
            return value if isinstance(value, Decimal) else ZERO
        if name in ("OR", "AND") and args:
            flags = [_truth(x) for a in args for x in (a if isinstance(a, list) else [a])]
            return any(flags) if name == "OR" else all(flags)
        if name == "NOT" and len(args) == 1:
            return not _truth(args[0])
        if name.startswith("PERF_"):
            return _perf_function(name, args)
        raise FormulaError(f"function {name}")


def _perf_function(name: str, args: list[object]) -> object:
    """perfxl's own worksheet functions (PERF_SCORE …), computed by the engine they wrap; a cell the
    function cannot compute is its Excel error value (IFERROR catches it)."""
    # lazy: keeps perfxl.functions (~28 ms) off the `perfxl validate` cold start; only PERF_* formulas need it
    from . import functions

    if name.lower() not in functions.__all__:
        raise FormulaError(f"function {name}")
    func = getattr(functions, name.lower())
    plain = [_scalar(a) if not isinstance(a, list) or len(a) == 1 else a for a in args]
    result = func(*[None if a == "" else a for a in plain])
    if isinstance(result, list):
        raise FormulaError(f"{name} over a range")
    if isinstance(result, functions.CellError):
        raise ExcelError(result.code)
    if isinstance(result, (int, float, Decimal)) and not isinstance(result, bool):
        return to_decimal(result)
    return result


def evaluate_formula(formula: str, lookup: Lookup) -> object:
    """Value of `formula` with `lookup(sheet|None, r, c)` giving referenced values; raises FormulaError.

    Excel error results (#DIV/0!, #VALUE!) raise ExcelError, a FormulaError.
    """
    try:
        return _Parser(formula, lookup).run()
    except (InvalidOperation, DivisionByZero, ValueError, OverflowError, RecursionError, KeyError, TypeError) as exc:
        raise FormulaError(str(exc)) from exc
