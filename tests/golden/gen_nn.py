"""Record nn / optimizer / checkpoint / dataset / Model goldens from real MindSpore.

Run with the MindSpore venv:
    /tmp/msref/bin/python tests/golden/gen_nn.py          # writes nn.json and ckpt/*
    /tmp/msref/bin/python tests/golden/gen_nn.py --check  # re-runs under MindSpore, compares with nn.json
    ... --check --only PREFIX                             # restrict to cases whose name starts with PREFIX
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cases_nn  # noqa: E402
import recorder  # noqa: E402

CKPT_DIR = os.path.join(HERE, "ckpt")

# Reference §5.3: the exact bytes of sample.ckpt.
SAMPLE_HEX = ("0a150a0473746570120d1205496e7433321a04070000000a340a0966632e7765696768741227080208031207466c6f61"
              "7433321a180000803f0000004000004040000080400000a0400000c0400a200a0766632e62696173121508021207466c"
              "6f617433321a080000003f000000bf")

# case name -> committed file written from the bytes that case produced
CKPT_FILES = {
    "ckpt.save_sample_bytes": "sample.ckpt",
    "ckpt.save_sample_append_bytes": "sample_append.ckpt",
    "ckpt.save_sample_crc_bytes": "sample_crc.ckpt",
    "ckpt.save_sample_safetensors_bytes": "sample.safetensors",
    "ckpt.save_multi_bytes": "multi.ckpt",
}


def write_ckpts(ms):
    os.makedirs(CKPT_DIR, exist_ok=True)
    table = dict(cases_nn.cases(ms))
    for cname, fname in CKPT_FILES.items():
        res = table[cname]()
        data = bytes.fromhex(res["hex"])
        path = os.path.join(CKPT_DIR, fname)
        if os.path.exists(path):
            os.chmod(path, 0o644)
        with open(path, "wb") as f:
            f.write(data)
        print("wrote %s (%d bytes)" % (path, len(data)))
    with open(os.path.join(CKPT_DIR, "sample.ckpt"), "rb") as f:
        got = f.read().hex()
    assert got == SAMPLE_HEX, "sample.ckpt differs from the reference hex:\n%s" % got


def _before(ms, args):
    if not args.check:
        write_ckpts(ms)


if __name__ == "__main__":
    # nn.json is one compact line, meta first; messages as describe_error gives them
    recorder.main(cases_nn, "nn.json", __doc__, bare=True, clean=None, layout="one_line", count=True, before=_before,
                  special={"init_stats.": cases_nn.check_init_stats})
