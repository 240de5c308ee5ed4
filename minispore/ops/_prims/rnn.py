"""Recurrent layers: one fused primitive per layer (both directions at once) and its backward time loop.

Written with primitives, an LSTM costs about fifteen Python dispatches per time step and direction, forwards and
as many again backwards. Here the input projection of every step is one matrix product outside the loop (the
caller's ``xg = x @ W_ih^T + b``), and ``RecurrentScan`` runs the recurrence over all steps, the two directions
of a bidirectional layer in the same loop, in about ten NumPy calls per step.

The kernel works in its own gate layout, which the caller produces from MindSpore's with primitives
(``kernel_layout``, on the weights: cheap, and differentiable like any other op): an LSTM's gates are reordered
i, f, o, g (MindSpore's i, f, g, o) so that the three sigmoid gates are one block, and the pre-activations of
every sigmoid gate (LSTM i, f, o; GRU r, z) are halved, so that one tanh over all gates and one affine map give
them all: sigmoid(a) = (1 + tanh(a / 2)) / 2. Inside the kernel a sigmoid gate is therefore
``(1 + tanh(a)) / 2``.

``RecurrentScan(xg, w_hh, b_hh, s0, lengths)``, ``mode`` one of 'LSTM', 'GRU', 'RNN_TANH', 'RNN_RELU':

- ``xg`` (T, B, D*G): the input projections in time order, direction d's gates in columns [d*G, (d+1)*G);
  ``w_hh`` (D, G, H) and ``b_hh`` (D, G): the hidden projection ``h @ w_hh^T + b_hh`` of every step (a GRU's n
  gate multiplies its part by r; an LSTM's or RNN's caller may fold b_hh into xg and pass zeros);
- ``s0`` (D, B, S): the initial states, S = 2H for an LSTM (h then c), else H;
- ``lengths`` (B,) int: each sample's valid steps (with ``masked``). Past its length a sample's state is frozen,
  so the forward direction ends at its last valid step; the reverse direction runs from time T-1 down to 0 and
  idles at its initial state until its first valid step (time length-1): the reversal of each sequence within its
  length, as MindSpore's ReverseSequence does, without moving the data.

Its output is the workspace ``R`` (T, D, B, W) in *iteration* order (direction 1's row k is time T-1-k): the state
after each step in the first S columns, then what the backward pass needs (an LSTM's tanh(c) and its activated
gates i, f, o, g; a GRU's r, z, n and the hidden projection of n). The layer reads its outputs from it with one linear
primitive (``read_scan``: ``RecurrentScanRead`` and its adjoint).

The rules share one backward time loop (``RecurrentScanGrad``, the ``shared`` part of the VJP), which returns
every cotangent in one flat vector; each argument's rule cuts its piece out. ``RecurrentScanGrad``'s own rules
are the pullbacks of the same loop written with primitives (``_grad_formula``), so higher orders exist.
"""
import math
import weakref

from ..._core import backend
from ..._core.autodiff import vjp_of
from ..._core.tensor import _literal
from ._base import NONDIFF, Primitive, bind, const, xp
from .elementwise import add, cast, greater, less, mul, sub, zeros_like
from .index import gather
from .linalg import matmul
from .reduce import sum_
from .shape import broadcast_to, concat, flip, reshape, slice_, transpose

MODES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _width(mode, h):
    """Columns of the workspace per (step, direction, sample)."""
    return {"LSTM": 7 * h, "GRU": 5 * h}.get(mode, h)


def _state_size(mode, h):
    return 2 * h if mode == "LSTM" else h


def _sigmoid_columns(mode, h):
    """How many leading gate columns are sigmoid gates (halved pre-activations in the kernel layout)."""
    return {"LSTM": 3 * h, "GRU": 2 * h}.get(mode, 0)


# ----------------------------------------------------------------------------- the kernel layout
def kernel_layout(t, mode, hidden):
    """MindSpore's gate layout -> the kernel's, along axis 0 of ``t`` (a weight (G, in), or a bias (G,)), with
    primitives: an LSTM's blocks i, f, g, o reordered i, f, o, g (one gather), and the sigmoid gates' rows halved
    (one product)."""
    key = (mode, hidden, t._data.dtype, t._data.ndim)
    consts = _LAYOUTS.get(key)
    if consts is None:
        order = None
        if mode == "LSTM":
            h = hidden
            order = _literal(backend.asarray(xp.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h].astype(xp.int64)))
        n = _sigmoid_columns(mode, hidden)
        half = None
        if n:
            col = xp.ones(MODES[mode] * hidden, t._data.dtype)
            col[:n] = 0.5
            half = _literal(backend.asarray(col.reshape((-1,) + (1,) * (t._data.ndim - 1))))
        consts = _LAYOUTS[key] = (order, half)
    order, half = consts
    if order is not None:
        t = gather(t, order, 0)
    if half is not None:
        t = mul(t, broadcast_to(half, t._data.shape))
    return t


_LAYOUTS = {}       # (mode, hidden, dtype, rank) -> the gather indices and the halving column (constants)


def _valid(lengths, t, d, masked):
    """(T, D, B, 1) bool in iteration order: step k of direction d is at time k (d = 0) or T-1-k (d = 1)."""
    if not masked:
        return None
    k = xp.arange(t)
    times = xp.stack([k, t - 1 - k], axis=1)[:, :d]                     # (T, D)
    return (times[:, :, None] < xp.asarray(lengths).reshape(1, 1, -1))[..., None]


# ----------------------------------------------------------------------------- the forward time loop
def _scan_impl(xg, w_hh, b_hh, s0, lengths, mode, masked):
    t_len, batch = xg.shape[:2]
    d, g, h = w_hh.shape
    dt = xg.dtype
    if masked and batch and (lengths.min() < 0 or lengths.max() > t_len):
        layer = "RNN" if mode.startswith("RNN") else mode
        raise ValueError(f"For '{layer}', every 'seq_length' must be in [0, {t_len}] (the number of time steps "
                         f"of the input), but got {lengths.tolist()}.")
    wt = xp.ascontiguousarray(xp.swapaxes(w_hh, 1, 2))                 # (D, H, G)
    bias = b_hh[:, None, :] if b_hh.any() else None
    valid = _valid(lengths, t_len, d, masked)
    r = xp.empty((t_len, d, batch, _width(mode, h)), dt)
    s_size = _state_size(mode, h)
    prev = s0
    gates = xp.empty((d, batch, g), dt)
    for k in range(t_len):
        rk = r[k]
        hp = prev[..., :h]
        for j in range(d):      # 2-D products: NumPy's stacked matmul is far slower than BLAS per matrix
            xp.matmul(hp[j], wt[j], out=gates[j])
        if bias is not None:
            gates += bias
        if mode == "GRU":
            rz = rk[..., h:3 * h]
            n = rk[..., 3 * h:4 * h]
            for j in range(d):
                x_t = xg[k if j == 0 else t_len - 1 - k, :, j * g:(j + 1) * g]
                xp.add(gates[j, :, :2 * h], x_t[:, :2 * h], out=rz[j])
                n[j] = x_t[:, 2 * h:]
            xp.tanh(rz, out=rz)
            rz *= 0.5
            rz += 0.5
            rk[..., 4 * h:] = gates[..., 2 * h:]
            n += rz[..., :h] * gates[..., 2 * h:]
            xp.tanh(n, out=n)
            hn = rk[..., :h]
            xp.subtract(hp, n, out=hn)              # h' = n + z * (h - n)
            hn *= rz[..., h:]
            hn += n
        else:
            a = rk[..., 3 * h:] if mode == "LSTM" else rk
            for j in range(d):
                xp.add(gates[j], xg[k if j == 0 else t_len - 1 - k, :, j * g:(j + 1) * g], out=a[j])
            if mode == "LSTM":
                xp.tanh(a, out=a)
                sg = a[..., :3 * h]
                sg *= 0.5
                sg += 0.5
                c = rk[..., h:2 * h]
                xp.multiply(a[..., h:2 * h], prev[..., h:2 * h], out=c)
                c += a[..., :h] * a[..., 3 * h:]
                tc = rk[..., 2 * h:3 * h]
                xp.tanh(c, out=tc)
                xp.multiply(tc, a[..., 2 * h:3 * h], out=rk[..., :h])
            elif mode == "RNN_TANH":
                xp.tanh(a, out=a)
            else:
                xp.maximum(a, 0, out=a)
        if valid is not None:
            xp.copyto(rk[..., :s_size], prev[..., :s_size], where=~valid[k])
        prev = rk
    return r


def _scan_abstract(xg, w_hh, b_hh, s0, lengths, mode, masked):
    if mode not in MODES:
        raise ValueError(f"For 'RecurrentScan', the mode must be one of {sorted(MODES)}, but got {mode!r}.")
    if len(w_hh.shape) != 3 or len(xg.shape) != 3:
        raise ValueError(f"For 'RecurrentScan', the input projections must be (T, B, D*G) and the hidden weights "
                         f"(D, G, H), but got shapes {tuple(xg.shape)} and {tuple(w_hh.shape)}.")
    d, g, h = w_hh.shape
    t_len, batch, dg = xg.shape
    if g != MODES[mode] * h or dg != d * g or d not in (1, 2):
        raise ValueError(f"For 'RecurrentScan' ({mode}), the hidden weights {tuple(w_hh.shape)} and the input "
                         f"projections {tuple(xg.shape)} do not fit: expected (D, {MODES[mode]}*H, H) and "
                         f"(T, B, D*{MODES[mode]}*H) with D 1 or 2.")
    if tuple(b_hh.shape) != (d, g) or tuple(s0.shape) != (d, batch, _state_size(mode, h)):
        raise ValueError(f"For 'RecurrentScan' ({mode}), the hidden bias {tuple(b_hh.shape)} or the initial state "
                         f"{tuple(s0.shape)} does not fit: expected ({d}, {g}) and "
                         f"({d}, {batch}, {_state_size(mode, h)}).")
    if tuple(lengths.shape) != (batch,):
        raise ValueError(f"For 'RecurrentScan', the lengths must have shape ({batch},), but got "
                         f"{tuple(lengths.shape)}.")
    return (t_len, d, batch, _width(mode, h)), xg.dtype


scan_p = Primitive("RecurrentScan", _scan_impl, 5, _scan_abstract)


def recurrent_scan(xg, w_hh, b_hh, s0, lengths, mode, masked):
    return bind(scan_p, xg, w_hh, b_hh, s0, lengths, mode=mode, masked=bool(masked))


# ----------------------------------------------------------------------------- the backward time loop
def _scan_grad_impl(dr, r, w_hh, s0, lengths, mode, masked):
    """Every cotangent in one flat vector: d xg (T, B, D*G) in time order, then d w_hh (D, G, H), d b_hh (D, G),
    d s0 (D, B, S); the gate cotangents are taken with respect to the kernel layout's pre-activations."""
    t_len, d, batch = r.shape[:3]
    _, g, h = w_hh.shape
    dt = r.dtype
    valid = _valid(lengths, t_len, d, masked)
    s_size = _state_size(mode, h)
    n_x, n_w, n_b = t_len * batch * d * g, d * g * h, d * g
    flat = xp.empty(n_x + n_w + n_b + d * batch * s_size, dt)
    # the input-side gate cotangents go straight into d xg (time order); a GRU's hidden side differs (its n
    # gate), and is kept apart, per direction in time order too
    dx = flat[:n_x].reshape(t_len, batch, d * g)
    dgh_time = xp.empty((d, t_len, batch, g), dt) if mode == "GRU" else None
    # per direction, in time order: the hidden state each step started from
    hp_time = xp.empty((d, t_len, batch, h), dt)
    hp_time[0, 0] = s0[0, :, :h]
    hp_time[0, 1:] = r[:-1, 0, :, :h]
    if d == 2:
        hp_time[1, -1] = s0[1, :, :h]
        hp_time[1, :-1] = r[-2::-1, 1, :, :h]
    out = xp.empty((d, batch, g), dt)                                   # one step's gate cotangents
    ds = xp.zeros((d, batch, h), dt)                                    # the carried cotangent of h
    ds_c = xp.zeros((d, batch, h), dt) if mode == "LSTM" else None      # ... and of an LSTM's c
    one, two = dt.type(1), dt.type(2)
    w_back = w_hh
    if mode == "LSTM":
        # the loop leaves out the factor 2 of the sigmoid gates' derivative 2 s (1 - s); their columns are
        # doubled where the gate cotangents are used: in this copy of the weights, and as they go into dx
        w_back = w_hh.copy()
        w_back[:, :3 * h] *= two
    scale = None
    if mode == "LSTM":
        scale = xp.ones(g, dt)
        scale[:3 * h] = two
    # the workspace's gate columns (and an LSTM's c) get a cotangent only in higher-order derivatives: skip them
    # when they are zero (known for what RecurrentScanReadGrad made, else looked at)
    known = _READ_COTANGENTS.get(id(dr)) is dr
    gate_cot = not known and bool(dr[..., s_size:].any())
    state_cot = mode == "LSTM" and bool(dr[..., h:2 * h].any())
    for k in range(t_len - 1, -1, -1):
        rk, drk = r[k], dr[k]
        m = None if valid is None else valid[k].astype(dt)
        dh_tot = ds + drk[..., :h]
        dhv = dh_tot if m is None else dh_tot * m
        if mode == "LSTM":
            a = rk[..., 3 * h:]
            i_, f_, o_, g_ = a[..., :h], a[..., h:2 * h], a[..., 2 * h:3 * h], a[..., 3 * h:]
            c_prev = s0[..., h:] if k == 0 else r[k - 1, ..., h:2 * h]
            dc_tot = ds_c + drk[..., h:2 * h] if state_cot else ds_c
            tc = rk[..., 2 * h:3 * h]
            dtc = dhv * o_
            if gate_cot:
                dtc += drk[..., 2 * h:3 * h]
            dc = tc * tc
            xp.subtract(one, dc, out=dc)
            dc *= dtc
            dc += dc_tot if m is None else dc_tot * m
            xp.multiply(dc, g_, out=out[..., :h])
            xp.multiply(dc, c_prev, out=out[..., h:2 * h])
            xp.multiply(dhv, tc, out=out[..., 2 * h:3 * h])
            xp.multiply(dc, i_, out=out[..., 3 * h:])
            if gate_cot:
                out += drk[..., 3 * h:]
            deriv = a * a                           # s - s^2 for the sigmoid gates (times 2 later), 1 - g^2
            xp.subtract(a[..., :3 * h], deriv[..., :3 * h], out=deriv[..., :3 * h])
            xp.subtract(one, deriv[..., 3 * h:], out=deriv[..., 3 * h:])
            out *= deriv
            keep_c = None if m is None else dc_tot * (one - m)
            xp.multiply(dc, f_, out=ds_c)
            if keep_c is not None:
                ds_c += keep_c
            for j in range(d):
                xp.matmul(out[j], w_back[j], out=ds[j])
                t = k if j == 0 else t_len - 1 - k
                xp.multiply(out[j], scale, out=dx[t, :, j * g:(j + 1) * g])
            if m is not None:
                ds += dh_tot * (one - m)
        elif mode == "GRU":
            hp = s0[..., :h] if k == 0 else r[k - 1, ..., :h]
            r_, z_, n_, ghn = rk[..., h:2 * h], rk[..., 2 * h:3 * h], rk[..., 3 * h:4 * h], rk[..., 4 * h:]
            dn = dhv * (one - z_)
            dz = dhv * (hp - n_)
            if gate_cot:
                dn += drk[..., 3 * h:4 * h]
                dz += drk[..., 2 * h:3 * h]
            dn *= one - n_ * n_
            dr_ = dn * ghn
            if gate_cot:
                dr_ += drk[..., h:2 * h]
            xp.multiply(dr_, two * r_ * (one - r_), out=out[..., :h])
            xp.multiply(dz, two * z_ * (one - z_), out=out[..., h:2 * h])
            for j in range(d):       # the input side: n's cotangent before the product with r
                t = k if j == 0 else t_len - 1 - k
                dx[t, :, j * g:j * g + 2 * h] = out[j, :, :2 * h]
                dx[t, :, j * g + 2 * h:(j + 1) * g] = dn[j]
            xp.multiply(dn, r_, out=out[..., 2 * h:])
            if gate_cot:
                out[..., 2 * h:] += drk[..., 4 * h:]
            direct = dhv * z_
            if m is not None:
                direct += dh_tot * (one - m)
            for j in range(d):
                xp.matmul(out[j], w_hh[j], out=ds[j])
                dgh_time[j, k if j == 0 else t_len - 1 - k] = out[j]
            ds += direct
        else:
            if mode == "RNN_TANH":
                xp.multiply(dhv, one - rk * rk, out=out)
            else:
                xp.multiply(dhv, rk > 0, out=out)
            for j in range(d):
                xp.matmul(out[j], w_hh[j], out=ds[j])
                dx[k if j == 0 else t_len - 1 - k, :, j * g:(j + 1) * g] = out[j]
            if m is not None:
                ds += dh_tot * (one - m)
    # d w_hh[d] = sum over steps and samples of dgh^T h_prev; d b_hh = sum of dgh (both in time order)
    dw = flat[n_x:n_x + n_w].reshape(d, g, h)
    db = xp.empty((d, g), dt)
    for j in range(d):
        side = dgh_time[j] if dgh_time is not None else dx[:, :, j * g:(j + 1) * g]
        side = side.reshape(t_len * batch, g)
        xp.matmul(side.T, hp_time[j].reshape(t_len * batch, h), out=dw[j])
        side.sum(axis=0, out=db[j])
    flat[n_x + n_w:n_x + n_w + n_b] = db.reshape(-1)
    dstate = flat[n_x + n_w + n_b:].reshape(d, batch, s_size)
    dstate[..., :h] = ds
    if ds_c is not None:
        dstate[..., h:] = ds_c
    return flat


def _scan_grad_abstract(dr, r, w_hh, s0, lengths, mode, masked):
    t_len, d, batch = r.shape[:3]
    _, g, h = w_hh.shape
    return (t_len * batch * d * g + d * g * h + d * g + d * batch * _state_size(mode, h),), r.dtype


scan_grad_p = Primitive("RecurrentScanGrad", _scan_grad_impl, 5, _scan_grad_abstract)


def _pieces(r_shape, w_shape, mode):
    t_len, d, batch = r_shape[:3]
    _, g, h = w_shape
    sizes = [(t_len, batch, d * g), (d, g, h), (d, g), (d, batch, _state_size(mode, h))]
    bounds, at = [], 0
    for shape in sizes:
        n = math.prod(shape)
        bounds.append((at, at + n, shape))
        at += n
    return bounds


def _piece(index):
    def rule(flat, out, xg, w_hh, b_hh, s0, lengths, mode, masked):
        lo, hi, shape = _pieces(out._data.shape, w_hh._data.shape, mode)[index]
        return reshape(slice_(flat, (lo,), (hi,)), shape)
    return rule


scan_p.def_vjp(_piece(0), _piece(1), _piece(2), _piece(3), NONDIFF,
               shared=lambda dout, out, xg, w_hh, b_hh, s0, lengths, mode, masked:
               bind(scan_grad_p, dout, out, w_hh, s0, lengths, mode=mode, masked=masked))


# ----------------------------------------------------------------------------- the same loop with primitives
def _cut(t, lo, hi):
    """``t[..., lo:hi]``."""
    shape = t._data.shape
    return slice_(t, (0,) * (len(shape) - 1) + (lo,), shape[:-1] + (hi,))


def _row(t, k):
    """``t[k]`` (dropping the axis)."""
    shape = t._data.shape
    return reshape(slice_(t, (k,) + (0,) * (len(shape) - 1), (k + 1,) + shape[1:]), shape[1:])


def _grad_formula(dr, r, w_hh, s0, lengths, mode, masked):
    """``_scan_grad_impl`` written with primitives (the rules of RecurrentScanGrad: its pullback)."""
    t_len, d, batch = r._data.shape[:3]
    _, g, h = w_hh._data.shape
    one = const(1.0, r)
    s_size = _state_size(mode, h)
    ds = None
    dgi_rows, dgh_rows, hp_rows = [None] * t_len, [None] * t_len, [None] * t_len
    for k in range(t_len - 1, -1, -1):
        rk, drk = _row(r, k), _row(dr, k)
        prev = s0 if k == 0 else _cut(_row(r, k - 1), 0, s_size)
        hp = _cut(prev, 0, h)
        hp_rows[k] = hp
        m = _step_mask(lengths, k, t_len, d, r) if masked else None
        dh_tot = _cut(drk, 0, h) if ds is None else add(_cut(ds, 0, h), _cut(drk, 0, h))
        dhv = dh_tot if m is None else mul(dh_tot, _bc(m, dh_tot))
        if mode == "LSTM":
            i_, f_, o_, g_ = (_cut(rk, 3 * h + j * h, 4 * h + j * h) for j in range(4))
            tc = _cut(rk, 2 * h, 3 * h)
            c_prev = _cut(prev, h, 2 * h)
            dc_tot = _cut(drk, h, 2 * h) if ds is None else add(_cut(ds, h, 2 * h), _cut(drk, h, 2 * h))
            dcv = dc_tot if m is None else mul(dc_tot, _bc(m, dc_tot))
            dtc = add(mul(dhv, o_), _cut(drk, 2 * h, 3 * h))
            dc = add(mul(dtc, sub(_ones_as(tc, one), mul(tc, tc))), dcv)
            da = [_cut(drk, 3 * h + j * h, 4 * h + j * h) for j in range(4)]
            di = mul(add(mul(dc, g_), da[0]), _dsig(i_, one))
            df = mul(add(mul(dc, c_prev), da[1]), _dsig(f_, one))
            do = mul(add(mul(dhv, tc), da[2]), _dsig(o_, one))
            dg = mul(add(mul(dc, i_), da[3]), sub(_ones_as(g_, one), mul(g_, g_)))
            gi = concat([di, df, do, dg], 2)
            gh = gi
            dc_prev = mul(dc, f_)
            dh_prev = matmul(gi, w_hh)
            if m is not None:
                keep = sub(_ones_as(m, one), m)
                dc_prev = add(dc_prev, mul(dc_tot, _bc(keep, dc_tot)))
                dh_prev = add(dh_prev, mul(dh_tot, _bc(keep, dh_tot)))
            ds = concat([dh_prev, dc_prev], 2)
        elif mode == "GRU":
            r_, z_, n_, ghn = (_cut(rk, h + j * h, 2 * h + j * h) for j in range(4))
            dn = mul(add(mul(dhv, sub(_ones_as(z_, one), z_)), _cut(drk, 3 * h, 4 * h)),
                     sub(_ones_as(n_, one), mul(n_, n_)))
            dz = add(mul(dhv, sub(hp, n_)), _cut(drk, 2 * h, 3 * h))
            dr_ = add(mul(dn, ghn), _cut(drk, h, 2 * h))
            drp, dzp = mul(dr_, _dsig(r_, one)), mul(dz, _dsig(z_, one))
            gi = concat([drp, dzp, dn], 2)
            gh = concat([drp, dzp, add(mul(dn, r_), _cut(drk, 4 * h, 5 * h))], 2)
            direct = mul(dhv, z_)
            if m is not None:
                direct = add(direct, mul(dh_tot, _bc(sub(_ones_as(m, one), m), dh_tot)))
            ds = add(matmul(gh, w_hh), direct)
        else:
            deriv = sub(_ones_as(rk, one), mul(rk, rk)) if mode == "RNN_TANH" else _relu_mask(rk)
            gi = gh = mul(dhv, deriv)
            ds = matmul(gi, w_hh)
            if m is not None:
                ds = add(ds, mul(dh_tot, _bc(sub(_ones_as(m, one), m), dh_tot)))
        dgi_rows[k], dgh_rows[k] = gi, gh
    dgi = _stack_rows(dgi_rows)                                       # (T, D, B, G), iteration order
    dgh = _stack_rows(dgh_rows)
    hp_all = _stack_rows(hp_rows)
    # time order: direction 1 reversed
    dx_dirs = [reshape(_cut_axis(dgi, 1, j), (t_len, batch, g)) for j in range(d)]
    if d == 2:
        dx_dirs[1] = flip(dx_dirs[1], (0,))
    dx = concat(dx_dirs, 2) if d == 2 else dx_dirs[0]
    a2 = reshape(transpose(dgh, (1, 0, 2, 3)), (d, t_len * batch, g))
    hp2 = reshape(transpose(hp_all, (1, 0, 2, 3)), (d, t_len * batch, h))
    dw = matmul(transpose(a2, (0, 2, 1)), hp2)
    db = sum_(a2, (1,), False)
    return concat([reshape(a, (a._data.size,)) for a in (dx, dw, db, ds)], 0)


def _cut_axis(t, axis, j):
    shape = t._data.shape
    starts = [0] * len(shape)
    stops = list(shape)
    starts[axis], stops[axis] = j, j + 1
    return slice_(t, tuple(starts), tuple(stops))


def _stack_rows(rows):
    return concat([reshape(x, (1,) + x._data.shape) for x in rows], 0)


def _bc(m, like):
    return broadcast_to(m, like._data.shape)


def _ones_as(t, one):
    return broadcast_to(one, t._data.shape)


def _dsig(s, one):
    """d/da of the kernel's sigmoid gate (1 + tanh a) / 2 = s: 2 s (1 - s)."""
    return mul(add(s, s), sub(_ones_as(s, one), s))


def _relu_mask(hk):
    return cast(greater(hk, zeros_like(hk)), hk._data.dtype)


def _step_mask(lengths, k, t_len, d, like):
    """(D, B, 1), 1 where step k of each direction is within the sample's length (see ``_valid``)."""
    batch = lengths._data.shape[0]
    times = _literal(backend.asarray(xp.repeat(xp.asarray([k, t_len - 1 - k][:d]).reshape(d, 1), batch, 1),
                                     lengths._data.dtype))
    inside = less(times, broadcast_to(reshape(lengths, (1, batch)), (d, batch)))
    return reshape(cast(inside, like._data.dtype), (d, batch, 1))


def _formula_rule(index):
    def rule(g, out, dr, r, w_hh, s0, lengths, mode, masked):
        return vjp_of(lambda a, b, c, e: _grad_formula(a, b, c, e, lengths, mode, masked),
                      (dr, r, w_hh, s0), g)[index]
    return rule


scan_grad_p.def_vjp(_formula_rule(0), _formula_rule(1), _formula_rule(2), _formula_rule(3), NONDIFF)


# ----------------------------------------------------------------------------- reading the workspace
# The layer's outputs come out of the workspace through one linear primitive, so that the cotangent of the
# workspace is one array (written once), not a sum of a workspace-sized array per slice taken.
def _read_rows(mode):
    return 2 if mode == "LSTM" else 1


def _scan_read_impl(r, lengths, mode, hidden, masked):
    """(T + 1 or 2, B, D*H): rows 0..T-1 the outputs in time order (zero past each sample's length), row T each
    direction's final h side by side, row T+1 (LSTM) the final c."""
    t_len, d, batch = r.shape[:3]
    h = hidden
    out = xp.empty((t_len + _read_rows(mode), batch, d * h), r.dtype)
    out[:t_len, :, :h] = r[:, 0, :, :h]
    if d == 2:
        out[:t_len, :, h:] = r[::-1, 1, :, :h]
    if masked:
        past = xp.arange(t_len)[:, None] >= xp.asarray(lengths)[None, :]
        out[:t_len][past] = 0
    for j in range(d):
        out[t_len, :, j * h:(j + 1) * h] = r[-1, j, :, :h]
        if mode == "LSTM":
            out[t_len + 1, :, j * h:(j + 1) * h] = r[-1, j, :, h:2 * h]
    return out


def _scan_read_grad_impl(dp, lengths, r_shape, mode, hidden, masked):
    """The adjoint of ``_scan_read_impl``: the workspace's cotangent from the outputs' and final states'."""
    t_len, d, batch, _ = r_shape
    h = hidden
    dr = xp.zeros(r_shape, dp.dtype)
    dy = dp[:t_len]
    if masked:
        dy = dy.copy()
        dy[xp.arange(t_len)[:, None] >= xp.asarray(lengths)[None, :]] = 0
    dr[:, 0, :, :h] = dy[:, :, :h]
    if d == 2:
        dr[:, 1, :, :h] = dy[::-1, :, h:]
    for j in range(d):
        dr[-1, j, :, :h] += dp[t_len, :, j * h:(j + 1) * h]
        if mode == "LSTM":
            dr[-1, j, :, h:2 * h] += dp[t_len + 1, :, j * h:(j + 1) * h]
    _READ_COTANGENTS[id(dr)] = dr
    return dr


# The workspace cotangents RecurrentScanReadGrad made: zero outside the h and c columns, which the backward loop
# then need not look at. (Sound because no kernel writes into its inputs, and cotangents are summed into new
# arrays, never in place.)
_READ_COTANGENTS = weakref.WeakValueDictionary()


scan_read_p = Primitive(
    "RecurrentScanRead", _scan_read_impl, 2,
    lambda r, lengths, mode, hidden, masked: ((r.shape[0] + _read_rows(mode), r.shape[2], r.shape[1] * hidden),
                                              r.dtype))
scan_read_grad_p = Primitive(
    "RecurrentScanReadGrad", _scan_read_grad_impl, 2,
    lambda dp, lengths, r_shape, mode, hidden, masked: (tuple(r_shape), dp.dtype))
scan_read_p.def_vjp(
    lambda dout, out, r, lengths, mode, hidden, masked:
    bind(scan_read_grad_p, dout, lengths, r_shape=tuple(r._data.shape), mode=mode, hidden=hidden, masked=masked),
    NONDIFF)
scan_read_grad_p.def_vjp(
    lambda g, out, dp, lengths, r_shape, mode, hidden, masked:
    bind(scan_read_p, g, lengths, mode=mode, hidden=hidden, masked=masked),
    NONDIFF)


def read_scan(r, lengths, mode, hidden, masked):
    """(outputs (T, B, D*H) in time order, zero past each length; final h (D, B, H); final c (D, B, H) or
    None): what a recurrent layer returns, read from the workspace ``r``."""
    t_len, d, batch = r._data.shape[:3]
    packed = bind(scan_read_p, r, lengths, mode=mode, hidden=hidden, masked=bool(masked))
    y = reshape(slice_(packed, (0, 0, 0), (t_len, batch, d * hidden)), (t_len, batch, d * hidden))

    def state(row):
        s = reshape(slice_(packed, (row, 0, 0), (row + 1, batch, d * hidden)), (batch, d, hidden))
        return transpose(s, (1, 0, 2))
    return y, state(t_len), (state(t_len + 1) if mode == "LSTM" else None)
