#!/usr/bin/env python3
"""Generate the large hostile-input scripts of tests/hostile.

Scripts that would be megabytes on disk (100 000 nested parentheses, a 4 MiB
string literal, 70 000 locals, ...) are not committed: this file builds them.
Their expected output, produced by CPython 3.11 through tools/gen_expected,
is committed in tests/hostile/generated/NAME.out (and NAME.err).

Usage:
  tests/hostile/gen_hostile.py OUTDIR            write every script into OUTDIR
  tests/hostile/gen_hostile.py --update-expected regenerate generated/*.out, *.err
  tests/hostile/gen_hostile.py --list            list the scripts

Every script starts with a "# hostile:" line read by tools/run_hostile_tests:
  modes=interp,plain,...  the modes it runs in (gc-stress only where fast enough)
  timeout=S               seconds per run (release build; the runner scales it)
  flags=F                 an extra VM flag (one per flags=; none by default)
  stderr-has=REGEX        stderr must match REGEX (no spaces: write \\s)
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
EXPECTED_DIR = HERE / "generated"
ALL = "interp,plain,gc-stress,jit,jit-gc-stress"
NO_GC_STRESS = "interp,plain,jit"        # too slow with a collection at every allocation
JIT_ON = "plain,gc-stress,jit,jit-gc-stress"
DIR_MARKER = "<DIR>/"   # stands for the folder holding the generated script
SCRIPTS = {}   # name -> (header options, builder returning bytes)


def script(modes=ALL, timeout=60, flags=(), stderr_has=None):
    def register(builder):
        opts = f"modes={modes} timeout={timeout}" + "".join(f" flags={f}" for f in flags)
        if stderr_has:
            opts += f" stderr-has={stderr_has}"
        SCRIPTS[builder.__name__] = (opts, builder)
        return builder
    return register


def filler():
    """~20 KB of valid lines: keeps a later bad byte out of the first read chunk
    of readers that decode the first line as UTF-8 (gen_expected's "# args:")."""
    return "".join(f"x{i} = {i}\n" for i in range(2000)).encode()


# -- Source encoding ------------------------------------------------------------

@script()
def invalid_utf8_source():
    return filler() + b"s = 'caf\xff'\nprint(s)\n"


@script()
def invalid_utf8_surrogate():
    return filler() + b"s = '\xed\xa0\x80'\nprint(s)\n"


@script()
def invalid_utf8_truncated_at_eof():
    return filler() + b"print('end')\n# \xe6\x97"


@script()
def nul_byte_source():
    return b"print(1)\nx = 1\x00\nprint(x)\n"


# -- Nesting depth ----------------------------------------------------------------

@script()
def nested_parens_100k():
    return ("x = " + "(" * 100_000 + "1" + ")" * 100_000 + "\nprint(x)\n").encode()


@script()
def nested_brackets_100k():
    return ("x = " + "[" * 100_000 + "]" * 100_000 + "\nprint(len(x))\n").encode()


@script()
def nested_unary_minus_100k():
    return ("x = " + "-" * 100_000 + "1\nprint(x)\n").encode()


@script()
def nested_lambdas_10k():
    return ("f = " + "lambda: " * 10_000 + "1\nprint(callable(f))\n").encode()


@script()
def deep_indentation_200():
    body = "".join("    " * i + "if True:\n" for i in range(200))
    return (body + "    " * 200 + "print(1)\n").encode()


@script()
def nested_loops_25():
    body = "".join("    " * i + f"for i{i} in [0]:\n" for i in range(25))
    return (body + "    " * 25 + "print(1)\n").encode()


@script()
def nested_defs_90():
    lines = []
    for i in range(90):
        lines.append("    " * i + f"def f{i}():\n")
    lines.append("    " * 90 + "return 90\n")
    for i in reversed(range(89)):
        lines.append("    " * (i + 1) + f"return f{i + 1}() - 1\n")
    lines.append("print(f0())\n")
    return "".join(lines).encode()


@script()
def elif_chain_10k():
    arms = "".join(f"    {'if' if i == 0 else 'elif'} x == {i}:\n        return {i}\n" for i in range(10_000))
    return ("def f(x):\n" + arms + "print(f(9999))\n").encode()


# -- Size -----------------------------------------------------------------------

@script()
def expression_200k_terms():
    return ("print(" + " + ".join(["1"] * 200_000) + ")\n").encode()


@script()
def or_chain_200k_terms():
    return ("print(" + " or ".join(["0"] * 200_000) + ")\n").encode()


@script()
def comparison_chain_200k_terms():
    return ("print(" + " < ".join(["1"] * 200_000) + ")\n").encode()


@script(modes=NO_GC_STRESS)
def list_literal_200k_strings():
    items = ", ".join(f"'k{i}'" for i in range(200_000))
    return f"x = [{items}]\nprint(len(x), x[0], x[123456], x[-1])\n".encode()


@script(modes=NO_GC_STRESS)
def dict_literal_100k_entries():
    items = ", ".join(f"{i}: '{i}'" for i in range(100_000))
    return f"d = {{{items}}}\nprint(len(d), d[0], d[99999])\n".encode()


@script()
def call_100k_arguments():
    return ("print(max(" + ", ".join(str(i) for i in range(100_000)) + "))\n").encode()


@script(modes=NO_GC_STRESS)
def function_70k_locals():
    body = "".join(f"    a{i} = {i}\n" for i in range(70_000))
    return ("def f():\n" + body + "    return a0 + a35000 + a69999\nprint(f())\n").encode()


@script(modes=NO_GC_STRESS)
def function_70k_parameters():
    params = ", ".join(f"a{i}" for i in range(70_000))
    args = ", ".join(str(i) for i in range(70_000))
    return f"def f({params}):\n    return a0 + a69999\nprint(f({args}))\n".encode()


@script()
def huge_string_literal():
    text = ("The quick brown fox jumps over the lazy dog " * 100_000)[:4 << 20]
    return (f"s = '{text}'\nprint(len(s))\nprint(s[:20], s[-20:])\nprint(s.count('fox'))\n").encode()


@script(modes=NO_GC_STRESS)
def huge_triple_quoted_string():
    text = "".join(f"line {i}\n" for i in range(200_000))
    return (f's = """{text}"""\nlines = s.splitlines()\nprint(len(s), len(lines), lines[-1])\n').encode()


@script()
def very_long_line():
    return ("s = " + " ".join(["'ab'"] * 250_000) + "\nprint(len(s))\n").encode()


@script()
def very_long_line_syntax_error():
    return ("x = [" + "1, " * 200_000 + "1 1]\nprint(x)\n").encode()


@script()
def very_long_comment_line():
    return ("# " + "x" * 5_000_000 + "\nprint('after the comment')\n").encode()


# -- Integer literals past the 4300-digit limit -------------------------------------

@script()
def int_literal_over_4300_digits():
    return ("x = " + "9" * 5000 + "\nprint(x)\n").encode()


@script()
def int_literal_4300_digits():
    return ("x = " + "7" * 4300 + "\nprint(x % 1000000007, x.bit_length())\n").encode()


@script()
def hex_literal_100k_digits():
    return ("x = 0x" + "f" * 100_000 + "\nprint(x.bit_length(), x % 1000003)\n").encode()


# -- Code memory ----------------------------------------------------------------

def loop_function(i):
    """A function whose loops differ from every other function's (traces of
    their own), with a branch that leaves the trace now and then (a side
    exit); every third one nests two loops (the outer trace links to the
    inner one), every seventh has a body the JIT does not compile."""
    a, b, c, m = 3 + i % 17, 1 + i % 5, 7 + i % 11, 1_000_003 + 2 * i
    k = 2 + i % 4
    body = [
        f"acc = (acc * {a} + j) % {m}",
        f"acc = (acc + j * j * {b}) % {m}",
        f"acc = (acc ^ (j * {a})) % {m}",
        f"acc = (acc - j * {c} + {m}) % {m}",
        f"acc = (acc + items[j % {k}] * {b}) % {m}",
        f"acc = (acc * {a} + (j & {c})) % {m}",
        f"acc = (acc + (j << {i % 9})) % {m}",
    ][i % 7]
    inner = (f"        for q in range({1 + i % 3}):\n"
             f"            acc = (acc + q * {c}) % {m}\n") if i % 3 == 0 else ""
    return (f"def f{i}(n):\n"
            f"    acc = {i}\n"
            f"    items = [{', '.join(str(i + t) for t in range(k))}]\n"
            f"    for j in range(n):\n"
            f"        {body}\n"
            f"{inner}"
            f"        if j % {c} == {i % c}:\n"
            f"            acc = (acc + {i}) % {m}\n"
            f"    return acc\n\n\n")


@script(modes=JIT_ON, timeout=120, flags=("--jit-param=maxmcode=16", "--jit-stats"),
        stderr_has=r"code\sflushes\s+[1-9]")
def code_memory_exhaustion_300_loops():
    """300 functions with distinct hot loops and 16 KiB (+ 64 KiB) of code
    memory: the JIT flushes its traces again and again; the results stay
    CPython's. Runs in the modes with the JIT on; the runner checks the
    --jit-stats line "code flushes N" for N > 0."""
    n = 300
    src = ["M = 2 ** 61 - 1\n\n\n"]
    src += [loop_function(i) for i in range(n)]
    src.append(f"FUNCS = [{', '.join(f'f{i}' for i in range(n))}]\n\n\n")
    # Each function runs hot once, then all of them again: the traces compiled
    # before the last flush are reused, the others recompiled.
    src.append("def run_all(rounds, n):\n"
               "    total = 0\n"
               "    for rnd in range(rounds):\n"
               "        for i in range(len(FUNCS)):\n"
               "            total = (total * 31 + FUNCS[i](n + rnd)) % M\n"
               "        print(rnd, total)\n"
               "    return total\n\n\n")
    src.append("print(run_all(3, 100))\n")
    return "".join(src).encode()


def build_all(outdir):
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name, (opts, builder) in SCRIPTS.items():
        header = f"# hostile: {opts}\n".encode()
        (outdir / f"{name}.py").write_bytes(header + builder())
    return sorted(SCRIPTS)


def update_expected():
    """Runs tools/gen_expected on freshly built scripts; keeps their .out/.err."""
    with tempfile.TemporaryDirectory(prefix="hostile-gen-") as tmp:
        build_all(tmp)
        res = subprocess.run([sys.executable, str(REPO_ROOT / "tools" / "gen_expected"), "--jobs", "2",
                              "--timeout", "300", tmp])
        if res.returncode != 0:
            return res.returncode
        EXPECTED_DIR.mkdir(exist_ok=True)
        for old in list(EXPECTED_DIR.glob("*.out")) + list(EXPECTED_DIR.glob("*.err")):
            old.unlink()
        # CPython names the main script by its absolute path in some messages
        # (e.g. "Non-UTF-8 code ... in file /abs/NAME.py"): store the folder as
        # DIR_MARKER, which tools/run_hostile_tests replaces with its own folder.
        prefixes = {str(Path(tmp)) + "/", str(Path(tmp).resolve()) + "/"}
        for name in SCRIPTS:
            for suffix in (".out", ".err"):
                src = Path(tmp) / (name + suffix)
                if src.exists():
                    data = src.read_bytes()
                    for prefix in prefixes:
                        data = data.replace(prefix.encode(), DIR_MARKER.encode())
                    (EXPECTED_DIR / (name + suffix)).write_bytes(data)
    print(f"updated {EXPECTED_DIR.relative_to(REPO_ROOT)} for {len(SCRIPTS)} scripts")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?", help="write the scripts here")
    ap.add_argument("--update-expected", action="store_true",
                    help="regenerate generated/*.out and *.err with CPython 3.11")
    ap.add_argument("--list", action="store_true", help="list the scripts")
    opts = ap.parse_args()
    if opts.list:
        for name, (opts, _) in sorted(SCRIPTS.items()):
            print(f"{name}  {opts}")
        return 0
    if opts.update_expected:
        return update_expected()
    if not opts.outdir:
        ap.error("OUTDIR, --update-expected or --list is required")
    build_all(opts.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
