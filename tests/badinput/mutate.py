"""Seeded mutation fuzzing of real workbooks, run in a child process (a native abort in calamine
must not take the test runner down with it).

    python -m badinput.mutate --seed 8 --count 200 --per-file-seconds 20 OUTDIR FIXTURE...

For each mutant: pick a fixture and one of its XML parts, apply 1–3 byte-level mutations
(flip, insert, delete, duplicate a slice, or replace a number with an extreme one), re-zip, and
run `perfxl.validate.validate_file`. One JSON line per mutant on stdout: what was done and what
perfxl answered; "bad" is set when the answer is not findings-or-a-clean-unreadable-error.
A "start" line precedes each mutant, so a crash of the whole process still names its mutant.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import time
import zipfile
from pathlib import Path

#: Codes that mean perfxl's own safety net caught an unexplained exception: a bug, not an answer.
SAFETY_NET_CODES = {"INTERNAL_ERROR", "LAYOUT_SHEET_ERROR", "CHECK_CRASHED"}
EXTREMES = [
    b"0",
    b"-1",
    b"1048576",
    b"1048577",
    b"16384",
    b"4294967296",
    b"99999999999999999999",
    b"1e308",
    b"NaN",
    b"",
]
_NUMBER = re.compile(rb"\d+")


def mutate_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One mutation of `data`; returns the new bytes and a short description."""
    if not data:
        return b"<", "insert into empty"
    buf = bytearray(data)
    op = rng.choice(["flip", "flip", "insert", "delete", "duplicate", "number", "number"])
    pos = rng.randrange(len(buf))
    if op == "flip":
        buf[pos] ^= rng.randrange(1, 256)
        return bytes(buf), f"flip@{pos}"
    if op == "insert":
        buf[pos:pos] = bytes([rng.choice(b'<>/"&=;x\x00\xff 0')])
        return bytes(buf), f"insert@{pos}"
    if op == "delete":
        n = rng.randrange(1, 64)
        del buf[pos : pos + n]
        return bytes(buf), f"delete{n}@{pos}"
    if op == "duplicate":
        n = rng.randrange(1, 256)
        buf[pos:pos] = buf[pos : pos + n]
        return bytes(buf), f"duplicate{n}@{pos}"
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return mutate_bytes(data, rng)
    m = rng.choice(numbers)
    new = rng.choice(EXTREMES)
    return data[: m.start()] + new + data[m.end() :], f"number@{m.start()}={new.decode()}"


def make_mutant(src: Path, dst: Path, rng: random.Random) -> str:
    """Write a mutant of `src` to `dst`; 1 in 10 mutants damages the ZIP bytes themselves."""
    if rng.random() < 0.1:
        data, what = src.read_bytes(), []
        for _ in range(rng.randint(1, 3)):
            data, desc = mutate_bytes(data, rng)
            what.append(desc)
        dst.write_bytes(data)
        return "zip:" + ",".join(what)
    with zipfile.ZipFile(src) as zin:
        infos = zin.infolist()
        xml_parts = [i.filename for i in infos if i.filename.endswith((".xml", ".rels"))]
        part = rng.choice(xml_parts)
        data = zin.read(part)
        what = []
        for _ in range(rng.randint(1, 3)):
            data, desc = mutate_bytes(data, rng)
            what.append(desc)
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in infos:
                zout.writestr(info.filename, data if info.filename == part else zin.read(info.filename))
    return f"{part}:" + ",".join(what)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def judge(path: Path, per_file_seconds: int) -> dict:
    """Run validate_file on one mutant under an alarm; classify the answer."""
    from perfxl.validate import validate_file

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(per_file_seconds)
    started = time.monotonic()
    try:
        result = validate_file(path)
    except _Timeout:
        return {"bad": f"no answer within {per_file_seconds} s"}
    except BaseException as exc:  # a Rust panic arrives as a BaseException
        return {"bad": f"raised {type(exc).__name__}: {exc}"[:300]}
    finally:
        signal.alarm(0)
    seconds = round(time.monotonic() - started, 2)
    if not result.ok:
        code = (result.error or {}).get("code")
        message = (result.error or {}).get("message") or ""
        bad = None if code and code not in SAFETY_NET_CODES and message else f"unclean error {result.error}"
        return {"ok": False, "code": code, "seconds": seconds, "bad": bad}
    nets = [f.code for f in result.findings if f.code in SAFETY_NET_CODES]
    placeless = [f.code for f in result.findings if f.ref is None or not f.ref.sheet]
    bad = None
    if nets:
        bad = f"safety net caught an exception: {nets}"
    elif placeless:
        bad = f"findings without a place: {placeless}"
    return {"ok": True, "findings": len(result.findings), "seconds": seconds, "bad": bad}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--per-file-seconds", type=int, default=20)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("fixtures", type=Path, nargs="+")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for i in range(args.count):
        src = args.fixtures[i % len(args.fixtures)]
        dst = args.outdir / f"mutant-{i:04d}{src.suffix}"
        what = make_mutant(src, dst, rng)
        print(json.dumps({"start": i, "fixture": src.name, "mutation": what}, ensure_ascii=False), flush=True)
        verdict = judge(dst, args.per_file_seconds)
        print(json.dumps({"i": i, "fixture": src.name, "mutation": what, **verdict}, ensure_ascii=False), flush=True)
        if verdict.get("bad") is None:
            dst.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
