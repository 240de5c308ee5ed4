"""Direct cases for the recurrent kernel (collected by test_primitives_direct.py): a bidirectional LSTM with
per-sample lengths, the richest mode (every mode is checked in tests/ops/test_rnn_scan.py)."""
import numpy as np

from minispore._core.tensor import _wrap

import rnn_reference as ref

rng = np.random.default_rng(1211)
T_LEN, BATCH, H, D = 3, 2, 2, 2
G = 4 * H
LENGTHS = np.array([3, 2])
_xg = rng.uniform(-1, 1, (T_LEN, BATCH, D * G))
_w = rng.uniform(-0.8, 0.8, (D, G, H))
_b = rng.uniform(-0.5, 0.5, (D, G))
_s0 = rng.uniform(-0.5, 0.5, (D, BATCH, 2 * H))
PARAMS = dict(mode="LSTM", masked=True)
_r = ref.scan("LSTM", _xg, _w, _b, _s0, LENGTHS)[0]
_dr = rng.uniform(-1, 1, _r.shape)


def _grad_reference(dr, r, w, s0, lengths):
    """The flat cotangent vector (d xg, d w_hh, d b_hh, d s0) of the workspace against dr, by central
    differences of the NumPy recurrence (r is the workspace of _xg, _b and these w, s0)."""
    grads = ref.numeric_vjp(lambda xg, w_, b, s: ref.scan("LSTM", xg, w_, b, s, lengths)[0],
                            [_xg, w, _b, s0], dr)
    return np.concatenate([g.reshape(-1) for g in grads])


CASES = {
    "RecurrentScan": dict(args=[_xg, _w, _b, _s0], fixed=[_wrap(LENGTHS)], params=PARAMS,
                          ref=lambda xg, w, b, s0, lengths: ref.scan("LSTM", xg, w, b, s0, lengths)[0]),
    "RecurrentScanGrad": dict(args=[_dr, _r, _w, _s0], fixed=[_wrap(LENGTHS)], params=PARAMS,
                              ref=_grad_reference, tol=(1e-6, 1e-8)),
}
