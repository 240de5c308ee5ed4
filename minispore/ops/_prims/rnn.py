"""Recurrent layers: one fused primitive per layer (both directions at once) and its backward time loop.

Written with primitives, an LSTM costs about fifteen Python dispatches per time step and direction, forwards and
as many again backwards. Here the input projection of every step is one matrix product outside the loop (the
caller's ``xg = x @ W_ih^T + b_ih``), and ``RecurrentScan`` runs the recurrence over all steps, the two
directions of a bidirectional layer batched into the same matrix products, in about ten NumPy calls per step.

``RecurrentScan(xg, w_hh, b_hh, s0, lengths)``, ``mode`` one of 'LSTM', 'GRU', 'RNN_TANH', 'RNN_RELU':

- ``xg`` (T, B, D*G): the input projections in time order, direction d's gates in columns [d*G, (d+1)*G) in
  MindSpore's gate order (LSTM i, f, g, o; GRU r, z, n); ``w_hh`` (D, G, H), ``b_hh`` (D, G);
- ``s0`` (D, B, S): the initial states, S = 2H for an LSTM (h then c), else H;
- ``lengths`` (B,) int: each sample's valid steps (with ``masked``). Past its length a sample's state is frozen,
  so the forward direction ends at its last valid step; the reverse direction runs from time T-1 down to 0 and
  idles at its initial state until its first valid step (time length-1): the reversal of each sequence within its
  length, as MindSpore's ReverseSequence does, without moving the data.

Its output is the workspace ``R`` (T, D, B, W) in *iteration* order (direction 1's row k is time T-1-k): the state
after each step in the first S columns, then what the backward pass needs (an LSTM's activated gates in the
internal order i, f, o, g; a GRU's r, z, n and the hidden projection of n). The layer reads its outputs from it
(``outputs_of``, ``final_state``).

The rules share one backward time loop (``RecurrentScanGrad``, the ``shared`` part of the VJP), which returns
every cotangent in one flat vector; each argument's rule cuts its piece out. ``RecurrentScanGrad``'s own rules
are the pullbacks of the same loop written with primitives (``_grad_formula``), so higher orders exist.
"""
import math

from ..._core import backend
from ..._core.autodiff import vjp_of
from ..._core.tensor import _literal
from ._base import NONDIFF, Primitive, bind, const, xp
from .elementwise import add, cast, greater, less, mul, sub, tanh, where, zeros_like
from .linalg import matmul
from .reduce import sum_
from .shape import broadcast_to, concat, flip, reshape, slice_, transpose

MODES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _width(mode, h):
    """Columns of the workspace per (step, direction, sample)."""
    return {"LSTM": 6 * h, "GRU": 5 * h}.get(mode, h)


def _state_size(mode, h):
    return 2 * h if mode == "LSTM" else h


def _perm(mode, h):
    """The internal gate order: an LSTM's three sigmoid gates first (i, f, o, then g), so that one tanh over
    all gates and one affine map on a contiguous block give them all (sigmoid(a) = (1 + tanh(a / 2)) / 2)."""
    if mode == "LSTM":
        return xp.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h]
    return None


def _half_scale(mode, h, dtype):
    """The factor folded into the pre-activations of the sigmoid gates (see ``_perm``)."""
    if mode == "LSTM":
        return xp.r_[xp.full(3 * h, 0.5), xp.ones(h)].astype(dtype)
    if mode == "GRU":
        return xp.r_[xp.full(2 * h, 0.5), xp.ones(h)].astype(dtype)
    return None


def _valid(lengths, t, d, masked):
    """(T, D, B, 1) bool in iteration order: step k of direction d is at time k (d = 0) or T-1-k (d = 1)."""
    if not masked:
        return None
    k = xp.arange(t)
    times = xp.stack([k, t - 1 - k], axis=1)[:, :d]                     # (T, D)
    return (times[:, :, None] < xp.asarray(lengths).reshape(1, 1, -1))[..., None]


def _iteration_order(a, d, g):
    """(T, B, D*g) in time order -> (T, D, B, g), direction 1 reversed in time."""
    t, b = a.shape[:2]
    out = xp.empty((t, d, b, g), a.dtype)
    out[:, 0] = a[:, :, :g]
    if d == 2:
        out[:, 1] = a[::-1, :, g:]
    return out


def _time_order(a):
    """(T, D, B, g) in iteration order -> (T, B, D*g) in time order (the inverse of ``_iteration_order``)."""
    t, d, b, g = a.shape
    out = xp.empty((t, b, d * g), a.dtype)
    out[:, :, :g] = a[:, 0]
    if d == 2:
        out[:, :, g:] = a[::-1, 1]
    return out


# ----------------------------------------------------------------------------- the forward time loop
def _scan_impl(xg, w_hh, b_hh, s0, lengths, mode, masked):
    t_len, batch = xg.shape[:2]
    d, g, h = w_hh.shape
    dt = xg.dtype
    perm, scale = _perm(mode, h), _half_scale(mode, h, dt)
    w = w_hh if perm is None else w_hh[:, perm]
    b = b_hh if perm is None else b_hh[:, perm]
    if scale is not None:
        w = w * scale[:, None]
    wt = xp.ascontiguousarray(xp.swapaxes(w, 1, 2))                    # (D, H, G)
    xit = _iteration_order(xg, d, g)
    if perm is not None:
        xit = xit[..., perm]
    if mode == "GRU":       # n's hidden part is multiplied by r: its bias stays with the hidden projection
        xit *= scale
        gh_bias = (b * scale)[:, None, :]
    else:
        xit += b[:, None, :]
        if scale is not None:
            xit *= scale
    if masked and batch and (lengths.min() < 0 or lengths.max() > t_len):
        layer = "RNN" if mode.startswith("RNN") else mode
        raise ValueError(f"For '{layer}', every 'seq_length' must be in [0, {t_len}] (the number of time steps "
                         f"of the input), but got {lengths.tolist()}.")
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
        if mode == "LSTM":
            a = rk[..., 2 * h:]
            xp.add(gates, xit[k], out=a)
            xp.tanh(a, out=a)
            sg = a[..., :3 * h]
            sg *= 0.5
            sg += 0.5
            c = rk[..., h:2 * h]
            xp.multiply(a[..., h:2 * h], prev[..., h:2 * h], out=c)
            c += a[..., :h] * a[..., 3 * h:]
            hn = rk[..., :h]
            xp.tanh(c, out=hn)
            hn *= a[..., 2 * h:3 * h]
        elif mode == "GRU":
            gates += gh_bias
            rz = rk[..., h:3 * h]
            xp.add(gates[..., :2 * h], xit[k, ..., :2 * h], out=rz)
            xp.tanh(rz, out=rz)
            rz *= 0.5
            rz += 0.5
            rk[..., 4 * h:] = gates[..., 2 * h:]
            n = rk[..., 3 * h:4 * h]
            xp.multiply(rz[..., :h], gates[..., 2 * h:], out=n)
            n += xit[k, ..., 2 * h:]
            xp.tanh(n, out=n)
            hn = rk[..., :h]
            xp.subtract(hp, n, out=hn)              # h' = n + z * (h - n)
            hn *= rz[..., h:]
            hn += n
        else:
            hn = rk
            xp.add(gates, xit[k], out=hn)
            if mode == "RNN_TANH":
                xp.tanh(hn, out=hn)
            else:
                xp.maximum(hn, 0, out=hn)
        if valid is not None:
            keep = ~valid[k]
            xp.copyto(rk[..., :s_size], prev[..., :s_size], where=keep)
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
def _previous_states(r, s0, h):
    """(T, D, B, H): the hidden state each step started from (iteration order)."""
    hp = xp.empty(r.shape[:3] + (h,), r.dtype)
    hp[0] = s0[..., :h]
    hp[1:] = r[:-1, ..., :h]
    return hp


def _products(a, w, out, tmp):
    """out[j] = a[j] @ w[j] for each direction, as 2-D products (see ``_scan_impl``)."""
    for j in range(a.shape[0]):
        xp.matmul(a[j], w[j], out=tmp)
        out[j] = tmp


def _scan_grad_impl(dr, r, w_hh, s0, lengths, mode, masked):
    """Every cotangent in one flat vector: d xg (T, B, D*G) in time order and MindSpore's gate order, then
    d w_hh (D, G, H), d b_hh (D, G), d s0 (D, B, S)."""
    t_len, d, batch = r.shape[:3]
    _, g, h = w_hh.shape
    dt = r.dtype
    perm = _perm(mode, h)
    w = w_hh if perm is None else w_hh[:, perm]                       # (D, G, H): dgates @ w -> dh
    valid = _valid(lengths, t_len, d, masked)
    s_size = _state_size(mode, h)
    hp_all = _previous_states(r, s0, h)
    dgi = xp.empty((t_len, d, batch, g), dt)                            # input-side pre-activation cotangents
    dgh = xp.empty_like(dgi) if mode == "GRU" else dgi                 # hidden-side (a GRU's n differs)
    ds = xp.zeros((d, batch, s_size), dt)                               # the carried state cotangent
    back = xp.empty((batch, h), dt)
    one = dt.type(1)
    # the workspace's gate columns get a cotangent only in higher-order derivatives: skip them when all zero
    gate_cot = bool(dr[..., s_size:].any())
    if mode == "LSTM":
        # the step-independent factors, in whole-sequence passes (fewer calls inside the loop)
        acts = r[..., 2 * h:]
        deriv = xp.empty_like(acts)
        sg = acts[..., :3 * h]
        xp.subtract(one, sg, out=deriv[..., :3 * h])
        deriv[..., :3 * h] *= sg
        xp.multiply(acts[..., 3 * h:], acts[..., 3 * h:], out=deriv[..., 3 * h:])
        xp.subtract(one, deriv[..., 3 * h:], out=deriv[..., 3 * h:])
        tc_all = xp.tanh(r[..., h:2 * h])
        otc_all = tc_all * tc_all
        xp.subtract(one, otc_all, out=otc_all)
        otc_all *= acts[..., 2 * h:3 * h]                                   # o * (1 - tanh(c)^2)
        c_prev_all = xp.empty_like(tc_all)
        c_prev_all[0] = s0[..., h:]
        c_prev_all[1:] = r[:-1, ..., h:2 * h]
        state_cot = bool(dr[..., h:2 * h].any())
    elif mode == "GRU":
        zs, ns = r[..., 2 * h:3 * h], r[..., 3 * h:4 * h]
        one_minus_z = one - zs
        h_minus_n = hp_all - ns
        dtanh_n = one - ns * ns
        dsig_r = r[..., h:2 * h] * (one - r[..., h:2 * h])
        dsig_z = zs * one_minus_z
    for k in range(t_len - 1, -1, -1):
        rk, drk = r[k], dr[k]
        m = None if valid is None else valid[k].astype(dt)
        dh_tot = ds[..., :h] + drk[..., :h]
        if mode == "LSTM":
            a = rk[..., 2 * h:]
            dc_tot = ds[..., h:] + drk[..., h:2 * h] if state_cot else ds[..., h:]
            dhv, dcv = (dh_tot, dc_tot) if m is None else (dh_tot * m, dc_tot * m)
            dc = dhv * otc_all[k]
            dc += dcv
            out = dgi[k]
            xp.multiply(dc, a[..., 3 * h:], out=out[..., :h])
            xp.multiply(dc, c_prev_all[k], out=out[..., h:2 * h])
            xp.multiply(dhv, tc_all[k], out=out[..., 2 * h:3 * h])
            xp.multiply(dc, a[..., :h], out=out[..., 3 * h:])
            if gate_cot:
                out += drk[..., 2 * h:]
            out *= deriv[k]
            if m is not None:
                dc_keep = dc_tot * (one - m)
            xp.multiply(dc, a[..., h:2 * h], out=ds[..., h:])
            if m is not None:
                ds[..., h:] += dc_keep
            _products(out, w, ds[..., :h], back)
            if m is not None:
                ds[..., :h] += dh_tot * (one - m)
        elif mode == "GRU":
            ghn = rk[..., 4 * h:]
            dhv = dh_tot if m is None else dh_tot * m
            dn = dhv * one_minus_z[k]
            dz = dhv * h_minus_n[k]
            if gate_cot:
                dn += drk[..., 3 * h:4 * h]
                dz += drk[..., 2 * h:3 * h]
            dn *= dtanh_n[k]
            gi, gh = dgi[k], dgh[k]
            dr_ = dn * ghn
            if gate_cot:
                dr_ += drk[..., h:2 * h]
            xp.multiply(dr_, dsig_r[k], out=gi[..., :h])
            xp.multiply(dz, dsig_z[k], out=gi[..., h:2 * h])
            gi[..., 2 * h:] = dn
            gh[..., :2 * h] = gi[..., :2 * h]
            xp.multiply(dn, rk[..., h:2 * h], out=gh[..., 2 * h:])
            if gate_cot:
                gh[..., 2 * h:] += drk[..., 4 * h:]
            direct = dhv * rk[..., 2 * h:3 * h]
            if m is not None:
                direct += dh_tot * (one - m)
            _products(gh, w, ds, back)
            ds += direct
        else:
            hk = rk
            dhv = dh_tot if m is None else dh_tot * m
            out = dgi[k]
            if mode == "RNN_TANH":
                xp.multiply(dhv, one - hk * hk, out=out)
            else:
                xp.multiply(dhv, hk > 0, out=out)
            _products(out, w, ds, back)
            if m is not None:
                ds += dh_tot * (one - m)
    inv = None if perm is None else xp.argsort(perm)
    n_x, n_w, n_b = t_len * batch * d * g, d * g * h, d * g
    flat = xp.empty(n_x + n_w + n_b + ds.size, dt)
    dx = _time_order(dgi if inv is None else dgi[..., inv])
    flat[:n_x] = dx.reshape(-1)
    # d w_hh[d] = sum over steps and samples of dgh^T h_prev; d b_hh = sum of dgh
    dgh_o = dgh if inv is None else dgh[..., inv]
    a2 = xp.swapaxes(dgh_o, 0, 1).reshape(d, t_len * batch, g)
    hp2 = xp.swapaxes(hp_all, 0, 1).reshape(d, t_len * batch, h)
    dw = flat[n_x:n_x + n_w].reshape(d, g, h)
    for j in range(d):
        xp.matmul(a2[j].T, hp2[j], out=dw[j])
    flat[n_x + n_w:n_x + n_w + n_b] = a2.sum(axis=1).reshape(-1)
    flat[n_x + n_w + n_b:] = ds.reshape(-1)
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
    perm = _perm(mode, h)
    w = w_hh if perm is None else concat([_cut_rows(w_hh, lo, hi) for lo, hi in _blocks(perm)], 1)
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
            i_, f_, o_, g_ = (_cut(rk, 2 * h + j * h, 3 * h + j * h) for j in range(4))
            c = _cut(rk, h, 2 * h)
            c_prev = _cut(prev, h, 2 * h)
            dc_tot = _cut(drk, h, 2 * h) if ds is None else add(_cut(ds, h, 2 * h), _cut(drk, h, 2 * h))
            dcv = dc_tot if m is None else mul(dc_tot, _bc(m, dc_tot))
            tc = tanh(c)
            dc = add(mul(mul(dhv, o_), sub(one_like(tc, one), mul(tc, tc))), dcv)
            da = [_cut(drk, 2 * h + j * h, 3 * h + j * h) for j in range(4)]
            di = mul(add(mul(dc, g_), da[0]), _dsig(i_, one))
            df = mul(add(mul(dc, c_prev), da[1]), _dsig(f_, one))
            do = mul(add(mul(dhv, tc), da[2]), _dsig(o_, one))
            dg = mul(add(mul(dc, i_), da[3]), sub(one_like(g_, one), mul(g_, g_)))
            gi = concat([di, df, do, dg], 2)
            gh = gi
            dc_prev = mul(dc, f_)
            dh_prev = matmul(gi, w)
            if m is not None:
                keep = sub(one_like(m, one), m)
                dc_prev = add(dc_prev, mul(dc_tot, _bc(keep, dc_tot)))
                dh_prev = add(dh_prev, mul(dh_tot, _bc(keep, dh_tot)))
            ds = concat([dh_prev, dc_prev], 2)
        elif mode == "GRU":
            r_, z_, n_, ghn = (_cut(rk, h + j * h, 2 * h + j * h) for j in range(4))
            dn = mul(add(mul(dhv, sub(one_like(z_, one), z_)), _cut(drk, 3 * h, 4 * h)),
                     sub(one_like(n_, one), mul(n_, n_)))
            dz = add(mul(dhv, sub(hp, n_)), _cut(drk, 2 * h, 3 * h))
            dr_ = add(mul(dn, ghn), _cut(drk, h, 2 * h))
            drp, dzp = mul(dr_, _dsig(r_, one)), mul(dz, _dsig(z_, one))
            gi = concat([drp, dzp, dn], 2)
            gh = concat([drp, dzp, add(mul(dn, r_), _cut(drk, 4 * h, 5 * h))], 2)
            direct = mul(dhv, z_)
            if m is not None:
                direct = add(direct, mul(dh_tot, _bc(sub(one_like(m, one), m), dh_tot)))
            ds = add(matmul(gh, w), direct)
        else:
            deriv = sub(one_like(rk, one), mul(rk, rk)) if mode == "RNN_TANH" else _relu_mask(rk)
            gi = gh = mul(dhv, deriv)
            ds = matmul(gi, w)
            if m is not None:
                ds = add(ds, mul(dh_tot, _bc(sub(one_like(m, one), m), dh_tot)))
        dgi_rows[k], dgh_rows[k] = gi, gh
    dgi = _stack_rows(dgi_rows)                                       # (T, D, B, G), internal order
    dgh = _stack_rows(dgh_rows)
    if perm is not None:
        inv = xp.argsort(perm)
        dgi = concat([_cut(dgi, lo, hi) for lo, hi in _blocks(inv)], 3)
        dgh = concat([_cut(dgh, lo, hi) for lo, hi in _blocks(inv)], 3)
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


def _blocks(perm):
    """Contiguous runs of a permutation: [(lo, hi), ...] with perm == concatenation of ranges."""
    runs, start = [], int(perm[0])
    for a, b in zip(perm[:-1], perm[1:]):
        if int(b) != int(a) + 1:
            runs.append((start, int(a) + 1))
            start = int(b)
    runs.append((start, int(perm[-1]) + 1))
    return runs


def _cut_rows(w, lo, hi):
    """``w[:, lo:hi]`` of a (D, G, H) weight."""
    d, _, h = w._data.shape
    return slice_(w, (0, lo, 0), (d, hi, h))


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


def one_like(t, one):
    return broadcast_to(one, t._data.shape)


def _dsig(s, one):
    return mul(s, sub(one_like(s, one), s))


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
def outputs_of(r, hidden, masked_time=None):
    """(T, B, D*H) outputs in time order from the workspace (T, D, B, W); ``masked_time`` (T, B, 1) bool, True
    at the valid steps, zeroes the outputs past each sample's length."""
    t_len, d, batch = r._data.shape[:3]
    dirs = [reshape(slice_(r, (0, j, 0, 0), (t_len, j + 1, batch, hidden)), (t_len, batch, hidden))
            for j in range(d)]
    if d == 2:
        dirs[1] = flip(dirs[1], (0,))
    y = concat(dirs, 2) if d == 2 else dirs[0]
    if masked_time is not None:     # a selection, as MindSpore's (a product would give -0.0)
        y = where(broadcast_to(masked_time, y._data.shape), y, zeros_like(y))
    return y


def final_state(r, lo, hi):
    """(D, B, hi-lo): each direction's state after its last step, columns lo:hi."""
    t_len, d, batch = r._data.shape[:3]
    return reshape(slice_(r, (t_len - 1, 0, 0, lo), (t_len, d, batch, hi)), (d, batch, hi - lo))

