"""Direct cases for the recurrent kernel (collected by test_primitives_direct.py): a bidirectional LSTM with
per-sample lengths, the richest mode (every mode is checked in tests/ops/test_rnn_scan.py)."""
import numpy as np

from minispore._core.tensor import _wrap

import conv_reference as cref
import rnn_reference as ref

rng = np.random.default_rng(1211)
T_LEN, BATCH, H, D = 3, 2, 2, 2
G = 4 * H
LENGTHS = np.array([3, 2])
# the kernel's layout (see rnn_reference.to_kernel)
_xg = rng.uniform(-1, 1, (T_LEN, BATCH, D * G))
_w = rng.uniform(-0.8, 0.8, (D, G, H))
_b = rng.uniform(-0.5, 0.5, (D, G))
_s0 = rng.uniform(-0.5, 0.5, (D, BATCH, 2 * H))
PARAMS = dict(mode="LSTM", masked=True)
_r = ref.scan_kernel("LSTM", _xg, _w, _b, _s0, LENGTHS)[0]
_dr = rng.uniform(-1, 1, _r.shape)


def _grad_reference(dr, r, w, s0, lengths):
    """The flat cotangent vector (d xg, d w_hh, d b_hh, d s0) of the workspace against dr, by central
    differences of the NumPy recurrence (r is the workspace of _xg, _b and these w, s0)."""
    grads = ref.numeric_vjp(lambda xg, w_, b, s: ref.scan_kernel("LSTM", xg, w_, b, s, lengths)[0],
                            [_xg, w, _b, s0], dr)
    return np.concatenate([g.reshape(-1) for g in grads])


CASES = {
    "RecurrentScan": dict(args=[_xg, _w, _b, _s0], fixed=[_wrap(LENGTHS)], params=PARAMS,
                          ref=lambda xg, w, b, s0, lengths: ref.scan_kernel("LSTM", xg, w, b, s0, lengths)[0]),
    "RecurrentScanGrad": dict(args=[_dr, _r, _w, _s0], fixed=[_wrap(LENGTHS)], params=PARAMS,
                              ref=_grad_reference, tol=(1e-6, 1e-8)),
}

# reading the workspace: outputs in time order (zero past each length), final h and c
_MASKED = dict(mode="LSTM", hidden=H, masked=True)


def _read_reference(r, lengths):
    """Outputs per direction in time order (direction 1's workspace rows are reversed in time), zero past each
    length; then the final h and c (the workspace's last iteration row)."""
    t_len = r.shape[0]
    y = np.concatenate([r[:, 0, :, :H], r[::-1, 1, :, :H]], axis=2)
    y = y * (np.arange(t_len)[:, None, None] < np.asarray(lengths)[None, :, None])
    h_n = np.concatenate([r[-1, 0, :, :H], r[-1, 1, :, :H]], axis=1)[None]
    c_n = np.concatenate([r[-1, 0, :, H:2 * H], r[-1, 1, :, H:2 * H]], axis=1)[None]
    return np.concatenate([y, h_n, c_n], axis=0)


_dp = rng.uniform(-1, 1, (T_LEN + 2, BATCH, D * H))
CASES["RecurrentScanRead"] = dict(args=[_r], fixed=[_wrap(LENGTHS)], params=_MASKED, ref=_read_reference)
CASES["RecurrentScanReadGrad"] = dict(
    args=[_dp], fixed=[_wrap(LENGTHS)], params=dict(_MASKED, r_shape=_r.shape),
    ref=lambda dp, lengths: cref.adjoint(lambda r: _read_reference(r, lengths), _r.shape, dp))
