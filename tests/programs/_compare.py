"""Line-by-line comparison of a program's output with a recording, shared by tests/test_programs.py and
tests/golden/gen_programs.py (NumPy only, so it runs under MindSpore's interpreter too).

A float is a number written with a decimal point (the programs print every float with ``#.7g``) that does not
continue a word or a dotted name (``layer4.2.norm3`` holds none); everything else on a line, integers (shapes,
counts, step numbers), names and ``nan`` included, must match exactly. The floats of one line share a scale,
the largest magnitude recorded on that line: a line's floats may differ from the recording by ``rtol * scale``.
"""
import re

import numpy as np

FLOAT = re.compile(r"(?<![\w.])[-+]?\d+\.\d*(?:[eE][-+]?\d+)?")


def parse(text):
    """[(line with its floats replaced by '#', floats as a float64 array)] for each line."""
    return [(FLOAT.sub("#", line), np.array([float(f) for f in FLOAT.findall(line)], dtype=np.float64))
            for line in text.splitlines()]


def line_errors(actual, expected):
    """For each line: its difference from the recording relative to the line's scale (0.0 for a line without
    floats). Raises AssertionError, naming the line, where the text or the count of lines differs."""
    a_lines, e_lines = parse(actual), parse(expected)
    errors = []
    for number, ((a_text, a_vals), (e_text, e_vals)) in enumerate(zip(a_lines, e_lines), 1):
        if a_text != e_text:
            raise AssertionError(f"line {number} differs:\n  got:      {a_text}\n  recorded: {e_text}")
        if not e_vals.size:
            errors.append(0.0)
            continue
        scale = float(np.max(np.abs(e_vals)))
        diff = float(np.max(np.abs(a_vals - e_vals)))
        errors.append(diff / scale if scale > 0 else diff)
    if len(a_lines) != len(e_lines):
        raise AssertionError(f"{len(a_lines)} lines instead of the recorded {len(e_lines)}; first extra/missing "
                             f"line: {(a_lines if len(a_lines) > len(e_lines) else e_lines)[len(errors)][0]!r}")
    return errors
