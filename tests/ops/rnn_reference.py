"""Plain NumPy recurrences (one direction, one step at a time, MindSpore's gate formulas) for checking the fused
RecurrentScan kernel: its workspace, outputs and final states, and a central-difference VJP; and the kernel's gate
layout (an LSTM's blocks i, f, g, o reordered i, f, o, g, the sigmoid gates' pre-activations halved) as NumPy
index arithmetic, to feed the kernel and to read its inputs back."""
import numpy as np

from numpy_reference import numeric_vjp  # noqa: F401 (the kernel's tests take it from here)

GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def step(mode, gi, s, w, b, h):
    """One step from state s (B, S) with input projection gi (B, G): (new state, workspace columns)."""
    hp = s[:, :h]
    gh = hp @ w.T + b
    if mode == "LSTM":
        a = gi + gh
        i, f, g, o = _sig(a[:, :h]), _sig(a[:, h:2 * h]), np.tanh(a[:, 2 * h:3 * h]), _sig(a[:, 3 * h:])
        c = f * s[:, h:] + i * g
        hn = o * np.tanh(c)
        return np.concatenate([hn, c], 1), np.concatenate([np.tanh(c), i, f, o, g], 1)   # the kernel's gate order
    if mode == "GRU":
        r = _sig(gi[:, :h] + gh[:, :h])
        z = _sig(gi[:, h:2 * h] + gh[:, h:2 * h])
        n = np.tanh(gi[:, 2 * h:] + r * gh[:, 2 * h:])
        return (1 - z) * n + z * hp, np.concatenate([r, z, n, gh[:, 2 * h:]], 1)
    a = gi + gh
    return (np.tanh(a) if mode == "RNN_TANH" else np.maximum(a, 0)), np.zeros((a.shape[0], 0))


def scan(mode, xg, w, b, s0, lengths):
    """(workspace (T, D, B, W) in iteration order, outputs (T, B, D*H) with zeros past each length, final states)."""
    t_len, batch, _ = xg.shape
    d, g, h = w.shape
    s_size = s0.shape[2]
    rows, outs, finals = [], np.zeros((t_len, batch, d * h)), []
    for j in range(d):
        s = s0[j].copy()
        per_dir = []
        for k in range(t_len):
            t = k if j == 0 else t_len - 1 - k
            new, extra = step(mode, xg[t, :, j * g:(j + 1) * g], s, w[j], b[j], h)
            valid = (t < np.asarray(lengths))[:, None]
            s = np.where(valid, new, s)
            outs[t, :, j * h:(j + 1) * h] = np.where(valid, s[:, :h], 0.0)
            per_dir.append(np.concatenate([s[:, :s_size], extra], 1))
        rows.append(np.stack(per_dir))
        finals.append(s)
    return np.stack(rows, 1), outs, np.stack(finals)


def _order(mode, h):
    return np.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h] if mode == "LSTM" else None


def _halved(mode, h):
    return {"LSTM": 3 * h, "GRU": 2 * h}.get(mode, 0)


def to_kernel(a, mode, h, axis):
    """MindSpore's gate layout -> the kernel's, along ``axis`` (blocks of G = GATES[mode] * h; several
    directions side by side along a last axis of D*G are each converted)."""
    a = np.moveaxis(np.asarray(a, float), axis, -1)
    g = GATES[mode] * h
    blocks = []
    for j in range(a.shape[-1] // g):
        b = a[..., j * g:(j + 1) * g]
        if _order(mode, h) is not None:
            b = b[..., _order(mode, h)]
        b = b.copy()
        b[..., :_halved(mode, h)] *= 0.5
        blocks.append(b)
    return np.moveaxis(np.concatenate(blocks, -1), -1, axis)


def from_kernel(a, mode, h, axis):
    a = np.moveaxis(np.asarray(a, float), axis, -1)
    g = GATES[mode] * h
    blocks = []
    for j in range(a.shape[-1] // g):
        b = a[..., j * g:(j + 1) * g].copy()
        b[..., :_halved(mode, h)] *= 2.0
        if _order(mode, h) is not None:
            b = b[..., np.argsort(_order(mode, h))]
        blocks.append(b)
    return np.moveaxis(np.concatenate(blocks, -1), -1, axis)


def scan_kernel(mode, xg, w, b, s0, lengths):
    """``scan`` for inputs in the kernel's layout (xg (T, B, D*G), w (D, G, H), b (D, G))."""
    h = w.shape[2]
    return scan(mode, from_kernel(xg, mode, h, 2), from_kernel(w, mode, h, 1), from_kernel(b, mode, h, 1), s0,
                lengths)
